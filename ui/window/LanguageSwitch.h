#pragma once
// Help > Language without a lost session: the window's texts are made once,
// in each widget's language of the moment, so a new language takes a new
// window. aelab saves the session (every run, the form, the views) to a file
// of its own, starts itself again in the new language with that session, and
// closes; the new process opens the session and removes the file.
#include <QString>
#include <QStringList>

namespace aelab::ui {

// Where the session waits for the restarted process (the application's data folder).
QString languageRestartSessionPath();

// The restarted process's arguments: the language and the session to open.
QStringList languageRestartArguments(const QString& language, const QString& sessionPath);

// True when `path` is the file languageRestartSessionPath() names (to remove
// it once opened; a session the user saved is never removed).
bool isLanguageRestartSession(const QString& path);

} // namespace aelab::ui
