#pragma once
// Does the autoencoder's pretraining help when labels are few? Test
// accuracy of the encoder plus a softmax head, fine-tuned on k labelled
// samples per class, from the run's weights (solid) and from a random start
// of the same architecture (dashed), against k (Bengio et al., 2007).
#include "experiment/FineTune.h"
#include "experiments/LabelBudgetFigure.h"

namespace aelab::ui {

class FineTunePlot : public LabelBudgetFigure {
    Q_OBJECT
public:
    explicit FineTunePlot(QWidget* parent = nullptr);

    void setCurve(const FineTuneCurve& curve, const QString& runName);
    int pointCount() const;              // k values drawn
};

} // namespace aelab::ui
