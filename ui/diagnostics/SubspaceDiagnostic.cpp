#include "diagnostics/SubspaceDiagnostic.h"

#include "widgets/PlotStyle.h"

#include "data/Dataset.h"
#include "explore/Subspace.h"
#include "models/Autoencoder.h"
#include "models/Registry.h"

#include <qcustomplot.h>

#include <QLabel>
#include <QVBoxLayout>

#include <numeric>

namespace aelab::ui {

SubspaceDiagnostic::SubspaceDiagnostic(ExploreClient* client, QWidget* parent)
    : DiagnosticPanel("subspace", tr("Principal angles between the reconstructions' subspace and PCA's"), client,
                      parent),
      m_plot(new QCustomPlot(this)), m_caption(new QLabel(this))
{
    setUpPlot(m_plot);
    m_bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    m_bars->setBrush(seriesColor(0));
    m_bars->setPen(QPen(seriesColor(0).darker(130)));
    m_plot->xAxis->setLabel(tr("principal angle i (smallest first)"));
    useWholeNumberTicks(m_plot->xAxis);
    m_plot->yAxis->setLabel(tr("angle θᵢ (degrees)"));
    m_plot->yAxis->setRange(0, 90);
    m_caption->setWordWrap(true);
    m_caption->setText(tr("Train a model: the angles appear here."));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_plot, 1);
    layout->addWidget(m_caption);
}

bool SubspaceDiagnostic::appliesTo(const VariantInfo& variant, const Dataset& data) const
{
    // On 2-D and 3-D points the code is as wide as the data, or nearly: no
    // subspace worth comparing.
    return DiagnosticPanel::appliesTo(variant, data) && data.features() > 3;
}

void SubspaceDiagnostic::clear()
{
    DiagnosticPanel::clear();
    m_angles.clear();
    m_bars->data()->clear();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void SubspaceDiagnostic::request()
{
    ask([](ExploreContext& c) -> std::any {
        const Matrix& x = c.probe.points;
        const int k = c.model.latentSize();
        if (k >= x.cols())
            return SubspaceComparison{};
        return reconstructionSubspace(x, c.model.reconstruct(x), k);
    }, [this](const std::any& v) {
        const auto result = std::any_cast<SubspaceComparison>(v);
        m_angles = result.anglesDegrees;
        QVector<double> keys, values;
        for (std::size_t i = 0; i < m_angles.size(); ++i) {
            keys << double(i + 1);
            values << m_angles[i];
        }
        m_bars->setData(keys, values);
        m_bars->setWidth(0.8);
        m_plot->xAxis->setRange(0.3, m_angles.size() + 0.7);
        m_plot->replot(QCustomPlot::rpQueuedReplot);
        if (m_angles.empty()) {
            m_caption->setText(tr("The code is as wide as the data: there is no smaller subspace to compare."));
            return;
        }
        const double mean = std::accumulate(m_angles.begin(), m_angles.end(), 0.0) / double(m_angles.size());
        m_caption->setText(
            tr("θᵢ: the principal angles between the span of the probe set's reconstructions (their top %1 principal "
               "directions) and the top %1 principal directions of the probe set itself; cos θᵢ are the singular "
               "values of AᵀB. Largest %2°, mean %3°. 0° everywhere: the same subspace, which a linear autoencoder "
               "reaches at its minimum (Baldi and Hornik 1989); a non-linear one need not.")
                .arg(result.k)
                .arg(result.largestDegrees(), 0, 'f', 1)
                .arg(mean, 0, 'f', 1));
    });
}

} // namespace aelab::ui
