#include "training/LossView.h"

#include "training/LossTermKinds.h"
#include "widgets/Advanced.h"
#include "training/LossTermTips.h"
#include "widgets/PlotStyle.h"

#include <qcustomplot.h>

#include <QCheckBox>
#include <QSettings>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QSlider>
#include <QToolButton>
#include <QToolTip>
#include <QVBoxLayout>

#include <cmath>

namespace aelab::ui {

LossView::LossView(QWidget* parent)
    : View("loss", tr("Loss"), parent), m_plot(new QCustomPlot(this)), m_axis(new QComboBox(this)),
      m_log(new QCheckBox(tr("Log scale"), this)), m_smooth(new QSlider(Qt::Horizontal, this)),
      m_termsButton(new QToolButton(this)), m_termsMenu(new QMenu(this)),
      m_latest(new LiveText("loss 0.1234   recon 0.1234   kl 0.1234", this))   // a sample, for the width
{
    setObjectName("lossView");
    setUpPlot(m_plot);
    m_plot->setInteractions({});
    m_plot->yAxis->setLabel(tr("loss"));
    m_plot->legend->setVisible(false);   // shown by refresh() once it has entries
    placeLegendAtRight(m_plot);          // beside the curves, never over them
    m_plot->yAxis2->setLabel(tr("metric"));
    m_plot->yAxis2->setVisible(false);   // while no metric is shown
    m_termsButton->setObjectName("lossTerms");
    m_termsButton->setText(tr("Terms"));
    m_termsButton->setPopupMode(QToolButton::InstantPopup);
    m_termsButton->setMenu(m_termsMenu);
    m_termsButton->setToolTip(tr("Show or hide loss terms; per-dimension terms are one group, metrics use the right-hand axis"));
    m_termsMenu->setToolTipsVisible(true);
    // A legend entry's tooltip says what its term means and its unit (LossTermTips).
    m_plot->setMouseTracking(true);
    connect(m_plot, &QCustomPlot::mouseMove, this, [this](QMouseEvent* event) {
        for (int i = 0; i < m_plot->legend->itemCount(); ++i) {
            auto* item = qobject_cast<QCPPlottableLegendItem*>(m_plot->legend->item(i));
            if (!item || !item->rect().contains(event->pos()))
                continue;
            for (std::size_t t = 0; t < m_graphs.size(); ++t)
                if (m_graphs[t].train == item->plottable()) {
                    QToolTip::showText(event->globalPosition().toPoint(),
                                       lossTermTip(lossTermGroup(m_terms[t])), m_plot);
                    return;
                }
        }
        QToolTip::hideText();
    });

    m_axis->addItem(tr("Step"));
    m_axis->addItem(tr("Epoch"));
    m_axis->setToolTip(tr("Plot the loss against the optimisation step or the epoch"));
    m_log->setToolTip(tr("Logarithmic loss axis"));
    m_smooth->setRange(0, 99);
    m_smooth->setValue(int(m_smoothing * 100));
    m_smooth->setMinimumWidth(60);
    m_smooth->setMaximumWidth(120);
    m_smooth->setToolTip(tr("Smoothing of the training curves (exponential moving average)"));
    m_latest->setObjectName("lossLatest");
    m_latest->setToolTip(tr("Where each shown loss curve ends (smoothed as drawn)"));

    auto* bar = new QHBoxLayout;
    bar->setContentsMargins(4, 0, 4, 0);
    auto* against = new QLabel(tr("Against"), this);
    auto* smoothing = new QLabel(tr("Smoothing"), this);
    markAdvanced({against, m_axis, m_log, smoothing, m_smooth, m_termsButton});   // hidden when presenting
    bar->addWidget(against);
    bar->addWidget(m_axis);
    bar->addWidget(m_log);
    bar->addWidget(smoothing);
    bar->addWidget(m_smooth);
    bar->addWidget(m_termsButton);
    bar->addStretch();
    bar->addWidget(m_latest);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addLayout(bar);
    layout->addWidget(m_plot, 1);

    connect(m_axis, &QComboBox::currentIndexChanged, this, [this](int i) { setAgainstEpoch(i == 1); });
    connect(m_log, &QCheckBox::toggled, this, &LossView::setLogScale);
    connect(m_smooth, &QSlider::valueChanged, this, [this](int v) { setSmoothing(v / 100.0); });
    setAgainstEpoch(false);
}

void LossView::clear()
{
    m_plot->clearGraphs();
    m_plot->clearItems();
    m_phaseItems.clear();
    m_graphs.clear();
    m_terms.clear();
    m_smoothers.clear();
    m_curveEnd.clear();
    m_groups.clear();
    m_validationKey = nullptr;   // cleared with the graphs
    m_termsMenu->clear();
    m_train = {};
    m_val = {};
    m_phases.clear();
    m_latestText.clear();
    m_latest->clear();
    m_dirty = true;
}

QCPLayer* LossView::validationLayer()
{
    if (!m_plot->layer("validation"))
        m_plot->addLayer("validation", m_plot->layer("main"), QCustomPlot::limAbove);
    return m_plot->layer("validation");
}

void LossView::ensureTerms(const std::vector<std::string>& names)
{
    const std::size_t before = m_terms.size();
    for (std::size_t i = m_terms.size(); i < names.size(); ++i) {
        const std::string& name = names[i];
        const LossTermKind kind = lossTermKind(name);
        const QString group = lossTermGroup(name);
        const bool firstOfGroup = !m_groups.contains(group);
        if (firstOfGroup) {
            m_groups << group;
            if (!m_shown.count(group))
                m_shown[group] = kind != LossTermKind::PerDimension;   // per-dimension terms hidden at first
        }
        m_terms.push_back(name);
        // A group's dimensions share its colour (lighter), and one legend entry.
        QColor color = seriesColor(int(m_groups.indexOf(group)));
        if (kind == LossTermKind::PerDimension)
            color.setAlpha(120);
        QCPAxis* valueAxis = kind == LossTermKind::Metric ? m_plot->yAxis2 : m_plot->yAxis;
        TermGraphs g;
        g.train = m_plot->addGraph(m_plot->xAxis, valueAxis);
        g.train->setName(kind == LossTermKind::PerDimension ? tr("%1 (per dimension)").arg(group)
                         : kind == LossTermKind::Metric     ? tr("%1 (metric, right axis)").arg(group)
                                                            : group);
        g.train->setPen(QPen(color, 1, kind == LossTermKind::Metric ? Qt::DashDotLine : Qt::SolidLine));
        g.train->setAdaptiveSampling(true);
        if (kind == LossTermKind::PerDimension && !firstOfGroup)
            g.train->setProperty("legendless", true);
        g.val = m_plot->addGraph(m_plot->xAxis, valueAxis);
        g.val->setName(QString::fromStdString(name) + tr(" (validation)"));
        g.val->removeFromLegend();   // one "validation" entry says what dashed lines with circles are
        QPen dashed(color.darker(130), 1, Qt::DashLine);
        g.val->setPen(dashed);
        g.val->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(color.darker(130), 1.5), Qt::white, 7));
        g.val->setLayer(validationLayer());   // above every noisy training curve
        m_graphs.push_back(g);
        m_smoothers.emplace_back(m_smoothing);
        m_curveEnd.push_back(std::nan(""));
        for (Series* s : {&m_train, &m_val})
            s->values.emplace_back(s->step.size(), std::nan(""));
    }
    if (m_terms.size() != before) {
        rebuildTermsMenu();
        applyVisibility();
    }
}

