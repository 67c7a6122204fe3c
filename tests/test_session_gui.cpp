// Sessions through the real window, offscreen: two runs trained in one
// window, saved with File > Save session, opened in a new window: every run
// comes back to the bit (settings, curves, weights, probe codes), with the
// form's settings and the view state (tab, selected runs); a malformed file
// is refused with a message and changes nothing.
#include "experiments/RunList.h"
#include "experiments/RunsView.h"
#include "explorer/LatentExplorer.h"
#include "form/ControlPanel.h"
#include "form/HyperParamForm.h"
#include "window/MainWindow.h"
#include "window/RecentFiles.h"
#include "worker/TrainingController.h"
#include "ScratchSettings.h"
#include "TestSupport.h"

#include "experiment/RunRecordJson.h"

#include <QAction>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QSettings>
#include <QSvgRenderer>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTest>

#include <cstring>
#include <filesystem>

using namespace aelab;
using namespace aelab::ui;

namespace {

constexpr int kTimeoutMs = 40000;

std::unique_ptr<MainWindow> openWindow()
{
    MainWindowOptions options;
    // AELAB_TEST_DATASET/AELAB_TEST_LIMIT: other data for docs/'s screenshots.
    options.dataset = qEnvironmentVariable("AELAB_TEST_DATASET", "moons");
    options.limit = qEnvironmentVariableIsSet("AELAB_TEST_LIMIT") ? qEnvironmentVariableIntValue("AELAB_TEST_LIMIT") : 300;
    options.epochs = 2;
    auto w = std::make_unique<MainWindow>(options);
    w->setProperty("quietErrors", true);
    w->show();
    return w;
}

void setText(MainWindow& w, const QString& key, const QString& text)
{
    auto* edit = qobject_cast<QLineEdit*>(w.controls()->form()->field(key));
    QVERIFY(edit);
    edit->setText(text);
    emit edit->editingFinished();
}

using test::sameBits;

} // namespace

