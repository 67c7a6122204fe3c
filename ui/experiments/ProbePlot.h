#pragma once
// What a run's codes are good for: test accuracy of a classifier fitted on
// k labelled samples per class, against k, for the codes beside the raw
// inputs and PCA of the same width (logistic regression solid, k-nearest
// neighbours dashed), over the floor of always guessing the commonest class.
#include "experiment/Probe.h"

#include <QWidget>

class QCustomPlot;
class QLabel;
class QTableWidget;

namespace aelab::ui {

class ProbePlot : public QWidget {
    Q_OBJECT
public:
    explicit ProbePlot(QWidget* parent = nullptr);

    void setTable(const ProbeTable& table, const QString& runName);
    void setBusy(const QString& text);   // while the probe is computed
    int curveCount() const;
    QCustomPlot* plot() const { return m_plot; }

private:
    QCustomPlot* m_plot;
    QTableWidget* m_numbers;
    QLabel* m_caption;
};

} // namespace aelab::ui
