#include "window/LanguageSwitch.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace aelab::ui {

QString languageRestartSessionPath()
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    QDir().mkpath(dir);
    return QDir(dir).filePath(QStringLiteral("language-restart.aelab"));
}

QStringList languageRestartArguments(const QString& language, const QString& sessionPath)
{
    return {QStringLiteral("--language"), language, QStringLiteral("--open-session"), sessionPath};
}

bool isLanguageRestartSession(const QString& path)
{
    return QFileInfo(path).absoluteFilePath() == QFileInfo(languageRestartSessionPath()).absoluteFilePath();
}

} // namespace aelab::ui
