#include "lessons/Lesson.h"

#include <cctype>

namespace aelab {

using namespace lessonjson;

namespace {

constexpr const char* kWhat = "lesson";
constexpr const char* kFormat = "aelab-lesson/1";

LessonStep step(const nlohmann::json& j, const std::string& path)
{
    onlyKeys(j, {"title", "dataset", "limit", "runs", "tab", "question", "watch", "shows"}, path, kWhat);
    LessonStep s;
    s.title = text(member(j, "title", path, kWhat), path + ".title", kWhat);
    s.setup = setup(j, path, kWhat);
    if (has(j, "question"))
        s.question = text(j.at("question"), path + ".question", kWhat);
    if (has(j, "watch"))
        s.watch = text(j.at("watch"), path + ".watch", kWhat);
    if (has(j, "shows"))
        s.shows = text(j.at("shows"), path + ".shows", kWhat);
    if (s.question.empty() && s.watch.empty() && s.shows.empty())
        refuse(path, "a step says something: give it a question, watch or shows text", kWhat);
    return s;
}

} // namespace

Lesson parseLesson(const std::string& fileText)
{
    const nlohmann::json j = parse(fileText, kWhat);
    onlyKeys(j, {"format", "id", "title", "idea", "steps"}, "", kWhat);
    if (string(member(j, "format", "", kWhat), "format", kWhat, 64) != kFormat)
        refuse("format", std::string("must be \"") + kFormat + "\"", kWhat);
    Lesson lesson;
    lesson.id = string(member(j, "id", "", kWhat), "id", kWhat, 64);
    if (lesson.id.empty())
        refuse("id", "empty", kWhat);
    for (unsigned char c : lesson.id)
        if (!std::isalnum(c) && c != '-')
            refuse("id", "letters, digits and '-' only", kWhat);
    lesson.title = text(member(j, "title", "", kWhat), "title", kWhat);
    lesson.idea = text(member(j, "idea", "", kWhat), "idea", kWhat);
    const nlohmann::json& steps = array(member(j, "steps", "", kWhat), "steps", kWhat, kMaxSteps);
    if (steps.empty())
        refuse("steps", "a lesson has at least one step", kWhat);
    for (std::size_t i = 0; i < steps.size(); ++i)
        lesson.steps.push_back(step(steps[i], "steps[" + std::to_string(i) + "]"));
    return lesson;
}

} // namespace aelab
