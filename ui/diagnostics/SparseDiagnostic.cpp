#include "diagnostics/SparseDiagnostic.h"

#include "widgets/PlotStyle.h"

#include "models/Sparse.h"

#include <qcustomplot.h>

#include <QLabel>
#include <QVBoxLayout>

namespace aelab::ui {

SparseDiagnostic::SparseDiagnostic(ExploreClient* client, QWidget* parent)
    : DiagnosticPanel("activations", tr("Mean activation per unit against the target rho"), client, parent),
      m_plot(new QCustomPlot(this)), m_caption(new QLabel(this))
{
    setUpPlot(m_plot);
    m_bars = new QCPBars(m_plot->xAxis, m_plot->yAxis);
    m_bars->setBrush(seriesColor(0));
    m_bars->setPen(QPen(seriesColor(0).darker(130)));
    m_bars->setName(tr("mean activation ρ̂ⱼ"));
    m_target = new QCPItemStraightLine(m_plot);
    m_target->setPen(QPen(seriesColor(3), 2, Qt::DashLine));
    m_plot->xAxis->setLabel(tr("code unit"));
    useWholeNumberTicks(m_plot->xAxis);
    m_plot->yAxis->setLabel(tr("mean activation over the probe set"));
    m_plot->legend->setVisible(true);
    m_caption->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_plot, 1);
    layout->addWidget(m_caption);
}


void SparseDiagnostic::clear()
{
    DiagnosticPanel::clear();
    m_means.clear();
    m_bars->data()->clear();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void SparseDiagnostic::request()
{
    ask([](ExploreContext& c) -> std::any {
        auto& sparse = dynamic_cast<SparseAutoencoder&>(c.model);
        const RowVector m = sparse.meanActivations(c.probe.points);
        return std::make_pair(std::vector<double>(m.data(), m.data() + m.size()), c.model.hyperParams().real("rho"));
    }, [this](const std::any& v) {
        std::tie(m_means, m_rho) = std::any_cast<std::pair<std::vector<double>, double>>(v);
        QVector<double> keys, values;
        int near = 0;
        for (std::size_t j = 0; j < m_means.size(); ++j) {
            keys << double(j + 1);
            values << m_means[j];
            if (std::abs(m_means[j] - m_rho) <= std::max(0.5 * m_rho, 0.01))
                ++near;
        }
        m_bars->setData(keys, values);
        m_bars->setWidth(0.8);
        m_target->point1->setCoords(0, m_rho);
        m_target->point2->setCoords(1, m_rho);
        m_plot->xAxis->setRange(0.3, m_means.size() + 0.7);
        double top = m_rho;
        for (double v : m_means)
            top = std::max(top, v);
        m_plot->yAxis->setRange(0, std::max(1e-3, top * 1.15));
        m_plot->replot(QCustomPlot::rpQueuedReplot);
        double mean = 0;
        for (double v : m_means)
            mean += v / double(std::max<std::size_t>(1, m_means.size()));
        m_caption->setText(tr("Target ρ = %1 (dashed). Mean of ρ̂ⱼ = %2; %3 of %4 units within ±50% of ρ.")
                               .arg(m_rho).arg(mean, 0, 'g', 3).arg(near).arg(m_means.size()));
    });
}

} // namespace aelab::ui