void LossView::rebuildTermsMenu()
{
    m_termsMenu->clear();
    for (const QString& group : m_groups) {
        const std::string first = group.endsWith("_*") ? (group.chopped(1) + "0").toStdString() : group.toStdString();
        const LossTermKind kind = lossTermKind(first);
        const QString label = kind == LossTermKind::PerDimension ? tr("%1 (per dimension)").arg(group)
                              : kind == LossTermKind::Metric     ? tr("%1 (metric, right axis)").arg(group)
                                                                 : group;
        QAction* a = m_termsMenu->addAction(label);
        a->setData(group);
        a->setToolTip(lossTermTip(group));
        a->setCheckable(true);
        a->setChecked(groupShown(group));
        connect(a, &QAction::toggled, this, [this, group](bool on) { setGroupShown(group, on); });
    }
}

void LossView::applyVisibility()
{
    bool metrics = false;
    for (std::size_t t = 0; t < m_terms.size(); ++t) {
        const bool shown = groupShown(lossTermGroup(m_terms[t]));
        m_graphs[t].train->setVisible(shown);
        m_graphs[t].val->setVisible(shown);
        const bool inLegend = shown && !m_graphs[t].train->property("legendless").toBool();
        if (inLegend && !m_plot->legend->hasItemWithPlottable(m_graphs[t].train))
            m_graphs[t].train->addToLegend();
        else if (!inLegend)
            m_graphs[t].train->removeFromLegend();
        metrics = metrics || (shown && lossTermKind(m_terms[t]) == LossTermKind::Metric);
    }
    m_plot->yAxis2->setVisible(metrics);
    updateLatestText();
    m_dirty = true;
}

QStringList LossView::termGroups() const { return m_groups; }

bool LossView::groupShown(const QString& group) const
{
    const auto it = m_shown.find(group);
    return it != m_shown.end() && it->second;
}

void LossView::setGroupShown(const QString& group, bool shown)
{
    m_shown[group] = shown;
    for (QAction* a : m_termsMenu->actions())
        if (a->data().toString() == group && a->isChecked() != shown)
            a->setChecked(shown);   // toggled: back here with nothing left to change
    applyVisibility();
}

