#pragma once
// What the user set in the control panel, kept across variants and sessions:
// every hyperparameter the user typed, by key (a variant with the same key
// starts from it), the epochs, the seed, the dataset and the variant.
// Restored from QSettings with the command line's choices on top, and saved
// when the window closes. A remembered value that does not parse against its
// spec is refused (left out, and said); the panel's note says how many
// settings came back from the last session, with the list as its tooltip;
// "Restore defaults" forgets them.
#include "window/WindowOptions.h"

#include <nlohmann/json.hpp>

#include <QCoreApplication>
#include <QString>

#include <QStringList>

#include <functional>
#include <set>
#include <string>

namespace aelab::ui {

class ControlPanel;

class FormMemory {
    Q_DECLARE_TR_FUNCTIONS(FormMemory)
public:
    explicit FormMemory(ControlPanel* controls);

    // Fills the panel. `refused` hears of each --param that does not apply
    // or does not parse (title, reason), which is then left out.
    void restore(const MainWindowOptions& options, const std::function<void(QString, QString)>& refused);
    void save(const QString& datasetSpec) const;

    void remember(const QString& key);                 // the user edited this field
    void rememberAll(const nlohmann::json& values);    // an opened model's values
    void showVariant(const QString& key);              // rebuilds the form, keeping what the user set
    void restoreDefaults();                            // forgets what the user set

private:
    ControlPanel* m_controls;
    void checkRemembered();   // drops values that do not parse, into m_refused
    void showRestoredNote();

    nlohmann::json m_values = nlohmann::json::object();   // values the user set, by key
    std::set<std::string> m_fromSession;   // keys whose value came from the last session, unedited since
    QStringList m_refused;    // "Hidden layers: \"512,abc\"": remembered but unreadable
    bool m_restored = false;  // the note stays until the user restores defaults
};

} // namespace aelab::ui
