#pragma once
// Does the autoencoder's pretraining help when labels are few? Test
// accuracy of the encoder plus a softmax head, fine-tuned on k labelled
// samples per class, from the run's weights (solid) and from a random start
// of the same architecture (dashed), against k (Bengio et al., 2007).
#include "experiment/FineTune.h"

#include <QWidget>

class QCustomPlot;
class QLabel;
class QTableWidget;

namespace aelab::ui {

class FineTunePlot : public QWidget {
    Q_OBJECT
public:
    explicit FineTunePlot(QWidget* parent = nullptr);

    void setCurve(const FineTuneCurve& curve, const QString& runName);
    void setBusy(const QString& text);   // while the fits run
    int pointCount() const;              // k values drawn
    QCustomPlot* plot() const { return m_plot; }

private:
    QCustomPlot* m_plot;
    QTableWidget* m_numbers;
    QLabel* m_caption;
};

} // namespace aelab::ui
