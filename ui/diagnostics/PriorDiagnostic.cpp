#include "diagnostics/PriorDiagnostic.h"

#include "i18n/CoreText.h"
#include "widgets/PlotStyle.h"

#include "explore/LatentPlane.h"
#include "train/Evaluate.h"

#include <qcustomplot.h>

#include <QLabel>
#include <QVBoxLayout>

namespace aelab::ui {

namespace {

struct OverlayAnswer {
    Matrix codes, prior;            // (n, 2) on the plane
    std::vector<int> labels;        // of the codes (empty when unlabelled)
    std::string xLabel, yLabel, priorName;
};

constexpr std::uint64_t kPriorSeed = 0xaae5eedull;   // the same prior sample every time

} // namespace

PriorDiagnostic::PriorDiagnostic(ExploreClient* client, QWidget* parent)
    : DiagnosticPanel("prior", tr("Prior samples over the encoded codes"), client, parent),
      m_plot(new QCustomPlot(this)), m_caption(new QLabel(this))
{
    setUpPlot(m_plot);
    m_prior = m_plot->addGraph();
    m_prior->setLineStyle(QCPGraph::lsNone);
    QColor prior = QColor(120, 120, 120, 110);
    m_prior->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, prior, prior, 4));
    m_prior->setName(tr("prior samples z ~ p(z)"));
    m_plot->legend->setVisible(true);
    m_caption->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_plot, 1);
    layout->addWidget(m_caption);
}


void PriorDiagnostic::clear()
{
    DiagnosticPanel::clear();
    for (QCPGraph* g : m_codes)
        m_plot->removeGraph(g);
    m_codes.clear();
    m_prior->data()->clear();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

int PriorDiagnostic::codePointCount() const
{
    int n = 0;
    for (const QCPGraph* g : m_codes)
        n += g->dataCount();
    return n;
}
int PriorDiagnostic::priorPointCount() const { return m_prior->dataCount(); }

void PriorDiagnostic::request()
{
    ask([](ExploreContext& c) -> std::any {
        const Matrix codes = encodeSet(c.model, c.probe.points);
        Rng rng(kPriorSeed);
        const Matrix prior = c.model.samplePrior(int(codes.rows()), rng);
        const LatentPlane plane = fitPlane(codes, {});
        return OverlayAnswer{plane.project(codes), plane.project(prior), c.probe.pointLabels, plane.xLabel,
                             plane.yLabel, c.model.priorName()};
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
        // One graph per class, in the map's colours.
        int classes = 1;
        for (int l : a.labels)
            classes = std::max(classes, l + 1);
        const bool labelled = a.labels.size() == std::size_t(a.codes.rows());
        if (!labelled)
            classes = 1;
        while (int(m_codes.size()) < classes) {
            const int c = int(m_codes.size());
            QCPGraph* g = m_plot->addGraph();
            g->setLineStyle(QCPGraph::lsNone);
            g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, seriesColor(c), seriesColor(c), 4));
            g->setName(labelled ? tr("codes E(x): %1").arg(className(c)) : tr("codes E(x) of the probe set"));
            m_codes.push_back(g);
        }
        std::vector<QVector<double>> xs(m_codes.size()), ys(m_codes.size());
        for (Eigen::Index i = 0; i < a.codes.rows(); ++i) {
            const std::size_t g = labelled ? std::size_t(a.labels[std::size_t(i)]) : 0;
            xs[g] << a.codes(i, 0);
            ys[g] << a.codes(i, 1);
        }
        for (std::size_t g = 0; g < m_codes.size(); ++g)
            m_codes[g]->setData(xs[g], ys[g]);
        m_plot->xAxis->setLabel(QString::fromStdString(a.xLabel));
        m_plot->yAxis->setLabel(QString::fromStdString(a.yLabel));
        m_plot->rescaleAxes();
        for (QCPAxis* axis : {m_plot->xAxis, m_plot->yAxis})
            axis->scaleRange(1.1, axis->range().center());
        m_plot->replot(QCustomPlot::rpQueuedReplot);
        m_caption->setText(tr("Prior: %1. Grey: %2 samples of the prior; in colour: the codes of the %2 probe "
                              "samples, by class. The objective pushes the codes to cover the prior.")
                               .arg(coreText(a.priorName)).arg(a.codes.rows()));
    });
}

} // namespace aelab::ui
