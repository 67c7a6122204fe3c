#include "lessons/LessonFiles.h"

#include "i18n/Language.h"
#include "math/Error.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace aelab::ui {

namespace {

// The file's bytes, refusing more than a lesson may hold before reading them.
std::string readBounded(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        fail(ErrorKind::Io, "cannot open " + path.toStdString() + ": " + file.errorString().toStdString());
    const QByteArray bytes = file.read(qint64(lessonjson::kMaxFileBytes) + 1);
    return bytes.toStdString();   // the parser refuses one byte too many
}

template <class T, class Parse>
T parseFile(const QString& path, Parse parse)
{
    try {
        return parse(readBounded(path));
    } catch (const Error& e) {
        fail(e.kind(), QFileInfo(path).fileName().toStdString() + ": " + e.what());
    }
}

} // namespace

QStringList shippedLessonFiles()
{
    QStringList files;
    for (const QString& name : QDir(":/lessons").entryList({"*.json"}, QDir::Files, QDir::Name))
        files << ":/lessons/" + name;
    return files;
}

std::vector<Lesson> shippedLessons()
{
    std::vector<Lesson> lessons;
    for (const QString& path : shippedLessonFiles())
        lessons.push_back(readLessonFile(path));
    return lessons;
}

Lesson readLessonFile(const QString& path) { return parseFile<Lesson>(path, parseLesson); }

Explanation explanationFor(const QString& variant)
{
    const QString path = ":/explanations/" + variant + ".json";
    if (!QFile::exists(path))
        fail(ErrorKind::InvalidArgument, "there is no explanation of the variant " + variant.toStdString());
    return parseFile<Explanation>(path, parseExplanation);
}

std::string lessonLanguage() { return installedLanguage().startsWith("zh") ? "zh" : "en"; }

} // namespace aelab::ui
