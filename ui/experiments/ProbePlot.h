#pragma once
// What a run's codes are good for: test accuracy of a classifier fitted on
// k labelled samples per class, against k, for the codes beside the raw
// inputs and PCA of the same width (logistic regression solid, k-nearest
// neighbours dashed), over the floor of always guessing the commonest class.
#include "experiment/Probe.h"
#include "experiments/LabelBudgetFigure.h"

namespace aelab::ui {

class ProbePlot : public LabelBudgetFigure {
    Q_OBJECT
public:
    explicit ProbePlot(QWidget* parent = nullptr);

    void setTable(const ProbeTable& table, const QString& runName);
    int curveCount() const;
};

} // namespace aelab::ui
