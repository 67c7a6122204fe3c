// Lessons and explanations through the real window, offscreen: every shipped
// lesson opened from the Lessons menu; each step's "Set up and train" puts
// its dataset, variant and named settings in the form, shows its tab and
// trains its runs (capped to 4 epochs on 300 samples by the test-only
// LessonsController::setQuick); the explanation of every variant opens in
// English and Chinese from F1 and the Explain button, and Set it up applies
// its settings. The loss plot's terms carry tooltips.
#include "experiments/RunList.h"
#include "experiments/RunQueue.h"
#include "form/ControlPanel.h"
#include "form/HyperParamForm.h"
#include "lessons/ExplanationDialog.h"
#include "lessons/LessonFiles.h"
#include "lessons/LessonPanel.h"
#include "lessons/LessonsController.h"
#include "models/Registry.h"
#include "training/LossTermTips.h"
#include "training/LossView.h"
#include "window/MainWindow.h"
#include "window/View.h"
#include "worker/TrainingController.h"
#include "ScratchSettings.h"
#include "TestSupport.h"

#include <QAction>
#include <QDockWidget>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>

using namespace aelab;
using namespace aelab::ui;

namespace {

constexpr int kTimeoutMs = 60000;
constexpr int kQuickEpochs = 4;   // stacked needs its layers (3) + 1
constexpr int kQuickLimit = 300;

// AELAB_LESSON_TIMING=1: every lesson at its full size, printing how long
// each step's runs took from the click (docs/LESSONS.md's table); not in CTest.
bool timing() { return qEnvironmentVariableIntValue("AELAB_LESSON_TIMING") == 1; }

std::unique_ptr<MainWindow> openWindow()
{
    MainWindowOptions options;
    options.dataset = "moons";
    options.limit = 300;
    auto w = std::make_unique<MainWindow>(options);
    w->setProperty("quietErrors", true);
    QObject::connect(w.get(), &MainWindow::errorShown, [](const QString& m) { qWarning("shown: %s", qPrintable(m)); });
    if (timing())
        QObject::connect(w->controller(), &TrainingController::stateChanged, [w = w.get()](TrainingController::State s) {
            qInfo("state %d, %d runs: %s", int(s), w->runs()->count(), qPrintable(w->statusText()));
        });

    w->resize(1280, 720);
    w->show();
    if (!timing())
        w->lessons()->setQuick(kQuickEpochs, kQuickLimit);
    return w;
}

QString currentTabKey(const MainWindow& w)
{
    if (auto* view = qobject_cast<View*>(w.tabs()->currentWidget()))
        return view->key();
    return "training";
}

QAction* lessonAction(const MainWindow& w, const std::string& id)
{
    return w.findChild<QAction*>("lesson-" + QString::fromStdString(id));
}

bool idle(const MainWindow& w)
{
    const auto s = w.controller()->state();
    return s != TrainingController::State::Loading && s != TrainingController::State::Running
           && s != TrainingController::State::Stopping;
}

// The named settings of `run` are in the form (with every value as the run's settings resolve it).
void checkForm(const MainWindow& w, const LessonRun& run, const QString& where)
{
    const RunSettings settings = run.settings();
    QCOMPARE(w.controls()->variant(), QString::fromStdString(run.variant));
    const nlohmann::json form = w.controls()->form()->values();
    for (const auto& [key, value] : run.params.items())
        QVERIFY2(form.value(key, nlohmann::json()) == settings.values.at(key),
                 qPrintable(where + ": " + QString::fromStdString(key) + " is "
                            + QString::fromStdString(form.value(key, nlohmann::json()).dump())));
    QCOMPARE(w.controls()->seed(), quint64(run.seed));
}

} // namespace

