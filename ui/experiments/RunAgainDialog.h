#pragma once
// Asks which one setting to change for "Run again with one change": a key
// of the run's variant (or the number of epochs) and its new value, showing
// the run's value and the range allowed.
#include "experiment/RunRecord.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;

namespace aelab::ui {

class RunAgainDialog : public QDialog {
    Q_OBJECT
public:
    RunAgainDialog(const RunRecord& run, QWidget* parent = nullptr);

    QString key() const;
    QString value() const;

private:
    void showKey();

    const RunRecord& m_run;
    QComboBox* m_key;
    QLineEdit* m_value;
    QLabel* m_range;
};

} // namespace aelab::ui
