#pragma once
// Sets up a sweep: one setting, its values (a list, or a range with linear
// or log steps, as aelab-cli sweep takes them), and how many seeds per
// value. Shows the runs it will train, or why it cannot, as the user types.
#include "experiment/SweepSpec.h"
#include "worker/UiTypes.h"

#include <QDialog>

#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace aelab::ui {

class SweepDialog : public QDialog {
    Q_OBJECT
public:
    // `base`: the form's settings, which every run shares but for the swept one.
    explicit SweepDialog(const RunSettings& base, QWidget* parent = nullptr);

    void setSweep(const QString& key, const QString& values, int seeds);   // for tests and presets
    bool valid() const { return !m_plan.empty(); }
    QString problem() const { return m_problem; }
    // One request per run, named after its value and seed.
    std::vector<RunRequest> requests() const;

private:
    void preview();

    RunSettings m_base;
    QComboBox* m_key;
    QLineEdit* m_values;
    QSpinBox* m_seeds;
    QLabel* m_preview;
    QPushButton* m_ok = nullptr;
    SweepSpec m_spec;
    std::vector<SweepRunPlan> m_plan;
    QString m_problem;
};

} // namespace aelab::ui
