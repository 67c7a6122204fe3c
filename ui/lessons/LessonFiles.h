#pragma once
// Where lessons and explanations come from: the ones aelab ships (embedded,
// resources/lessons/*.json and resources/explanations/<variant>.json) and a
// teacher's own lesson file. Each throws aelab::Error with the parser's
// message (core/lessons) naming the file and the field it refuses.
#include "lessons/Explanation.h"
#include "lessons/Lesson.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace aelab::ui {

QStringList shippedLessonFiles();                       // ":/lessons/01-linear-pca.json", ... in order
std::vector<Lesson> shippedLessons();
Lesson readLessonFile(const QString& path);
Explanation explanationFor(const QString& variant);     // throws when the variant has none
// "en" or "zh": the language the window shows (ui/i18n/Language).
std::string lessonLanguage();

} // namespace aelab::ui
