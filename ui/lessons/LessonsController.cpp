#include "lessons/LessonsController.h"

#include "lessons/ExplanationDialog.h"
#include "lessons/LessonFiles.h"
#include "lessons/LessonPanel.h"

#include "experiments/RunQueue.h"
#include "form/ControlPanel.h"
#include "window/MainWindow.h"

#include "math/Error.h"

#include <QAction>
#include <QDockWidget>
#include <QFileDialog>
#include <QMenu>
#include <QMenuBar>
#include <QTimer>

namespace aelab::ui {

namespace {
constexpr int kSideBySideWidth = 1500;   // narrower: the lesson is a tab beside the controls
constexpr int kMaxWaits = 300;           // 100 ms each, for a stopped run to end
}

LessonsController::LessonsController(MainWindow* window, QMenu* helpMenu)
    : QObject(window), m_window(window), m_panel(new LessonPanel), m_dock(new QDockWidget(tr("Lesson"), window)),
      m_language(lessonLanguage())
{
    setObjectName("lessons");
    try {
        m_lessons = shippedLessons();
    } catch (const Error& e) {
        // A broken shipped lesson is a bug the tests catch; the window still opens.
        window->showError(tr("Cannot read the lessons"), QString::fromStdString(e.what()));
    }
    m_panel->setLanguage(m_language);
    m_dock->setObjectName("lessonDock");
    m_dock->setWidget(m_panel);
    m_panel->setMinimumWidth(300);
    window->addDockWidget(Qt::RightDockWidgetArea, m_dock);
    m_dock->hide();
    connect(m_panel, &LessonPanel::setupRequested, this, &LessonsController::apply);
    // What a step shows is revealed once its runs (one or a queue) have ended.
    connect(window->runQueue(), &RunQueue::finished, m_panel, [this] { m_panel->setRevealed(true); });
    connect(window->controls(), &ControlPanel::explainRequested, this, &LessonsController::explain);
    // The lesson in progress goes into a saved session and comes back with it
    // (a shipped lesson, found again by its id).
    connect(m_panel, &LessonPanel::stepShown, window, [window](const std::string& id, int step) {
        window->setLessonState({{"id", id}, {"step", step}});
    });
    connect(window, &MainWindow::sessionOpened, this, [this] { resumeLesson(m_window->lessonState()); });
    buildMenu(helpMenu);
}

void LessonsController::buildMenu(QMenu* helpMenu)
{
    auto* menu = new QMenu(tr("&Lessons"), m_window);
    menu->setObjectName("lessonsMenu");
    m_window->menuBar()->insertMenu(helpMenu->menuAction(), menu);
    for (const Lesson& lesson : m_lessons) {
        QAction* a = menu->addAction(QString::fromStdString(lesson.title.in(m_language)));
        a->setObjectName("lesson-" + QString::fromStdString(lesson.id));
        a->setToolTip(QString::fromStdString(lesson.idea.in(m_language)));
        connect(a, &QAction::triggered, this, [this, id = lesson.id] {
            for (const Lesson& l : m_lessons)
                if (l.id == id)
                    openLesson(l);
        });
    }
    menu->setToolTipsVisible(true);
    menu->addSeparator();
    menu->addAction(tr("&Open lesson file…"), this, [this] {
        const QString path = QFileDialog::getOpenFileName(m_window, tr("Open a lesson file"), {},
                                                          tr("Lessons (*.json);;All files (*)"));
        if (!path.isEmpty())
            openLessonFile(path);
    });
    QAction* toggle = m_dock->toggleViewAction();
    toggle->setText(tr("Show the lesson &panel"));
    menu->addAction(toggle);

    // F1 explains the variant in the form; What each number means moves to Shift+F1.
    QAction* explainAction = new QAction(tr("&Explain this variant"), m_window);
    explainAction->setObjectName("helpExplain");
    explainAction->setShortcut(QKeySequence(Qt::Key_F1));
    explainAction->setShortcutContext(Qt::ApplicationShortcut);
    connect(explainAction, &QAction::triggered, this, [this] { explain(m_window->controls()->variant()); });
    helpMenu->insertAction(helpMenu->actions().value(0), explainAction);
    m_window->addAction(explainAction);
}

void LessonsController::setLanguage(const std::string& language)
{
    m_language = language;
    m_panel->setLanguage(language);
}

void LessonsController::setQuick(int maxEpochs, int maxLimit)
{
    m_quickEpochs = maxEpochs;
    m_quickLimit = maxLimit;
}

void LessonsController::openLesson(const Lesson& lesson)
{
    m_panel->setLesson(lesson);
    // On a narrow window (1280 wide) the views need the width: the lesson
    // shares the left with the controls, which the lesson sets itself.
    auto* controls = m_window->findChild<QDockWidget*>("controlsDock");
    if (controls && m_window->width() < kSideBySideWidth && m_window->dockWidgetArea(m_dock) != m_window->dockWidgetArea(controls))
        m_window->tabifyDockWidget(controls, m_dock);
    m_dock->show();
    m_dock->raise();
    // The first step's tab, when it only shows one.
    const LessonSetup& first = lesson.steps.front().setup;
    if (first.runs.empty() && !first.tab.empty())
        apply(first, false);
}

bool LessonsController::openLessonFile(const QString& path)
{
    try {
        openLesson(readLessonFile(path));
        return true;
    } catch (const Error& e) {
        m_window->showError(tr("Cannot open the lesson"), QString::fromStdString(e.what()));
        return false;
    }
}

void LessonsController::explain(const QString& variant)
{
    Explanation e;
    try {
        e = explanationFor(variant);
    } catch (const Error& error) {
        m_window->showError(tr("Cannot show the explanation"), QString::fromStdString(error.what()));
        return;
    }
    if (!m_explanation) {
        m_explanation = new ExplanationDialog(m_window);
        connect(m_explanation, &ExplanationDialog::setupRequested, this, &LessonsController::apply);
    }
    m_explanation->setExplanation(e, m_language);
    m_explanation->show();
    m_explanation->raise();
    m_explanation->activateWindow();
}

void LessonsController::apply(const LessonSetup& setup, bool train)
{
    if (setup.runs.empty() || !train) {
        if (!setup.runs.empty()) {
            if (m_window->controller()->isRunning()) {
                m_window->showError(tr("Cannot set it up"), tr("a run is training: stop it or wait for its end"));
                return;
            }
            RunSettings s = setup.runs.front().settings();
            if (m_quickEpochs > 0)
                s.epochs = std::min(s.epochs, m_quickEpochs);
            m_window->showSettings(s, QString::fromStdString(setup.dataset), setup.limit);
        }
        if (!setup.tab.empty())
            m_window->showTab(QString::fromStdString(setup.tab));
        return;
    }
    // A run in progress is stopped (and kept) first; the lesson's runs start
    // once it has ended and the run queue has taken its record (RunQueue
    // counts kept runs as they reach the run list, queued: a queue started
    // before the last one arrived would count it as its own).
    if (m_window->controller()->isRunning() || m_window->runQueue()->active()) {
        if (m_window->controller()->isRunning())
            m_window->action("stop")->trigger();
        else
            m_window->runQueue()->cancel();
        if (++m_waits > kMaxWaits) {
            m_waits = 0;
            m_window->showError(tr("Cannot set up the lesson"), tr("the run in progress did not end"));
            return;
        }
        QTimer::singleShot(100, this, [this, setup] { apply(setup, true); });
        return;
    }
    m_waits = 0;
    std::vector<RunRequest> requests;
    try {
        for (const LessonRun& run : setup.runs) {
            RunRequest r;
            r.settings = run.settings();
            if (m_quickEpochs > 0)
                r.settings.epochs = std::min(r.settings.epochs, m_quickEpochs);
            r.name = run.name.in(m_language);
            requests.push_back(std::move(r));
        }
    } catch (const Error& e) {
        m_window->showError(tr("Cannot set up the lesson"), QString::fromStdString(e.what()));
        return;
    }
    int limit = setup.limit;
    if (m_quickLimit > 0)
        limit = limit == 0 ? m_quickLimit : std::min(limit, m_quickLimit);
    m_window->trainQueue(std::move(requests), QString::fromStdString(setup.dataset), limit);
    if (!setup.tab.empty())
        m_window->showTab(QString::fromStdString(setup.tab));
}

void LessonsController::resumeLesson(const nlohmann::json& state)
{
    if (!state.is_object() || !state.contains("id") || !state["id"].is_string())
        return;
    const std::string id = state["id"].get<std::string>();
    const int step = state.contains("step") && state["step"].is_number_integer() ? state["step"].get<int>() : 0;
    for (const Lesson& lesson : m_lessons)
        if (lesson.id == id) {
            openLesson(lesson);
            m_panel->setStep(step);
            return;
        }
    // A teacher's own lesson file is not in the session: say which one it was.
    m_window->showError(tr("Cannot resume the lesson"),
                        tr("The session was saved during the lesson \"%1\", which is not one of aelab's lessons: "
                           "open its file from Lessons > Open lesson file…").arg(QString::fromStdString(id)));
}

} // namespace aelab::ui
