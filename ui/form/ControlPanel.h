#pragma once
// The left-hand controls: dataset picker (built-in sets and opened files),
// variant picker with its one-line description, the generated
// hyperparameter form, epochs and seed, and the run buttons (which show the
// window's Run actions, shortcuts included).
#include "data/Dataset.h"

#include <QWidget>

#include <nlohmann/json.hpp>

class QAction;
class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace aelab::ui {

class HyperParamForm;

class ControlPanel : public QWidget {
    Q_OBJECT
public:
    explicit ControlPanel(QWidget* parent = nullptr);

    void setRunActions(const QList<QAction*>& actions);

    // Dataset picker
    QString datasetSpec() const;
    void setDatasetSpec(const QString& spec);           // adds an entry for a file if needed (no signal)
    void setDatasetInfo(const Dataset* data, const QString& busyText = {});
    int sampleLimit() const;                            // 0: all
    void setSampleLimit(int limit);

    // Variant picker and form
    QString variant() const;
    void setVariant(const QString& key);                // emits variantChanged when it changes
    HyperParamForm* form() const { return m_form; }

    int epochs() const;
    void setEpochs(int epochs);
    quint64 seed() const;
    void setSeed(quint64 seed);

    void setRunLocked(bool locked);   // while training: only live settings stay editable
    // Presentation mode: the form's advanced fields, the seed, the variant's
    // summary and Restore defaults hidden (false: shown again).
    void setAdvancedHidden(bool hidden);

    // What the last session left in the form, said above it ("" hides it).
    void setRestoredNote(const QString& text);
    QString restoredNote() const;
    void setRestoredNoteDetails(const QString& text);   // its tooltip
    QPushButton* defaultsButton() const { return m_defaults; }

    QComboBox* datasetPicker() const { return m_dataset; }
    QComboBox* variantPicker() const { return m_variant; }
    QSpinBox* epochsBox() const { return m_epochs; }
    QSpinBox* seedBox() const { return m_seed; }

signals:
    void datasetChosen(const QString& spec);
    void sampleLimitChanged(int limit);
    void variantChanged(const QString& key);
    void defaultsRequested();   // "Restore defaults"
    void explainRequested(const QString& variant);   // the Explain button beside the variant picker

private:
    QComboBox* m_dataset;
    QSpinBox* m_limit;
    QLabel* m_datasetInfo;
    QLabel* m_restored;
    QPushButton* m_defaults;
    QComboBox* m_variant;
    QLabel* m_summary;
    HyperParamForm* m_form;
    QSpinBox* m_epochs;
    QSpinBox* m_seed;
    QWidget* m_buttons;
    bool m_quiet = false;
};

} // namespace aelab::ui
