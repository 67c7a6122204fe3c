#include "experiments/TrendPlot.h"

#include "experiment/Trend.h"
#include "widgets/PlotStyle.h"

#include <qcustomplot.h>

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace aelab::ui {

TrendPlot::TrendPlot(QWidget* parent)
    : QWidget(parent), m_term(new QComboBox), m_plot(new QCustomPlot), m_caption(new QLabel)
{
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Figure")));
    top->addWidget(m_term);
    top->addStretch(1);
    m_term->setToolTip(tr("Which of the runs' final loss terms and metrics to plot against the setting"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_plot, 1);
    layout->addWidget(m_caption);
    m_caption->setWordWrap(true);
    setUpPlot(m_plot);
    m_plot->setMinimumHeight(140);
    connect(m_term, &QComboBox::currentTextChanged, this, [this] { draw(); });
}

int TrendPlot::pointCount() const { return m_plot->graphCount() ? m_plot->graph(0)->dataCount() : 0; }

void TrendPlot::setRuns(const std::vector<RunRecordPtr>& runs)
{
    m_runs = runs;
    std::vector<const RunRecord*> raw;
    for (const RunRecordPtr& r : runs)
        raw.push_back(r.get());
    // The terms the runs share; the chosen one is kept when they still have it.
    const QString chosen = m_term->currentText();
    const QSignalBlocker quiet(m_term);
    m_term->clear();
    for (const std::string& t : commonFinalTerms(raw))
        m_term->addItem(QString::fromStdString(t));
    const int keep = m_term->findText(chosen);
    m_term->setCurrentIndex(keep >= 0 ? keep : 0);
    draw();
}

void TrendPlot::draw()
{
    std::vector<const RunRecord*> raw;
    for (const RunRecordPtr& r : m_runs)
        raw.push_back(r.get());
    m_key = QString::fromStdString(sweptSetting(raw));
    m_plot->clearPlottables();
    const QString term = m_term->currentText();
    if (m_key.isEmpty() || term.isEmpty()) {
        m_plot->replot();
        m_caption->setText(tr("Select runs that differ in one numeric setting (a sweep's runs) to plot their "
                              "final loss against it."));
        return;
    }
    bool validation = false;
    const std::vector<TrendPoint> points = finalTermAgainst(raw, m_key.toStdString(), term.toStdString(), &validation);
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
    m_plot->yAxis->setLabel(validation ? tr("final validation %1").arg(term) : tr("final training %1").arg(term));
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
                                 : tr("Each point: the last epoch's mean %1 of the run with that %2.").arg(term, m_key));
}

} // namespace aelab::ui