QCPGraph* LossView::trainGraph(const QString& term) const
{
    for (std::size_t t = 0; t < m_terms.size(); ++t)
        if (QString::fromStdString(m_terms[t]) == term)
            return m_graphs[t].train;
    return nullptr;
}

void LossView::updateLatestText()
{
    // The shown losses (at most four), each where its drawn curve ends, so
    // the header and the curve agree, after a single Step too.
    QString text;
    int count = 0;
    for (std::size_t t = 0; t < m_terms.size() && count < 4; ++t) {
        if (lossTermKind(m_terms[t]) != LossTermKind::Loss || !groupShown(lossTermGroup(m_terms[t])))
            continue;
        const double v = m_curveEnd[t];
        if (!std::isfinite(v))
            continue;
        text += QString("%1%2 %3").arg(text.isEmpty() ? "" : "   ").arg(QString::fromStdString(m_terms[t])).arg(v, 0, 'g', 4);
        ++count;
    }
    m_latestText = text;
}

void LossView::append(Series& series, const std::vector<LossPoint>& points)
{
    for (const LossPoint& p : points) {
        series.step.push_back(p.step);
        series.epoch.push_back(p.epoch);
        for (std::size_t t = 0; t < series.values.size(); ++t)
            series.values[t].push_back(t < p.values.size() ? p.values[t] : std::nan(""));
    }
}

double LossView::key(const Series& s, std::size_t i) const
{
    return m_epochAxis ? s.epoch[i] : double(s.step[i]);
}

void LossView::addToGraphs(std::size_t fromTrain, std::size_t fromVal)
{
    for (std::size_t t = 0; t < m_terms.size(); ++t) {
        for (std::size_t i = fromTrain; i < m_train.step.size(); ++i) {
            const double smoothed = m_smoothers[t].add(m_train.values[t][i]);
            m_graphs[t].train->addData(key(m_train, i), smoothed);
            if (std::isfinite(smoothed))
                m_curveEnd[t] = smoothed;
        }
        for (std::size_t i = fromVal; i < m_val.step.size(); ++i)
            m_graphs[t].val->addData(key(m_val, i), m_val.values[t][i]);
    }
}

void LossView::rebuildGraphs()
{
    for (std::size_t t = 0; t < m_terms.size(); ++t) {
        m_graphs[t].train->data()->clear();
        m_graphs[t].val->data()->clear();
        m_smoothers[t] = EmaSmoother(m_smoothing);
        m_curveEnd[t] = std::nan("");
    }
    addToGraphs(0, 0);
    updateLatestText();
    placePhaseMarks();
    m_dirty = true;
}

void LossView::placePhaseMarks()
{
    for (auto& [line, label] : m_phaseItems) {
        m_plot->removeItem(line);
        m_plot->removeItem(label);
    }
    m_phaseItems.clear();
    for (const PhaseMark& mark : m_phases) {
        const double x = m_epochAxis ? mark.epoch : double(mark.step);
        auto* line = new QCPItemStraightLine(m_plot);
        line->setPen(QPen(QColor(120, 120, 120), 1, Qt::DotLine));
        line->point1->setCoords(x, 0);
        line->point2->setCoords(x, 1);
        auto* label = new QCPItemText(m_plot);
        label->position->setTypeX(QCPItemPosition::ptPlotCoords);
        label->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
        label->position->setCoords(x, 0.02);
        label->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
        label->setText(QString::fromStdString(mark.label));
        label->setFont(smallFont());
        label->setColor(QColor(90, 90, 90));
        label->setPadding(QMargins(3, 0, 0, 0));
        m_phaseItems.emplace_back(line, label);
    }
}

void LossView::consume(const Snapshot& s)
{
    if (s.train.empty() && s.val.empty() && s.phases.empty())
        return;
    ensureTerms(s.termNames);
    const std::size_t fromTrain = m_train.step.size();
    const std::size_t fromVal = m_val.step.size();
    append(m_train, s.train);
    append(m_val, s.val);
    addToGraphs(fromTrain, fromVal);
    if (!m_validationKey && !m_val.step.empty()) {
        m_validationKey = m_plot->addGraph();
        m_validationKey->setName(tr("validation (dashed, per epoch)"));
        m_validationKey->setPen(QPen(QColor(90, 90, 90), 1, Qt::DashLine));
        m_validationKey->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(QColor(90, 90, 90), 1.5), Qt::white, 7));
        m_validationKey->setLayer(validationLayer());
    }
    if (!s.phases.empty()) {
        m_phases.insert(m_phases.end(), s.phases.begin(), s.phases.end());
        placePhaseMarks();
    }
    updateLatestText();
    m_dirty = true;
}

