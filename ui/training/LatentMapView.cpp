#include "training/LatentMapView.h"

#include "widgets/PlotStyle.h"

#include <qcustomplot.h>

#include <QLabel>
#include <QVBoxLayout>

#include <cmath>

namespace aelab::ui {

LatentMapView::LatentMapView(QWidget* parent)
    : View("latent", tr("Latent map"), parent), m_plot(new QCustomPlot(this)), m_caption(new QLabel(this))
{
    setObjectName("latentMapView");
    setUpPlot(m_plot);
    m_plot->setInteractions({});
    m_plot->legend->setVisible(false);   // shown by refresh() once it has entries
    placeLegendAtRight(m_plot);
    m_plot->xAxis->setLabel("z1");
    m_plot->yAxis->setLabel("z2");
    m_caption->setObjectName("latentCaption");
    m_caption->setText(tr("Codes of the held-out probe set appear here while training."));
    m_caption->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_caption);
    layout->addWidget(m_plot, 1);
}

void LatentMapView::setDataset(const DatasetPtr& data)
{
    m_classNames = data->classNames;
    clear();
}

std::vector<View::ExportTarget> LatentMapView::exportTargets() { return {{key(), title(), m_plot}}; }

void LatentMapView::makeGraphs(int classes)
{
    m_plot->clearGraphs();
    m_graphs = addClassScatters(m_plot, classes, m_classNames);
}

void LatentMapView::clear()
{
    m_plot->clearGraphs();
    m_graphs.clear();
    m_dirty = true;
}

void LatentMapView::consume(const Snapshot& s)
{
    if (!s.latent)
        return;
    const LatentMap& map = *s.latent;
    int classes = 0;
    for (int label : map.labels)
        classes = std::max(classes, label + 1);
    classes = std::max(classes, map.labels.empty() ? 0 : int(m_classNames.size()));
    if (int(m_graphs.size()) != std::max(1, classes))
        makeGraphs(classes);

    std::vector<QVector<double>> keys(m_graphs.size()), values(m_graphs.size());
    for (Eigen::Index i = 0; i < map.points.rows(); ++i) {
        const std::size_t g = map.labels.empty() ? 0 : std::size_t(map.labels[std::size_t(i)]);
        if (g >= m_graphs.size() || std::isnan(map.points(i, 0)))   // NaN: an overflowing code
            continue;
        keys[g].push_back(map.points(i, 0));
        values[g].push_back(map.points(i, 1));
    }
    for (std::size_t g = 0; g < m_graphs.size(); ++g)
        m_graphs[g]->setData(keys[g], values[g]);
    m_plot->xAxis->setLabel(QString::fromStdString(map.xLabel));
    m_plot->yAxis->setLabel(QString::fromStdString(map.yLabel));
    QString caption = map.projected && map.latentSize > 2
        ? tr("%1 probe samples; %2-D codes shown by their first two principal components")
              .arg(map.points.rows()).arg(map.latentSize)
        : tr("%1 probe samples, %2-D codes").arg(map.points.rows()).arg(map.latentSize);
    if (map.nonFinite > 0)
        caption += ' ' + tr("%n of them not drawn: their codes are infinite or NaN (the model diverged).", "",
                            map.nonFinite);
    m_caption->setText(caption);
    m_dirty = true;
}

void LatentMapView::refresh()
{
    if (!m_dirty || !isVisible())
        return;
    m_dirty = false;
    m_plot->legend->setVisible(m_plot->legend->itemCount() > 0);   // no empty box before the first codes
    if (!m_graphs.empty()) {
        m_plot->rescaleAxes();
        for (QCPAxis* axis : {m_plot->xAxis, m_plot->yAxis})
            axis->scaleRange(1.08, axis->range().center());
    }
    m_plot->replot(QCustomPlot::rpQueuedRefresh);
}

int LatentMapView::pointCount() const
{
    int n = 0;
    for (const QCPGraph* g : m_graphs)
        n += g->dataCount();
    return n;
}

} // namespace aelab::ui
