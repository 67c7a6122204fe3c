#pragma once
// What lessons and explanations add to the window: the Lessons menu (every
// shipped lesson, "Open lesson file…", the panel's dock), the Lesson panel,
// the explanation dialog (Help > Explain this variant, F1, and the Explain
// button beside the variant picker), and applying a step's setup through the
// window's own paths (MainWindow::trainQueue, showSettings, showTab).
#include "lessons/Lesson.h"

#include <QObject>

#include <nlohmann/json.hpp>

#include <vector>

class QDockWidget;
class QMenu;

namespace aelab::ui {

class ExplanationDialog;
class LessonPanel;
class MainWindow;

class LessonsController : public QObject {
    Q_OBJECT
public:
    LessonsController(MainWindow* window, QMenu* helpMenu);

    const std::vector<Lesson>& lessons() const { return m_lessons; }
    void openLesson(const Lesson& lesson);        // into the panel, at step 1
    bool openLessonFile(const QString& path);     // false (and an error shown) when refused
    void explain(const QString& variant);         // the dialog for `variant`
    void apply(const LessonSetup& setup, bool train);
    // The lesson a session was saved in ({"id", "step"}; null: none), at its step.
    void resumeLesson(const nlohmann::json& state);

    LessonPanel* panel() const { return m_panel; }
    QDockWidget* dock() const { return m_dock; }
    ExplanationDialog* explanation() const { return m_explanation; }   // null until first shown
    void setLanguage(const std::string& language);                      // "en" or "zh"; default: the window's

    // For tests: caps on every lesson run's epochs and samples, so all of
    // them train in seconds (0: no cap).
    void setQuick(int maxEpochs, int maxLimit);

private:
    void buildMenu(QMenu* helpMenu);

    MainWindow* m_window;
    std::vector<Lesson> m_lessons;
    LessonPanel* m_panel;
    QDockWidget* m_dock;
    ExplanationDialog* m_explanation = nullptr;
    std::string m_language;
    int m_waits = 0;   // retries while a stopped run ends
    int m_quickEpochs = 0;
    int m_quickLimit = 0;
};

} // namespace aelab::ui
