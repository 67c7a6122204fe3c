#pragma once
// The window's language. English is built into the sources; every other
// language is a Qt Linguist file under resources/translations/ compiled into
// the program (qt_add_translations in ui/CMakeLists.txt), plus Qt's own
// translations of its standard dialogs when the system has them
// (qt6-translations-l10n).
#include <QString>
#include <QStringList>

class QCoreApplication;

namespace aelab::ui {

// Language codes the program carries: "en" first, then e.g. "zh_CN".
QStringList availableLanguages();

// Installs the translation for `language` ("en", "zh_CN", "zh"...; empty:
// the system's locale, as LANGUAGE/LANG say) on the application, replacing
// one installed before. Returns the code installed: "en" when nothing
// matched, so the window stays in English.
QString installTranslation(QCoreApplication& app, const QString& language);

// The code installTranslation installed last ("en" before any call).
QString installedLanguage();

} // namespace aelab::ui