void LossView::refresh()
{
    if (!m_dirty || !isVisible())
        return;
    m_dirty = false;
    m_latest->setText(m_latestText);
    m_plot->legend->setVisible(m_plot->legend->itemCount() > 0);   // no empty box before training
    // Ranges over the shown curves: losses on the left axis, metrics on the right.
    bool found = false, foundMetric = false;
    QCPRange keys, values, metrics;
    auto widen = [](bool& any, QCPRange& range, const QCPRange& r) {
        range = any ? QCPRange(std::min(range.lower, r.lower), std::max(range.upper, r.upper)) : r;
        any = true;
    };
    bool foundKey = false;
    for (const TermGraphs& g : m_graphs)
        for (QCPGraph* graph : {g.train, g.val}) {
            if (!graph->visible())
                continue;
            bool ok = false;
            const QCPRange k = graph->getKeyRange(ok);
            if (!ok)
                continue;
            bool okv = false;
            const QCPRange v = graph->getValueRange(okv, QCP::sdBoth);
            if (!okv)
                continue;
            widen(foundKey, keys, k);
            if (graph->valueAxis() == m_plot->yAxis2)
                widen(foundMetric, metrics, v);
            else
                widen(found, values, v);
        }
    if (foundKey)
        m_plot->xAxis->setRange(std::min(0.0, keys.lower), std::max(keys.upper, keys.lower + 1));
    if (foundMetric) {
        const double pad = std::max(1e-9, (metrics.upper - metrics.lower) * 0.05);
        m_plot->yAxis2->setRange(metrics.lower - pad, metrics.upper + pad);
    }
    if (found) {
        if (m_log->isChecked()) {
            bool ok = false;
            double lo = values.lower;
            if (lo <= 0) {
                // Log scale: show the positive part only.
                lo = values.upper / 1e3;
                for (const TermGraphs& g : m_graphs) {
                    if (!g.train->visible() || g.train->valueAxis() != m_plot->yAxis)
                        continue;
                    const QCPRange r = g.train->getValueRange(ok, QCP::sdPositive);
                    if (ok)
                        lo = std::min(lo, r.lower);
                }
            }
            m_plot->yAxis->setRange(lo / 1.2, values.upper * 1.2);
        } else {
            const double pad = std::max(1e-9, (values.upper - values.lower) * 0.05);
            m_plot->yAxis->setRange(values.lower - pad, values.upper + pad);
        }
    }
    m_plot->replot(QCustomPlot::rpQueuedRefresh);
}

void LossView::setLogScale(bool on)
{
    if (m_log->isChecked() != on)
        m_log->setChecked(on);
    m_plot->yAxis->setScaleType(on ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (on)
        m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
    else
        m_plot->yAxis->setTicker(QSharedPointer<QCPAxisTicker>(new QCPAxisTicker));
    m_dirty = true;
}

void LossView::setSmoothing(double factor)
{
    m_smoothing = std::clamp(factor, 0.0, 0.99);
    if (m_smooth->value() != int(std::lround(m_smoothing * 100)))
        m_smooth->setValue(int(std::lround(m_smoothing * 100)));
    rebuildGraphs();
}

void LossView::setAgainstEpoch(bool epoch)
{
    m_epochAxis = epoch;
    if (m_axis->currentIndex() != (epoch ? 1 : 0))
        m_axis->setCurrentIndex(epoch ? 1 : 0);
    m_plot->xAxis->setLabel(epoch ? tr("epoch") : tr("step"));
    // Steps are whole numbers: no tick at step 0.5 early in a run.
    QSharedPointer<QCPAxisTicker> ticker(new QCPAxisTicker);
    if (!epoch) {
        auto* steps = new QCPAxisTickerFixed;
        steps->setTickStep(1);
        steps->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
        ticker.reset(steps);
    }
    m_plot->xAxis->setTicker(ticker);
    rebuildGraphs();
}

std::vector<View::ExportTarget> LossView::exportTargets() { return {{View::key(), title(), m_plot}}; }

void LossView::saveSettings(QSettings& settings) const
{
    settings.setValue("againstEpoch", m_epochAxis);
    settings.setValue("logScale", m_log->isChecked());
    settings.setValue("smoothing", m_smoothing);
}

void LossView::restoreSettings(const QSettings& settings)
{
    setAgainstEpoch(settings.value("againstEpoch", false).toBool());
    setLogScale(settings.value("logScale", false).toBool());
    setSmoothing(settings.value("smoothing", 0.6).toDouble());
}

int LossView::trainPointCount() const
{
    return m_graphs.empty() ? 0 : m_graphs.front().train->dataCount();
}

int LossView::valPointCount() const
{
    return m_graphs.empty() ? 0 : m_graphs.front().val->dataCount();
}

} // namespace aelab::ui