class TestSessionGui : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { test::useScratchSettings("session-gui-settings"); }

    void savedSessionOpensInANewWindowToTheBit()
    {
        const auto dir = test::freshTempDir("session-gui");
        const QString path = QString::fromStdString((dir / "two-runs.aelab").string());
        std::vector<RunRecordPtr> saved;
        {
            auto w = openWindow();
            QTRY_VERIFY_WITH_TIMEOUT(w->dataset() != nullptr, kTimeoutMs);
            setText(*w, "hidden", "12");
            w->action("train")->trigger();
            QTRY_COMPARE_WITH_TIMEOUT(w->runs()->count(), 1, kTimeoutMs);
            QTRY_VERIFY_WITH_TIMEOUT(!w->controller()->isRunning(), kTimeoutMs);
            setText(*w, "hidden", "10");
            w->controls()->setSeed(7);
            w->action("train")->trigger();
            QTRY_COMPARE_WITH_TIMEOUT(w->runs()->count(), 2, kTimeoutMs);
            QTRY_VERIFY_WITH_TIMEOUT(!w->controller()->isRunning(), kTimeoutMs);
            w->runs()->rename(2, "narrow, seed 7");
            w->runs()->setNote(2, "the second try");
            w->runsView()->select({1, 2});
            w->showTab("runs");
            w->setLessonState({{"id", "meet-the-autoencoder"}, {"step", 2}});
            QSignalSpy savedSpy(w.get(), &MainWindow::sessionSaved);
            QVERIFY(w->saveSession(path));
            QCOMPARE(savedSpy.count(), 1);
            saved = w->runs()->runs();
        }
        QCOMPARE(int(saved.size()), 2);

        auto w = openWindow();
        QTRY_VERIFY_WITH_TIMEOUT(w->dataset() != nullptr, kTimeoutMs);
        QCOMPARE(w->runs()->count(), 0);
        QSignalSpy opened(w.get(), &MainWindow::sessionOpened);
        QVERIFY(w->openSession(path));
        QCOMPARE(opened.count(), 1);
        QCOMPARE(w->runs()->count(), 2);
        for (std::size_t i = 0; i < saved.size(); ++i) {
            const RunRecord& a = *saved[i];
            const RunRecord& b = *w->runs()->runs()[i];
            QCOMPARE(b.id, a.id);
            QCOMPARE(b.name, a.name);
            QCOMPARE(b.note, a.note);
            QVERIFY(b.settingsJson() == a.settingsJson());
            QVERIFY(recordJson(b) == recordJson(a));   // curves, history, metrics: doubles to the bit
            QCOMPARE(b.curves.train.size(), a.curves.train.size());
            QVERIFY(!a.curves.train.empty());
            QVERIFY(!a.finalWeights.empty() && !a.initialWeights.empty());
            QVERIFY(sameBits(b.finalWeights, a.finalWeights));
            QVERIFY(sameBits(b.initialWeights, a.initialWeights));
            QVERIFY(sameBits(b.probeCodes, a.probeCodes));
            QVERIFY(sameBits(b.probeMap, a.probeMap));
            QCOMPARE(b.probeLabels, a.probeLabels);
            QVERIFY(sameBits(b.reconstructions, a.reconstructions));
        }
        QCOMPARE(w->runs()->runs()[1]->name, std::string("narrow, seed 7"));
        // The form and the view state.
        QCOMPARE(w->controls()->seed(), quint64(7));
        QVERIFY(w->controls()->form()->values()["hidden"] == nlohmann::json({10}));
        QCOMPARE(w->tabs()->currentWidget(), static_cast<QWidget*>(w->runsView()));
        QCOMPARE(int(w->runsView()->selectedRuns().size()), 2);
        QVERIFY(w->lessonState()["id"] == nlohmann::json("meet-the-autoencoder"));
        // A new run after the opened ones is numbered after them.
        w->action("train")->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(w->runs()->count(), 3, kTimeoutMs);
        QCOMPARE(w->runs()->runs().back()->id, 3);
        QTRY_VERIFY_WITH_TIMEOUT(!w->controller()->isRunning(), kTimeoutMs);

        // Exports from the window: the selected run's arrays, a plot as SVG
        // with its caption and data, the timeline as frames.
        const QString out = QString::fromStdString((dir / "out").string());
        QDir().mkpath(out + "/frames");
        w->runsView()->select({2});
        QVERIFY(w->exportRunArrays(out));
        const std::string codes = test::readBytes((dir / "out" / "codes.csv").string());
        QVERIFY2(codes.rfind("label,z1,z2\n", 0) == 0, codes.substr(0, 40).c_str());
        QVERIFY(std::filesystem::exists(dir / "out" / "codes.npy"));
        QVERIFY(std::filesystem::exists(dir / "out" / "labels.npy"));
        QVERIFY(std::filesystem::exists(dir / "out" / "reconstructions.npy"));
        QSettings().setValue("export/caption", true);
        QVERIFY(w->exportView("loss", out + "/loss.svg"));
        QSvgRenderer svg(out + "/loss.svg");
        QVERIFY(svg.isValid());
        QVERIFY(test::readBytes((dir / "out" / "loss.svg").string()).find("ae on ") != std::string::npos);
        QVERIFY(test::readBytes((dir / "out" / "loss.csv").string()).rfind("series,x,y\n", 0) == 0);
        w->showTab("explorer");
        const int frames = w->exportTimelineFrames(out + "/frames");
        QVERIFY(frames > 0);
        QCOMPARE(int(test::namesIn(dir / "out" / "frames").size()), frames);
        QVERIFY(!QImage(out + "/frames/frame-0001.png").isNull());
        w->latentExplorer()->decodeGrid(5);
        QTRY_COMPARE_WITH_TIMEOUT(int(w->latentExplorer()->gridDecodes().rows()), 25, kTimeoutMs);
        QVERIFY(w->exportManifold(out));
        QVERIFY(std::filesystem::exists(dir / "out" / "manifold.npy"));
        QVERIFY(std::filesystem::exists(dir / "out" / "manifold_codes.npy"));

        // AELAB_TEST_OUTPUT=dir keeps a session of the three runs and their
        // overlaid curves as SVG with a caption there (docs/'s screenshots).
        if (qEnvironmentVariableIsSet("AELAB_TEST_OUTPUT")) {
            const QString keep = qEnvironmentVariable("AELAB_TEST_OUTPUT");
            w->runsView()->select({1, 2, 3});
            w->showTab("runs");
            QVERIFY(w->saveSession(keep + "/three-runs.aelab"));
            w->resize(1400, 900);
            QTest::qWait(300);
            QVERIFY(w->exportView("runs-curves", keep + "/runs-curves.svg"));
        }

        // File > Open recent: the session is listed; once gone, choosing it
        // says so and drops it.
        const QString entry = "session:" + path;
        QVERIFY(w->recentFiles()->entries().contains(entry));
        const QString moved = path + ".moved";
        QVERIFY(QFile::rename(path, moved));
        {
            QSignalSpy missing(w.get(), &MainWindow::errorShown);
            w->recentFiles()->choose(entry);
            QCOMPARE(missing.count(), 1);
            QVERIFY(missing.front().front().toString().contains("two-runs.aelab"));
            QVERIFY(!w->recentFiles()->entries().contains(entry));
        }
        QVERIFY(QFile::rename(moved, path));

        // Opened at once, as aelab --session does, while the window is still
        // loading its dataset: the same runs, form and tab.
        {
            auto fresh = openWindow();
            QVERIFY(fresh->openSession(path));
            QCOMPARE(fresh->runs()->count(), 2);
            QTRY_VERIFY_WITH_TIMEOUT(fresh->dataset() != nullptr, kTimeoutMs);
            QTest::qWait(200);
            QCOMPARE(fresh->runs()->count(), 2);
            QCOMPARE(fresh->controls()->seed(), quint64(7));
            QVERIFY(fresh->controls()->form()->values()["hidden"] == nlohmann::json({10}));
            QCOMPARE(fresh->tabs()->currentWidget(), static_cast<QWidget*>(fresh->runsView()));
        }

        // A malformed file: a message, and the runs stay as they are.
        const QString broken = QString::fromStdString((dir / "broken.aelab").string());
        test::writeBytes(broken.toStdString(), test::readBytes(path.toStdString()).substr(0, 500));
        QSignalSpy errors(w.get(), &MainWindow::errorShown);
        QVERIFY(!w->openSession(broken));
        QCOMPARE(errors.count(), 1);
        QVERIFY(errors.front().front().toString().contains("broken.aelab"));
        QCOMPARE(w->runs()->count(), 3);
        std::filesystem::remove_all(dir);
    }

    // File > Save model in the middle of a run, then File > Resume training:
    // the run ends with the weights and epoch means of the same run trained
    // straight through, to the bit (one thread, as CTest runs it).
    void resumeFromTheWindowContinuesExactly()
    {
        const auto dir = test::freshTempDir("session-resume");
        const QString path = QString::fromStdString((dir / "mid-run.safetensors").string());
        auto w = openWindow();
        QTRY_VERIFY_WITH_TIMEOUT(w->dataset() != nullptr, kTimeoutMs);
        setText(*w, "hidden", "12");
        w->controls()->setSeed(3);
        w->action("train")->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(w->runs()->count(), 1, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(!w->controller()->isRunning(), kTimeoutMs);
        const RunRecordPtr straight = w->runs()->runs().back();

        // A few single steps, saved while paused, then stopped.
        w->action("step")->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(w->lastStep(), 1LL, 10000);
        for (long long i = 2; i <= 5; ++i) {
            w->action("step")->trigger();
            QTRY_COMPARE_WITH_TIMEOUT(w->lastStep(), i, 10000);
        }
        QSignalSpy saved(w->controller(), &TrainingController::modelSaved);
        w->saveModelFile(path);
        QTRY_COMPARE_WITH_TIMEOUT(saved.count(), 1, kTimeoutMs);
        w->action("stop")->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(w->runs()->count(), 2, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(!w->controller()->isRunning(), kTimeoutMs);
        QCOMPARE(w->runs()->runs().back()->status(), std::string("stopped"));

        QSignalSpy errors(w.get(), &MainWindow::errorShown);
        w->resumeFromFile(path);
        QTRY_COMPARE_WITH_TIMEOUT(w->runs()->count(), 3, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(!w->controller()->isRunning(), kTimeoutMs);
        QCOMPARE(errors.count(), 0);
        const RunRecordPtr resumed = w->runs()->runs().back();
        QCOMPARE(resumed->status(), std::string("finished"));
        QCOMPARE(resumed->steps, straight->steps);
        QVERIFY(!straight->finalWeights.empty());
        QVERIFY(sameBits(resumed->finalWeights, straight->finalWeights));
        QCOMPARE(resumed->history.epochs.size(), straight->history.epochs.size());
        for (std::size_t e = 0; e < straight->history.epochs.size(); ++e) {
            QVERIFY(termsJson(resumed->history.epochs[e].train) == termsJson(straight->history.epochs[e].train));
            QVERIFY(termsJson(resumed->history.epochs[e].val) == termsJson(straight->history.epochs[e].val));
        }
        std::filesystem::remove_all(dir);
    }
};

QTEST_MAIN(TestSessionGui)
#include "test_session_gui.moc"
