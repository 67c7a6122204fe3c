#pragma once
// The lesson in progress, in a dock beside the views: its title and idea,
// the current step's text (the prediction to make before training, what to
// watch, what it showed), Back and Next, and "Set up and train", which asks
// the window (through setupRequested) to load the step's dataset and train
// its runs. Steps that only show a tab show it when Next reaches them.
#include "lessons/Lesson.h"

#include <QWidget>

class QLabel;
class QPushButton;
class QTextBrowser;

namespace aelab::ui {

class LessonPanel : public QWidget {
    Q_OBJECT
public:
    explicit LessonPanel(QWidget* parent = nullptr);

    void setLesson(const Lesson& lesson);   // at its first step
    const Lesson& lesson() const { return m_lesson; }
    bool hasLesson() const { return !m_lesson.steps.empty(); }
    int step() const { return m_step; }
    void setStep(int index);
    void setLanguage(const std::string& language);   // "en" or "zh"
    // A step that trains keeps what it shows hidden until its runs have
    // ended, so the class answers the question first.
    void setRevealed(bool revealed);
    bool revealed() const { return m_revealed; }

    QPushButton* setUpButton() const { return m_setUp; }
    QPushButton* nextButton() const { return m_next; }
    QPushButton* backButton() const { return m_back; }
    QString text() const;   // what the panel shows, as plain text (for tests)

signals:
    // `train`: the step's runs are to be trained; else only its tab shown.
    void setupRequested(const LessonSetup& setup, bool train);
    // A lesson opened or moved to another step (0-based), for the session file.
    void stepShown(const std::string& lessonId, int step);

private:
    void showStep();

    Lesson m_lesson;
    int m_step = 0;
    std::string m_language = "en";
    bool m_revealed = false;
    QLabel* m_title;
    QLabel* m_progress;
    QTextBrowser* m_body;
    QPushButton* m_back;
    QPushButton* m_setUp;
    QPushButton* m_next;
};

} // namespace aelab::ui
