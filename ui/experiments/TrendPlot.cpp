#include "experiments/TrendPlot.h"

#include "experiment/Trend.h"
#include "widgets/PlotStyle.h"

#include <qcustomplot.h>

#include <QLabel>
#include <QVBoxLayout>

namespace aelab::ui {

TrendPlot::TrendPlot(QWidget* parent) : QWidget(parent), m_plot(new QCustomPlot), m_caption(new QLabel)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot, 1);
    layout->addWidget(m_caption);
    m_caption->setWordWrap(true);
    setUpPlot(m_plot);
    m_plot->setMinimumHeight(140);
}

int TrendPlot::pointCount() const { return m_plot->graphCount() ? m_plot->graph(0)->dataCount() : 0; }

void TrendPlot::setRuns(const std::vector<RunRecordPtr>& runs)
{
    std::vector<const RunRecord*> raw;
    for (const RunRecordPtr& r : runs)
        raw.push_back(r.get());
    m_key = QString::fromStdString(sweptSetting(raw));
    m_plot->clearPlottables();
    if (m_key.isEmpty()) {
        m_plot->replot();
        m_caption->setText(tr("Select runs that differ in one numeric setting (a sweep's runs) to plot their "
                              "final loss against it."));
        return;
    }
    bool validation = false;
    const std::vector<TrendPoint> points = finalLossAgainst(raw, m_key.toStdString(), &validation);
    QVector<double> xs, ys, below, above;
    int seeds = 0;
    for (const TrendPoint& p : points) {
        xs << p.value;
        ys << p.mean;
        below << p.mean - p.low;
        above << p.high - p.mean;
        seeds = std::max(seeds, p.runs);
    }
    QCPGraph* g = m_plot->addGraph();
    g->setPen(QPen(runColor(0), 1.5));
    g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, runColor(0), runColor(0), 7));
    g->setData(xs, ys);
    auto* bars = new QCPErrorBars(m_plot->xAxis, m_plot->yAxis);
    bars->setDataPlottable(g);
    bars->setData(below, above);
    bars->setPen(QPen(runColor(0), 1));
    // A wide positive range (learning rates, batch sizes) reads on a log axis.
    const bool logX = !xs.isEmpty() && xs.front() > 0 && xs.back() / xs.front() >= 20;
    m_plot->xAxis->setScaleType(logX ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (logX)
        m_plot->xAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    else
        m_plot->xAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    m_plot->xAxis->setLabel(m_key);
    m_plot->yAxis->setLabel(validation ? tr("final validation loss") : tr("final training loss"));
    m_plot->rescaleAxes();
    // A margin so the end points are not cut: by a factor on a log axis, by a share on a linear one.
    const QCPRange x = m_plot->xAxis->range();
    if (logX)
        m_plot->xAxis->setRange(x.lower / 1.5, x.upper * 1.5);
    else
        m_plot->xAxis->scaleRange(1.1, x.center());
    m_plot->yAxis->scaleRange(1.15, m_plot->yAxis->range().center());
    m_plot->replot();
    m_caption->setText(seeds > 1 ? tr("Each point: the mean over the runs with that %1 (up to %2 seeds); the bar "
                                      "spans the lowest to the highest.").arg(m_key).arg(seeds)
                                 : tr("Each point: the last epoch's mean loss of the run with that %1.").arg(m_key));
}

} // namespace aelab::ui
