#pragma once
// A sweep's result: the final loss (or another term the runs all have) of
// the selected runs against the one setting that sets them apart (the mean over seeds, a bar from the lowest
// to the highest). Empty, with a caption saying why, when the selection
// differs in more than one setting, or in none.
#include "worker/UiTypes.h"

#include <QWidget>

#include <vector>

class QComboBox;
class QCustomPlot;
class QLabel;

namespace aelab::ui {

class TrendPlot : public QWidget {
    Q_OBJECT
public:
    explicit TrendPlot(QWidget* parent = nullptr);

    void setRuns(const std::vector<RunRecordPtr>& runs);
    QString key() const { return m_key; }     // the swept setting; "" when none
    int pointCount() const;
    QCustomPlot* plot() const { return m_plot; }
    QComboBox* termChooser() const { return m_term; }

private:
    void draw();

    std::vector<RunRecordPtr> m_runs;
    QComboBox* m_term;
    QCustomPlot* m_plot;
    QLabel* m_caption;
    QString m_key;
};

} // namespace aelab::ui
