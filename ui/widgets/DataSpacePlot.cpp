#include "widgets/DataSpacePlot.h"

#include "widgets/PlotStyle.h"

#include <qcustomplot.h>

#include <QVBoxLayout>

namespace aelab::ui {

namespace {

QVector<double> column(const Matrix& m, int c)
{
    QVector<double> v;
    v.reserve(int(m.rows()));
    for (Eigen::Index i = 0; i < m.rows(); ++i)
        v << double(m(i, c));
    return v;
}

} // namespace

DataSpacePlot::DataSpacePlot(QWidget* parent) : QWidget(parent), m_plot(new QCustomPlot(this))
{
    setUpPlot(m_plot);
    m_plot->setInteractions({});
    m_plot->legend->setVisible(false);
    m_plot->xAxis->setLabel("x1");
    m_plot->yAxis->setLabel("x2");
    m_plot->setMinimumHeight(90);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    QCPGraph* data = m_plot->addGraph();
    data->setLineStyle(QCPGraph::lsNone);
    const QColor grey(150, 150, 150, 110);
    data->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, grey, grey, 3));
    data->setName(tr("data"));
}

void DataSpacePlot::setData(const Matrix& points)
{
    QCPGraph* data = m_plot->graph(0);
    if (points.cols() < 2) {
        data->data()->clear();
    } else {
        data->setData(column(points, 0), column(points, 1));
        data->rescaleAxes();
        for (QCPAxis* axis : {m_plot->xAxis, m_plot->yAxis})
            axis->scaleRange(1.1, axis->range().center());
        m_dataRange[0] = m_plot->xAxis->range().lower;
        m_dataRange[1] = m_plot->xAxis->range().upper;
        m_dataRange[2] = m_plot->yAxis->range().lower;
        m_dataRange[3] = m_plot->yAxis->range().upper;
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void DataSpacePlot::clearMarks()
{
    for (int i = m_plot->plottableCount() - 1; i >= 0; --i)
        if (m_plot->plottable(i) != m_plot->graph(0))
            m_plot->removePlottable(i);
    m_marked = 0;
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void DataSpacePlot::setMarks(const std::vector<Mark>& marks)
{
    clearMarks();
    for (const Mark& mark : marks) {
        if (mark.points.cols() < 2)
            continue;
        // A curve keeps the points' order (a path may turn back on itself).
        auto* curve = new QCPCurve(m_plot->xAxis, m_plot->yAxis);
        curve->setData(column(mark.points, 0), column(mark.points, 1));
        curve->setLineStyle(mark.line ? QCPCurve::lsLine : QCPCurve::lsNone);
        curve->setPen(QPen(mark.color, 1.5));
        if (mark.size > 0)
            curve->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, mark.color, mark.color, mark.size));
        curve->setName(mark.name);
        m_marked += int(mark.points.rows());
    }
    // The data's range, widened to take in every mark (a decode may lie off the data).
    m_plot->xAxis->setRange(m_dataRange[0], m_dataRange[1]);
    m_plot->yAxis->setRange(m_dataRange[2], m_dataRange[3]);
    for (int i = 1; i < m_plot->plottableCount(); ++i) {
        bool ok = false;
        const QCPRange k = m_plot->plottable(i)->getKeyRange(ok);
        if (!ok)
            continue;
        const QCPRange v = m_plot->plottable(i)->getValueRange(ok);
        if (!ok)
            continue;
        QCPRange x = m_plot->xAxis->range(), y = m_plot->yAxis->range();
        x.expand(k);
        y.expand(v);
        m_plot->xAxis->setRange(x);
        m_plot->yAxis->setRange(y);
    }
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

int DataSpacePlot::markedPoints() const { return m_marked; }

} // namespace aelab::ui
