#pragma once
// What the probe and the fine-tune plots share: a caption over test accuracy
// against labelled training samples per class (log axis, legend at the
// right) over a table of the numbers themselves.
#include <QWidget>

class QCustomPlot;
class QLabel;
class QTableWidget;

namespace aelab::ui {

class LabelBudgetFigure : public QWidget {
    Q_OBJECT
public:
    void setBusy(const QString& text);   // clears the figure and says why (while computing)
    QCustomPlot* plot() const { return m_plot; }

protected:
    // The plot takes plotStretch parts of the height to the table's tableStretch.
    LabelBudgetFigure(int plotMinimumHeight, int plotStretch, int tableStretch, QWidget* parent);

    QCustomPlot* m_plot;
    QTableWidget* m_numbers;
    QLabel* m_caption;
};

} // namespace aelab::ui
