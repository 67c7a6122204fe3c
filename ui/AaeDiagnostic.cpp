#include "AaeDiagnostic.h"

#include "PlotStyle.h"

#include "explore/LatentPlane.h"
#include "models/Adversarial.h"
#include "train/Evaluate.h"

#include <qcustomplot.h>

#include <QLabel>
#include <QVBoxLayout>

namespace aelab::ui {

namespace {

struct OverlayAnswer {
    Matrix codes, prior;            // (n, 2) on the plane
    std::string xLabel, yLabel, priorName;
};

constexpr std::uint64_t kPriorSeed = 0xaae5eedull;   // the same prior sample every time

} // namespace

AaeDiagnostic::AaeDiagnostic(ExploreClient* client, QWidget* parent)
    : DiagnosticPanel("aae", tr("Prior samples over the encoded codes"), client, parent),
      m_plot(new QCustomPlot(this)), m_caption(new QLabel(this))
{
    setUpPlot(m_plot);
    m_prior = m_plot->addGraph();
    m_prior->setLineStyle(QCPGraph::lsNone);
    QColor prior = QColor(120, 120, 120, 110);
    m_prior->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, prior, prior, 4));
    m_prior->setName(tr("prior samples z ~ p(z)"));
    m_codes = m_plot->addGraph();
    m_codes->setLineStyle(QCPGraph::lsNone);
    m_codes->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, seriesColor(0), seriesColor(0), 4));
    m_codes->setName(tr("codes E(x) of the probe set"));
    m_plot->legend->setVisible(true);
    m_caption->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_plot, 1);
    layout->addWidget(m_caption);
}

bool AaeDiagnostic::appliesTo(const QString& variant, const Dataset&) const { return variant == "aae"; }

void AaeDiagnostic::clear()
{
    DiagnosticPanel::clear();
    m_codes->data()->clear();
    m_prior->data()->clear();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

int AaeDiagnostic::codePointCount() const { return m_codes->dataCount(); }
int AaeDiagnostic::priorPointCount() const { return m_prior->dataCount(); }

void AaeDiagnostic::request()
{
    ask([](ExploreContext& c) -> std::any {
        auto& aae = dynamic_cast<AdversarialAutoencoder&>(c.model);
        const Matrix codes = encodeSet(aae, c.probe.points);
        Rng rng(kPriorSeed);
        const Matrix prior = aae.prior().sample(codes.rows(), rng);
        const LatentPlane plane = fitPlane(codes, {});
        return OverlayAnswer{plane.project(codes), plane.project(prior), plane.xLabel, plane.yLabel,
                             priorName(aae.prior().spec().kind)};
    }, [this](const std::any& v) {
        const auto& a = std::any_cast<const OverlayAnswer&>(v);
        auto set = [](QCPGraph* g, const Matrix& p) {
            QVector<double> x(int(p.rows())), y(int(p.rows()));
            for (Eigen::Index i = 0; i < p.rows(); ++i) {
                x[int(i)] = p(i, 0);
                y[int(i)] = p(i, 1);
            }
            g->setData(x, y);
        };
        set(m_prior, a.prior);
        set(m_codes, a.codes);
        m_plot->xAxis->setLabel(QString::fromStdString(a.xLabel));
        m_plot->yAxis->setLabel(QString::fromStdString(a.yLabel));
        m_plot->rescaleAxes();
        for (QCPAxis* axis : {m_plot->xAxis, m_plot->yAxis})
            axis->scaleRange(1.1, axis->range().center());
        m_plot->replot(QCustomPlot::rpQueuedReplot);
        m_caption->setText(tr("Prior: %1. Grey: %2 samples of the prior; blue: the codes of the %2 probe samples. "
                              "The discriminator pushes the codes to cover the prior.")
                               .arg(QString::fromStdString(a.priorName)).arg(a.codes.rows()));
    });
}

} // namespace aelab::ui
