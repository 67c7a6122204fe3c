#pragma once
// A lesson: a data file a teacher can write and share (docs/LESSONS.md gives
// the format). The idea in two or three sentences, then steps; each step may
// set up and train runs, show a tab, and says what to predict before
// training, what to watch while it trains and what it showed. Every text is
// in English and Simplified Chinese; a file lacking either is refused.
#include "lessons/LessonText.h"

#include <string>
#include <vector>

namespace aelab {

struct LessonStep {
    LocalText title;
    LessonSetup setup;
    LocalText question;   // asked before training ("" : none)
    LocalText watch;      // what to look at while it trains
    LocalText shows;      // what it showed
};

struct Lesson {
    std::string id;       // "linear-pca": letters, digits and '-'
    LocalText title;
    LocalText idea;
    std::vector<LessonStep> steps;
};

// Parses and checks a lesson file's text: format, sizes, every text in both
// languages, variants, parameter keys and values (against the registry),
// datasets and tabs. Throws Error(Format) naming the field it refuses.
Lesson parseLesson(const std::string& text);

} // namespace aelab