class TestLessonsGui : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { test::useScratchSettings("lessons-gui-settings"); }

    void everyLessonSetsUpAndTrainsEachStep()
    {
        QVERIFY2(test::haveFashionMnist(), "the lessons use Fashion-MNIST (dataset-fashion-mnist)");
        auto w = openWindow();
        QTRY_VERIFY_WITH_TIMEOUT(w->dataset() != nullptr, kTimeoutMs);
        LessonsController* lessons = w->lessons();
        QVERIFY(w->findChild<QMenu*>("lessonsMenu"));
        QVERIFY2(lessons->lessons().size() >= 12, "every shipped lesson is in the menu");
        LessonPanel* panel = lessons->panel();
        const QString only = qEnvironmentVariable("AELAB_LESSON_ONLY");   // timing one lesson
        for (const Lesson& lesson : lessons->lessons()) {
            const QString name = QString::fromStdString(lesson.id);
            if (!only.isEmpty() && name != only)
                continue;
            QAction* open = lessonAction(*w, lesson.id);
            QVERIFY2(open, qPrintable(name));
            open->trigger();
            QVERIFY(lessons->dock()->isVisible());
            QCOMPARE(panel->step(), 0);
            QVERIFY(panel->text().contains(QString::fromStdString(lesson.title.en)));
            for (std::size_t i = 0; i < lesson.steps.size(); ++i) {
                const LessonStep& step = lesson.steps[i];
                const QString where = name + " step " + QString::number(i + 1);
                QCOMPARE(panel->step(), int(i));
                const LessonSetup& setup = step.setup;
                if (!setup.runs.empty()) {
                    QVERIFY2(panel->setUpButton()->isEnabled(), qPrintable(where));
                    if (!step.shows.empty())   // the answer waits for the runs
                        QVERIFY2(!panel->text().contains(QString::fromStdString(step.shows.en)), qPrintable(where));
                    const int before = w->runs()->count();
                    QElapsedTimer clock;
                    clock.start();
                    QTest::mouseClick(panel->setUpButton(), Qt::LeftButton);
                    // The form shows the first run; the dataset and the sample limit are the step's.
                    checkForm(*w, setup.runs.front(), where);
                    QCOMPARE(w->controls()->datasetSpec(), QString::fromStdString(setup.dataset));
                    const int limit = timing() ? setup.limit
                                      : setup.limit == 0 ? kQuickLimit : std::min(setup.limit, kQuickLimit);
                    QCOMPARE(w->controls()->sampleLimit(), limit);
                    QCOMPARE(w->controls()->epochs(),
                             timing() ? setup.runs.front().epochs : std::min(setup.runs.front().epochs, kQuickEpochs));
                    if (!setup.tab.empty())
                        QCOMPARE(currentTabKey(*w), QString::fromStdString(setup.tab));
                    // Every run trains and is kept under the lesson's name, with its settings.
                    const int waitMs = timing() ? 100000 : kTimeoutMs;   // a variable: QTRY pastes it unbracketed
                    QTRY_IMPL(w->runs()->count() == before + int(setup.runs.size()), waitMs);
                    QVERIFY2(w->runs()->count() == before + int(setup.runs.size()),
                             qPrintable(QString("%1: %2 runs kept of %3; state %4, queue %5 of %6; status: %7")
                                            .arg(where).arg(w->runs()->count() - before).arg(setup.runs.size())
                                            .arg(int(w->controller()->state())).arg(w->runQueue()->done())
                                            .arg(w->runQueue()->total()).arg(w->statusText())));
                    QTRY_VERIFY_WITH_TIMEOUT(idle(*w), kTimeoutMs);
                    if (!step.shows.empty())
                        QTRY_VERIFY2(panel->text().contains(QString::fromStdString(step.shows.en)), qPrintable(where));
                    qInfo("TIMING %s step %d: %d run(s) trained in %.1f s from the click",
                              qPrintable(name), int(i + 1), int(setup.runs.size()), clock.elapsed() / 1000.0);
                    for (std::size_t r = 0; r < setup.runs.size(); ++r) {
                        const RunRecordPtr& kept = w->runs()->runs()[std::size_t(before) + r];
                        QCOMPARE(kept->name, setup.runs[r].name.en);
                        QCOMPARE(kept->settings.variant, setup.runs[r].variant);
                        QCOMPARE(kept->datasetSpec, setup.dataset);
                        QVERIFY2(kept->status() == "finished", qPrintable(where + ": " + QString::fromStdString(kept->status())));
                        QVERIFY2(!kept->curves.train.empty(), qPrintable(where));
                        for (const auto& [key, value] : setup.runs[r].params.items())
                            QVERIFY2(kept->settings.values.at(key) == setup.runs[r].settings().values.at(key), key.c_str());
                    }
                } else {
                    QVERIFY(!panel->setUpButton()->isEnabled());
                    if (!setup.tab.empty())   // shown when Next (or opening the lesson) reached it
                        QCOMPARE(currentTabKey(*w), QString::fromStdString(setup.tab));
                }
                if (i + 1 < lesson.steps.size())
                    QTest::mouseClick(panel->nextButton(), Qt::LeftButton);
                else
                    QVERIFY(!panel->nextButton()->isEnabled());
            }
            QTest::mouseClick(panel->backButton(), Qt::LeftButton);
            QCOMPARE(panel->step(), std::max(0, int(lesson.steps.size()) - 2));
        }
    }

    void theChinesePanelShowsTheChineseText()
    {
        if (timing())
            QSKIP("timing run");
        auto w = openWindow();
        LessonsController* lessons = w->lessons();
        lessons->setLanguage("zh");
        const Lesson& lesson = lessons->lessons().front();
        lessons->openLesson(lesson);
        QVERIFY(lessons->panel()->text().contains(QString::fromStdString(lesson.title.zh)));
        QVERIFY(lessons->panel()->text().contains(QString::fromStdString(lesson.steps[0].question.zh)));
        QVERIFY(!lessons->panel()->text().contains(QString::fromStdString(lesson.steps[0].question.en)));
    }

    // A saved session keeps the lesson in progress at its step; opening it
    // brings the lesson back there.
    void aSessionKeepsTheLessonAndItsStep()
    {
        if (timing())
            QSKIP("timing run");
        const auto dir = test::freshTempDir("lesson-session");
        const QString path = QString::fromStdString((dir / "class.aelab").string());
        const Lesson lesson = openWindow()->lessons()->lessons().at(2);   // a copy: the window goes
        QVERIFY(lesson.steps.size() >= 2);
        {
            auto w = openWindow();
            w->lessons()->openLesson(lesson);
            w->lessons()->panel()->setStep(1);
            QCOMPARE(QString::fromStdString(w->lessonState().value("id", "")), QString::fromStdString(lesson.id));
            QVERIFY(w->saveSession(path));
        }
        auto reopened = openWindow();
        QVERIFY(!reopened->lessons()->panel()->hasLesson());
        QVERIFY(reopened->openSession(path));
        QVERIFY(reopened->lessons()->panel()->hasLesson());
        QCOMPARE(reopened->lessons()->panel()->lesson().id, lesson.id);
        QCOMPARE(reopened->lessons()->panel()->step(), 1);
        std::filesystem::remove_all(dir);
    }

    void aLessonFileIsOpenedOrRefusedWithItsField()
    {
        if (timing())
            QSKIP("timing run");
        auto w = openWindow();
        const auto dir = test::freshTempDir("lessons-gui-file");
        QFile source(shippedLessonFiles().front());
        QVERIFY(source.open(QIODevice::ReadOnly));
        nlohmann::json j = nlohmann::json::parse(source.readAll().toStdString());
        j["id"] = "teachers-own";
        test::writeBytes(dir / "own.json", j.dump());
        QVERIFY(w->lessons()->openLessonFile(QString::fromStdString((dir / "own.json").string())));
        QCOMPARE(w->lessons()->panel()->lesson().id, std::string("teachers-own"));

        j["title"].erase("zh");
        test::writeBytes(dir / "bad.json", j.dump());
        QSignalSpy errors(w.get(), &MainWindow::errorShown);
        QVERIFY(!w->lessons()->openLessonFile(QString::fromStdString((dir / "bad.json").string())));
        QCOMPARE(errors.count(), 1);
        QVERIFY2(errors.at(0).at(0).toString().contains("bad.json: lesson field title: no \"zh\" text"),
                 qPrintable(errors.at(0).at(0).toString()));
        std::filesystem::remove_all(dir);
    }

    void everyVariantIsExplainedInBothLanguages()
    {
        if (timing())
            QSKIP("timing run");
        auto w = openWindow();
        QTRY_VERIFY_WITH_TIMEOUT(w->dataset() != nullptr, kTimeoutMs);
        LessonsController* lessons = w->lessons();
        // The Explain button beside the picker and F1 open the current variant's.
        auto* button = w->controls()->findChild<QToolButton*>("explainVariant");
        QVERIFY(button);
        w->controls()->setVariant("vae");
        QTest::mouseClick(button, Qt::LeftButton);
        QVERIFY(lessons->explanation() && lessons->explanation()->isVisible());
        QCOMPARE(lessons->explanation()->explanation().variant, std::string("vae"));
        w->controls()->setVariant("sparse");
        w->activateWindow();
        w->findChild<QAction*>("helpExplain")->trigger();
        QCOMPARE(lessons->explanation()->explanation().variant, std::string("sparse"));
        QVERIFY(w->findChild<QAction*>("helpNumbers"));   // still reachable (Shift+F1)

        for (const VariantInfo& v : variants()) {
            const Explanation e = explanationFor(QString::fromStdString(v.key));
            for (const std::string lang : {"en", "zh"}) {
                lessons->setLanguage(lang);
                lessons->explain(QString::fromStdString(v.key));
                const QString text = lessons->explanation()->browser()->toPlainText();
                QVERIFY2(text.contains(QString::fromStdString(e.what.in(lang)).left(20)),
                         qPrintable(QString::fromStdString(v.key + " " + lang)));
                for (const ExplanationItem& term : e.terms)
                    QVERIFY2(text.contains(QString::fromStdString(term.name.in(lang))), term.name.en.c_str());
            }
            // Set it up puts the experiment's settings in the form.
            QTest::mouseClick(lessons->explanation()->setUpButton(), Qt::LeftButton);
            checkForm(*w, e.setup.runs.front(), QString::fromStdString(v.key));
            QCOMPARE(w->controls()->datasetSpec(), QString::fromStdString(e.setup.dataset));
            QCOMPARE(w->controls()->sampleLimit(), e.setup.limit);
            QCOMPARE(currentTabKey(*w), QString::fromStdString(e.setup.tab));
            QTRY_VERIFY_WITH_TIMEOUT(idle(*w), kTimeoutMs);
        }
    }

    void lossTermsHaveTooltips()
    {
        if (timing())
            QSKIP("timing run");
        for (const char* term : {"loss", "recon", "kl", "kl_*", "l1", "mean_activation", "contractive",
                                 "jacobian_norm", "elbo", "disc", "gen", "disc_acc", "layer_recon", "sparsity",
                                 "missing_rmse", "bit_recon", "saturation", "mmd"})
            QVERIFY2(lossTermTip(term).startsWith(QString(term).replace("_*", "_j")), term);
        // Every Diagnostics panel a variant names has one.
        for (const VariantInfo& v : variants())
            for (const std::string& key : v.traits.diagnostics)
                QVERIFY2(!diagnosticTip(QString::fromStdString(key)).isEmpty(), key.c_str());
        // Every term an explanation names has a tooltip too.
        for (const VariantInfo& v : variants())
            for (const ExplanationItem& term : explanationFor(QString::fromStdString(v.key)).terms)
                QVERIFY2(!lossTermTip(QString::fromStdString(term.name.en)).isEmpty(), term.name.en.c_str());

        auto w = openWindow();
        QTRY_VERIFY_WITH_TIMEOUT(w->dataset() != nullptr, kTimeoutMs);
        w->controls()->setVariant("vae");
        w->action("train")->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(w->lossView()->termGroups().contains("kl"), kTimeoutMs);
        auto* menu = w->lossView()->findChild<QToolButton*>("lossTerms")->menu();
        for (QAction* a : menu->actions())
            QVERIFY2(!a->toolTip().isEmpty() && a->toolTip() != a->text(), qPrintable(a->text()));
        w->action("stop")->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(idle(*w), kTimeoutMs);
    }
};

QTEST_MAIN(TestLessonsGui)
#include "test_lessons_gui.moc"
