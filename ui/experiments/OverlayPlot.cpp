#include "experiments/OverlayPlot.h"

#include "math/Smoothing.h"
#include "widgets/PlotStyle.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>

namespace aelab::ui {

namespace {

// The training curves' smoothing: an EMA over steps (math/Smoothing.h).
constexpr double kSmoothing = 0.9;

QVector<double> toVector(const std::vector<double>& v) { return QVector<double>(v.begin(), v.end()); }

} // namespace

OverlayPlot::OverlayPlot(QWidget* parent)
    : QWidget(parent), m_term(new QComboBox), m_axis(new QComboBox), m_logY(new QCheckBox(tr("Log scale"))),
      m_showTrain(new QCheckBox(tr("Training curves"))), m_plot(new QCustomPlot), m_caption(new QLabel)
{
    m_term->setToolTip(tr("The loss term the runs are compared on"));
    m_axis->addItem(tr("step"), int(CurveAxis::Step));
    m_axis->addItem(tr("epoch"), int(CurveAxis::Epoch));
    m_axis->addItem(tr("samples seen"), int(CurveAxis::Samples));
    m_axis->addItem(tr("seconds of training"), int(CurveAxis::Seconds));
    m_axis->setToolTip(tr("Runs with different batch sizes compare fairly against samples seen or seconds, "
                          "not against steps."));
    m_showTrain->setChecked(true);
    m_showTrain->setToolTip(tr("Every step's training loss, smoothed (EMA %1); validation: one marker per epoch")
                                .arg(kSmoothing));

    auto* bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Term")));
    bar->addWidget(m_term, 1);
    bar->addWidget(new QLabel(tr("against")));
    bar->addWidget(m_axis, 1);
    bar->addWidget(m_showTrain);
    bar->addWidget(m_logY);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_plot, 1);
    layout->addWidget(m_caption);
    m_caption->setWordWrap(true);

    setUpPlot(m_plot);
    m_plot->legend->setVisible(true);
    placeLegendAtRight(m_plot);

    connect(m_term, &QComboBox::currentIndexChanged, this, [this] { redraw(); });
    connect(m_axis, &QComboBox::currentIndexChanged, this, [this] { redraw(); });
    connect(m_logY, &QCheckBox::toggled, this, [this] { redraw(); });
    connect(m_showTrain, &QCheckBox::toggled, this, [this] { redraw(); });
}

void OverlayPlot::setRuns(const std::vector<RunRecordPtr>& runs)
{
    m_runs = runs;
    fillTerms();
    redraw();
}

void OverlayPlot::setAxis(CurveAxis axis) { m_axis->setCurrentIndex(m_axis->findData(int(axis))); }
CurveAxis OverlayPlot::axis() const { return CurveAxis(m_axis->currentData().toInt()); }
void OverlayPlot::setTerm(const QString& term) { m_term->setCurrentIndex(std::max(0, m_term->findText(term))); }
QString OverlayPlot::term() const { return m_term->currentText(); }
int OverlayPlot::curveCount() const { return m_plot->graphCount(); }

// The terms every selected run reports, in the first run's order ("loss" first).
void OverlayPlot::fillTerms()
{
    const QString keep = m_term->currentText();
    QSignalBlocker block(m_term);
    m_term->clear();
    if (m_runs.empty())
        return;
    for (const std::string& t : m_runs.front()->curves.terms) {
        const bool shared = std::all_of(m_runs.begin(), m_runs.end(), [&](const RunRecordPtr& r) {
            return r->curves.has(t);
        });
        if (shared)
            m_term->addItem(QString::fromStdString(t));
    }
    m_term->setCurrentIndex(std::max(0, m_term->findText(keep)));
}

void OverlayPlot::redraw()
{
    m_plot->clearGraphs();
    const std::string term = m_term->currentText().toStdString();
    const CurveAxis x = axis();
    for (std::size_t i = 0; i < m_runs.size(); ++i) {
        const RunRecord& r = *m_runs[i];
        const QColor color = runColor(int(i));
        const QString name = QString::fromStdString(r.name);
        if (m_showTrain->isChecked()) {
            const auto s = r.curves.series(false, term, x);
            QCPGraph* g = m_plot->addGraph();
            g->setPen(QPen(color, 1.2, runDash(int(i))));
            g->setName(tr("%1 (training)").arg(name));
            g->setData(toVector(s.x), toVector(smoothEma(s.y, kSmoothing)), true);
        }
        const auto v = r.curves.series(true, term, x);
        if (!v.x.empty()) {
            QCPGraph* g = m_plot->addGraph();
            g->setPen(QPen(color, 1.5, Qt::DashLine));
            g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, color, color, 7));
            g->setName(tr("%1 (validation)").arg(name));
            g->setData(toVector(v.x), toVector(v.y), true);
        }
    }
    const QStringList axisTitles = {tr("step"), tr("epoch"), tr("training samples seen"),
                                    tr("seconds of training (pauses excluded)")};
    m_plot->xAxis->setLabel(axisTitles.value(int(x)));
    m_plot->yAxis->setLabel(m_term->currentText());
    m_plot->yAxis->setScaleType(m_logY->isChecked() ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    m_plot->rescaleAxes();
    m_plot->replot();
    m_caption->setText(m_runs.size() < 2 ? tr("Select two or more runs in the list to overlay their curves.")
                                         : tr("%1 runs; the value is each step's batch mean (training) or the "
                                              "validation set's mean at each epoch's end.")
                                               .arg(m_runs.size()));
}

} // namespace aelab::ui
