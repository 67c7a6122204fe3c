#pragma once
// Loss curves of several runs in one plot, one colour per run: one term,
// against the clock the user picks (step, epoch, samples seen, seconds of
// training). Training curves are smoothed (their per-batch noise would hide
// the differences); validation points, one per epoch, are drawn as markers.
#include "experiment/RunCurves.h"
#include "worker/UiTypes.h"

#include <QWidget>

#include <vector>

class QCheckBox;
class QComboBox;
class QCustomPlot;
class QLabel;

namespace aelab::ui {

class OverlayPlot : public QWidget {
    Q_OBJECT
public:
    explicit OverlayPlot(QWidget* parent = nullptr);

    void setRuns(const std::vector<RunRecordPtr>& runs);

    void setAxis(CurveAxis axis);
    CurveAxis axis() const;
    void setTerm(const QString& term);
    QString term() const;
    QCustomPlot* plot() const { return m_plot; }
    // Graphs drawn: a training curve per run, and a validation curve per run that has one.
    int curveCount() const;

private:
    void fillTerms();
    void redraw();

    std::vector<RunRecordPtr> m_runs;
    QComboBox* m_term;
    QComboBox* m_axis;
    QCheckBox* m_logY;
    QCheckBox* m_showTrain;
    QCustomPlot* m_plot;
    QLabel* m_caption;
};

} // namespace aelab::ui
