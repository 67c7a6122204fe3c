#include "diagnostics/FieldDiagnostic.h"

#include "models/Registry.h"

#include "widgets/PlotStyle.h"

#include "explore/VectorField.h"

#include <qcustomplot.h>

#include <QLabel>

#include <algorithm>
#include <cmath>
#include <QVBoxLayout>

namespace aelab::ui {

namespace {

struct FieldAnswer {
    VectorField field;
    FieldAgreement agreement;
    PlaneRect rect;
    Matrix data;      // a few hundred probe points
    double scoreSigma = 0;   // > 0: the arrows estimate sigma^2 grad log p (VectorField.h)
};

} // namespace

FieldDiagnostic::FieldDiagnostic(ExploreClient* client, QWidget* parent)
    : DiagnosticPanel("field", tr("Reconstruction vector field r(x) − x"), client, parent),
      m_plot(new QCustomPlot(this)), m_caption(new QLabel(this))
{
    setUpPlot(m_plot);
    m_data = m_plot->addGraph();
    m_data->setLineStyle(QCPGraph::lsNone);
    const QColor c(seriesColor(0).red(), seriesColor(0).green(), seriesColor(0).blue(), 120);
    m_data->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, c, c, 4));
    m_data->setName(tr("data (probe set)"));
    m_plot->legend->setVisible(true);
    m_plot->xAxis->setLabel("x1");
    m_plot->yAxis->setLabel("x2");
    m_caption->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_plot, 1);
    layout->addWidget(m_caption);
}

bool FieldDiagnostic::appliesTo(const VariantInfo& variant, const Dataset& data) const
{
    return DiagnosticPanel::appliesTo(variant, data) && data.features() == 2;
}

QString FieldDiagnostic::captionText() const { return m_caption->text(); }

void FieldDiagnostic::clear()
{
    DiagnosticPanel::clear();
    m_plot->clearItems();
    m_data->data()->clear();
    m_arrows = 0;
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void FieldDiagnostic::request()
{
    ask([](ExploreContext& c) -> std::any {
        FieldAnswer a;
        a.data = c.probe.points.topRows(std::min<Eigen::Index>(c.probe.points.rows(), 800));
        a.rect = dataBounds(a.data);
        a.field = reconstructionField(c.model, a.rect, kSide);
        a.agreement = fieldAgreement(a.field, a.data);
        a.scoreSigma = scoreNoiseSigma(c.model);
        return a;
    }, [this](const std::any& v) {
        const auto& a = std::any_cast<const FieldAnswer&>(v);
        QVector<double> x, y;
        for (Eigen::Index i = 0; i < a.data.rows(); ++i) {
            x << a.data(i, 0);
            y << a.data(i, 1);
        }
        m_data->setData(x, y);
        m_plot->clearItems();
        // Arrows under the data, and no longer than the lattice's spacing, so
        // they neither overlap nor hide the points; the caption gives the scale.
        if (!m_plot->layer("arrows"))
            m_plot->addLayer("arrows", m_plot->layer("main"), QCustomPlot::limBelow);
        const double spacing = std::min(a.rect.xMax - a.rect.xMin, a.rect.yMax - a.rect.yMin) / std::max(1, kSide - 1);
        double longest = 0;
        for (Eigen::Index i = 0; i < a.field.deltas.rows(); ++i)
            longest = std::max(longest, double(std::hypot(a.field.deltas(i, 0), a.field.deltas(i, 1))));
        m_scale = longest > 0.9 * spacing ? 0.9 * spacing / longest : 1.0;
        const QPen pen(QColor(110, 110, 110), 1);
        for (Eigen::Index i = 0; i < a.field.points.rows(); ++i) {
            auto* arrow = new QCPItemLine(m_plot);
            arrow->setLayer("arrows");
            arrow->setPen(pen);
            arrow->start->setCoords(a.field.points(i, 0), a.field.points(i, 1));
            arrow->end->setCoords(a.field.points(i, 0) + m_scale * a.field.deltas(i, 0),
                                  a.field.points(i, 1) + m_scale * a.field.deltas(i, 1));
            arrow->setHead(QCPLineEnding(QCPLineEnding::esSpikeArrow, 5, 6));
        }
        m_arrows = int(a.field.points.rows());
        m_cosine = a.agreement.meanCosineToData;
        m_plot->xAxis->setRange(a.rect.xMin, a.rect.xMax);
        m_plot->yAxis->setRange(a.rect.yMin, a.rect.yMax);
        m_plot->replot(QCustomPlot::rpQueuedReplot);
        const QString scale = m_scale < 1 ? tr("drawn at %1 of their length, so the longest spans 0.9 of the lattice spacing")
                                                .arg(m_scale, 0, 'g', 2)
                                          : tr("drawn to scale");
        m_scoreSigma = a.scoreSigma;
        const QString reading =
            a.scoreSigma > 0
                ? tr("Trained with Gaussian noise of sigma %1 and squared error, this dae's arrows estimate the "
                     "data's score: r(x) − x ≈ sigma² ∇ log p(x) (Alain & Bengio 2014), closer the smaller sigma is.")
                      .arg(a.scoreSigma, 0, 'g', 3)
                : tr("The arrows show where the model sends each point; they estimate the data's score "
                     "(sigma² ∇ log p(x), Alain & Bengio 2014) only for a dae trained with small Gaussian noise and "
                     "squared error (output linear-mse).");
        m_caption->setText(tr("Arrows: r(x) − x on a %1 x %1 lattice (%2). Mean length %3; mean "
                              "cosine with the direction to the nearest data point %4 (1: every arrow points at "
                              "the data).")
                               .arg(kSide).arg(scale).arg(a.agreement.meanLength, 0, 'g', 3).arg(a.agreement.meanCosineToData, 0, 'f', 2)
                           + " " + reading);
    });
}

} // namespace aelab::ui
