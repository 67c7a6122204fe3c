#include "experiments/PairedMaps.h"

#include "widgets/PlotStyle.h"

#include <qcustomplot.h>

#include <QGridLayout>
#include <QLabel>
#include <QMouseEvent>

#include <algorithm>

namespace aelab::ui {

PairedMaps::PairedMaps(QWidget* parent) : QWidget(parent), m_caption(new QLabel)
{
    auto* layout = new QGridLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    for (int side = 0; side < 2; ++side) {
        auto* plot = new QCustomPlot;
        setUpPlot(plot);
        plot->setMinimumSize(200, 160);
        plot->setInteraction(QCP::iRangeDrag, false);   // a left drag brushes (the wheel still zooms)
        m_plots[std::size_t(side)] = plot;
        m_titles[std::size_t(side)] = new QLabel;
        layout->addWidget(m_titles[std::size_t(side)], 0, side);
        layout->addWidget(plot, 1, side);
        connect(plot, &QCustomPlot::mousePress, this, [this, side](QMouseEvent* e) { onPress(side, e); });
        connect(plot, &QCustomPlot::mouseMove, this, [this, side](QMouseEvent* e) { onMove(side, e); });
        connect(plot, &QCustomPlot::mouseRelease, this, [this, side](QMouseEvent* e) { onRelease(side, e); });
    }
    m_caption->setWordWrap(true);
    layout->addWidget(m_caption, 2, 0, 1, 2);
    layout->setRowStretch(1, 1);
}

void PairedMaps::setRuns(const std::vector<RunRecordPtr>& runs)
{
    for (int side = 0; side < 2; ++side)
        m_runs[std::size_t(side)] = side < int(runs.size()) ? runs[std::size_t(side)] : nullptr;
    m_matchable = m_runs[0] && m_runs[1] && m_runs[0]->probeFingerprint == m_runs[1]->probeFingerprint
                  && m_runs[0]->probeMap.rows() == m_runs[1]->probeMap.rows();
    m_brushed.clear();
    draw(0);
    draw(1);
    if (!m_runs[1])
        m_caption->setText(tr("Select two runs to see their latent maps side by side."));
    else if (m_matchable)
        m_caption->setText(tr("The same %1 probe samples in both. Drag a rectangle over one map: the same "
                              "samples are ringed in the other.").arg(m_runs[0]->probeMap.rows()));
    else
        m_caption->setText(tr("These runs show different probe samples (other data or seed), so samples "
                              "cannot be matched between the maps."));
}

void PairedMaps::draw(int side)
{
    QCustomPlot* plot = m_plots[std::size_t(side)];
    plot->clearGraphs();
    plot->clearItems();
    m_rings[std::size_t(side)] = nullptr;
    m_band[std::size_t(side)] = nullptr;
    const RunRecordPtr& run = m_runs[std::size_t(side)];
    m_titles[std::size_t(side)]->setText(run ? QString::fromStdString(run->name) : QString());
    if (run) {
        const RunRecord& r = *run;
        const int classes = r.probeLabels.empty() ? 0 : *std::max_element(r.probeLabels.begin(), r.probeLabels.end()) + 1;
        std::vector<QCPGraph*> graphs = addClassScatters(plot, classes, m_classNames);
        for (Eigen::Index i = 0; i < r.probeMap.rows(); ++i) {
            const int c = r.probeLabels.empty() ? 0 : r.probeLabels[std::size_t(i)];
            graphs[std::size_t(std::clamp(c, 0, int(graphs.size()) - 1))]->addData(r.probeMap(i, 0), r.probeMap(i, 1));
        }
        QCPGraph* rings = plot->addGraph();
        rings->setLineStyle(QCPGraph::lsNone);
        rings->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::black, 1.5), Qt::NoBrush, 9));
        rings->removeFromLegend();
        m_rings[std::size_t(side)] = rings;
        plot->xAxis->setLabel(QString::fromStdString(r.mapXLabel));
        plot->yAxis->setLabel(QString::fromStdString(r.mapYLabel));
        plot->rescaleAxes();
    }
    plot->replot();
}

int PairedMaps::ringedCount(int side) const
{
    QCPGraph* g = m_rings[std::size_t(side)];
    return g ? g->dataCount() : 0;
}

void PairedMaps::ring(int side, const std::vector<int>& rows)
{
    QCPGraph* g = m_rings[std::size_t(side)];
    if (!g)
        return;
    const Matrix& map = m_runs[std::size_t(side)]->probeMap;
    QVector<double> xs, ys;
    for (int row : rows)
        if (row >= 0 && row < map.rows()) {
            xs << map(row, 0);
            ys << map(row, 1);
        }
    g->setData(xs, ys);
    m_plots[std::size_t(side)]->replot();
}

void PairedMaps::brush(const std::vector<int>& rows)
{
    m_brushed = rows;
    ring(0, rows);
    ring(1, m_matchable ? rows : std::vector<int>{});
}

void PairedMaps::brushRect(int side, double x0, double y0, double x1, double y1)
{
    const RunRecordPtr& run = m_runs[std::size_t(side)];
    if (!run)
        return;
    const auto [xlo, xhi] = std::minmax(x0, x1);
    const auto [ylo, yhi] = std::minmax(y0, y1);
    std::vector<int> rows;
    for (Eigen::Index i = 0; i < run->probeMap.rows(); ++i) {
        const double x = run->probeMap(i, 0), y = run->probeMap(i, 1);
        if (x >= xlo && x <= xhi && y >= ylo && y <= yhi)
            rows.push_back(int(i));
    }
    if (m_matchable) {
        brush(rows);
    } else {
        // Unmatched samples: ring them only where they were chosen.
        m_brushed = rows;
        ring(side, rows);
        ring(1 - side, {});
    }
}

void PairedMaps::onPress(int side, QMouseEvent* event)
{
    QCustomPlot* plot = m_plots[std::size_t(side)];
    if (event->button() != Qt::LeftButton || !m_runs[std::size_t(side)])
        return;
    m_dragSide = side;
    m_dragStart = QPointF(plot->xAxis->pixelToCoord(event->position().x()), plot->yAxis->pixelToCoord(event->position().y()));
    auto* band = new QCPItemRect(plot);
    band->setPen(QPen(Qt::black, 1, Qt::DashLine));
    band->setBrush(QColor(0, 0, 0, 25));
    band->topLeft->setCoords(m_dragStart);
    band->bottomRight->setCoords(m_dragStart);
    m_band[std::size_t(side)] = band;
}

void PairedMaps::onMove(int side, QMouseEvent* event)
{
    if (m_dragSide != side || !m_band[std::size_t(side)])
        return;
    QCustomPlot* plot = m_plots[std::size_t(side)];
    m_band[std::size_t(side)]->bottomRight->setCoords(plot->xAxis->pixelToCoord(event->position().x()),
                                                      plot->yAxis->pixelToCoord(event->position().y()));
    plot->replot(QCustomPlot::rpQueuedReplot);
}

void PairedMaps::onRelease(int side, QMouseEvent* event)
{
    if (m_dragSide != side)
        return;
    m_dragSide = -1;
    QCustomPlot* plot = m_plots[std::size_t(side)];
    const double x = plot->xAxis->pixelToCoord(event->position().x());
    const double y = plot->yAxis->pixelToCoord(event->position().y());
    if (m_band[std::size_t(side)]) {
        plot->removeItem(m_band[std::size_t(side)]);
        m_band[std::size_t(side)] = nullptr;
    }
    brushRect(side, m_dragStart.x(), m_dragStart.y(), x, y);
}

} // namespace aelab::ui
