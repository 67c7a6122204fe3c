#include "i18n/Language.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QTranslator>

namespace aelab::ui {

namespace {
constexpr auto kResourceDir = ":/i18n";

// The translators installed last time, so a second call replaces them.
QPointer<QTranslator> g_own;
QPointer<QTranslator> g_qt;
QString g_installed = "en";

void removeInstalled(QCoreApplication& app)
{
    for (QPointer<QTranslator>* t : {&g_own, &g_qt})
        if (*t) {
            app.removeTranslator(*t);
            delete t->data();
        }
}
} // namespace

QStringList availableLanguages()
{
    QStringList languages{"en"};
    const QStringList files = QDir(kResourceDir).entryList({"aelab_*.qm"}, QDir::Files, QDir::Name);
    for (const QString& file : files)
        languages << file.mid(6, file.size() - 9);   // aelab_<code>.qm
    return languages;
}

QString installedLanguage() { return g_installed; }

QString installTranslation(QCoreApplication& app, const QString& language)
{
    removeInstalled(app);
    g_installed = "en";
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    if (language == "en" || locale.language() == QLocale::English || locale.language() == QLocale::C)
        return "en";
    auto own = new QTranslator(&app);
    // QTranslator::load tries the locale's UI languages in order, e.g.
    // aelab_zh_CN.qm, then aelab_zh.qm.
    if (!own->load(locale, "aelab", "_", kResourceDir)) {
        delete own;
        return "en";
    }
    app.installTranslator(own);
    g_own = own;
    auto qt = new QTranslator(&app);
    if (qt->load(locale, "qtbase", "_", QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        app.installTranslator(qt);
        g_qt = qt;
    } else {
        delete qt;
    }
    g_installed = QFileInfo(own->filePath()).completeBaseName().mid(6);   // aelab_zh_CN -> zh_CN
    return g_installed;
}

} // namespace aelab::ui
