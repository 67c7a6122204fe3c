// The Runs tab through the real window, offscreen: every run is kept; two
// selected runs overlay their curves, the table shows exactly the setting
// that differs, their latent maps brush each other; "run again with one
// change" starts from bit-identical weights; runs export as CSV, JSON and
// model files.
#include "experiments/DifferenceTable.h"
#include "experiments/FineTunePlot.h"
#include "experiments/OverlayPlot.h"
#include "experiments/PairedMaps.h"
#include "experiments/ProbePlot.h"
#include "experiments/SweepDialog.h"
#include "experiments/TrendPlot.h"
#include <QComboBox>
#include "experiments/RunList.h"
#include "experiments/RunQueue.h"
#include "experiments/RunsView.h"
#include "experiments/SmallMultiples.h"
#include "form/ControlPanel.h"
#include "form/HyperParamForm.h"
#include "window/MainWindow.h"
#include "worker/TrainingController.h"
#include "ScratchSettings.h"
#include "TestSupport.h"

#include "io/ModelFile.h"

#include <qcustomplot.h>

#include <QAction>
#include <QFile>
#include <QLineEdit>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableWidget>
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
    options.dataset = "moons";
    options.limit = 400;
    options.epochs = 2;
    auto w = std::make_unique<MainWindow>(options);
    w->setProperty("quietErrors", true);
    w->show();
    return w;
}

void setField(MainWindow& w, const QString& key, const QString& text)
{
    auto* field = w.controls()->form()->field(key);
    if (auto* edit = qobject_cast<QLineEdit*>(field)) {
        edit->setText(text);
        emit edit->editingFinished();
    } else if (auto* spin = qobject_cast<QSpinBox*>(field)) {
        spin->setValue(text.toInt());
    } else if (auto* real = qobject_cast<QAbstractSpinBox*>(field)) {
        real->setFocus();
        real->selectAll();
        QTest::keyClicks(real, text);
        QTest::keyClick(real, Qt::Key_Return);
    }
}

// An ae with the form's values, one epoch, seed 4: the base of a test's sweep.
RunSettings oneEpochOfTheForm(const MainWindow& w)
{
    RunSettings base;
    base.variant = "ae";
    base.values = w.controls()->form()->values();
    base.epochs = 1;
    base.seed = 4;
    return base;
}

} // namespace

class TestRunsGui : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() { test::useScratchSettings("runs-gui-settings"); }

    void keepsComparesAndRunsAgainWithOneChange()
    {
        auto w = openWindow();
        QTRY_VERIFY_WITH_TIMEOUT(w->dataset() != nullptr, kTimeoutMs);
        setField(*w, "hidden", "16");
        setField(*w, "batch", "32");
        RunsView* runs = w->runsView();
        QVERIFY(runs);
        QCOMPARE(w->runs()->count(), 0);

        // Run 1: trained from the window.
        w->action("train")->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(w->runs()->count(), 1, kTimeoutMs);
        const RunRecordPtr first = w->runs()->runs().front();
        QCOMPARE(first->status(), std::string("finished"));
        QVERIFY(!first->curves.train.empty());
        QCOMPARE(int(first->history.epochs.size()), 2);
        QVERIFY(first->probeMap.rows() > 0);
        QCOMPARE(runs->table()->rowCount(), 1);

        // Run 2: the same run again with a smaller learning rate.
        runs->select({first->id});
        QString error;
        QVERIFY2(runs->requestRunAgain("lr", "0.0005", &error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(w->runs()->count(), 2, kTimeoutMs);
        QTRY_VERIFY_WITH_TIMEOUT(w->controller()->state() == TrainingController::State::Idle, kTimeoutMs);
        const RunRecordPtr second = w->runs()->runs().back();
        QVERIFY(test::sameBits(first->initialWeights, second->initialWeights));   // the same start
        QVERIFY(!test::sameBits(first->finalWeights, second->finalWeights));      // a different end
        QCOMPARE(second->settings.seed, first->settings.seed);

        // A refused change says why and starts nothing.
        QVERIFY(!runs->requestRunAgain("lr", "7", &error));
        QVERIFY(!error.isEmpty());

        // Both selected: curves overlaid, the difference table shows lr only.
        runs->select({first->id, second->id});
        QCOMPARE(int(runs->selectedRuns().size()), 2);
        QVERIFY(runs->overlay()->curveCount() >= 2);
        QCOMPARE(runs->differences()->differingKeys(), QStringList{"lr"});
        QCOMPARE(runs->differences()->rowCount(), 2);
        runs->overlay()->setAxis(CurveAxis::Samples);
        QVERIFY(runs->overlay()->plot()->xAxis->label().contains("samples"));

        // Brushing: the same probe samples, ringed in both maps.
        PairedMaps* maps = runs->maps();
        QVERIFY(maps->matchable());
        maps->brushRect(0, -1e9, -1e9, 1e9, 1e9);
        QCOMPARE(maps->ringedCount(0), int(first->probeMap.rows()));
        QCOMPARE(maps->ringedCount(1), maps->ringedCount(0));
        // With the mouse: a left drag over the whole map brushes it, and does not pan the axes.
        runs->show();
        QCustomPlot* left = maps->plot(0);
        left->resize(300, 240);
        left->replot();
        maps->brush({});
        const QCPRange before = left->xAxis->range();
        const QRect area = left->axisRect()->rect();
        QTest::mousePress(left, Qt::LeftButton, {}, area.topLeft() + QPoint(1, 1));
        QTest::mouseMove(left, area.center());
        QTest::mouseRelease(left, Qt::LeftButton, {}, area.bottomRight() - QPoint(1, 1));
        QCOMPARE(left->xAxis->range().lower, before.lower);
        QVERIFY(maps->ringedCount(0) > 0);
        QCOMPARE(maps->ringedCount(1), maps->ringedCount(0));

        // Renamed in place; exported.
        runs->table()->item(0, 0)->setText("baseline");
        QCOMPARE(w->runs()->find(first->id)->name, std::string("baseline"));
        const auto dir = test::freshTempDir("runs-export");
        const QString csv = QString::fromStdString((dir / "curves.csv").string());
        QVERIFY2(runs->exportSelected(csv, &error), qPrintable(error));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray text = file.readAll();
        QVERIFY(text.startsWith("run,name,split"));
        QVERIFY(text.contains("baseline"));
        runs->select({second->id});
        const QString model = QString::fromStdString((dir / "run2.safetensors").string());
        QVERIFY2(runs->exportSelected(model, &error), qPrintable(error));
        QCOMPARE(loadModel(model.toStdString()).model->hyperParams().json()["lr"].get<double>(), 0.0005);
        QVERIFY(!runs->exportSelected(QString::fromStdString((dir / "x.txt").string()), &error));

        // Deleted from the list.
        w->runs()->remove(first->id);
        QCOMPARE(runs->table()->rowCount(), 1);
        std::filesystem::remove_all(dir);
    }

    // A run kept just as a queue starts (its RunList::added still queued) is
    // not the queue's first run: the queue keeps both of its own.
    void aRunKeptBeforeAQueueStartsIsNotItsOwn()
    {
        auto w = openWindow();
        QTRY_VERIFY_WITH_TIMEOUT(w->dataset() != nullptr, kTimeoutMs);
        setField(*w, "hidden", "16");
        SweepDialog dialog(oneEpochOfTheForm(*w));
        dialog.setSweep("lr", "1e-3:1e-2:2:log", 1);
        const std::vector<RunRequest> requests = dialog.requests();
        QSignalSpy finished(w->runQueue(), &RunQueue::finished);
        w->trainQueue(requests, "moons");
        QVERIFY(finished.wait(3 * kTimeoutMs));
        QCOMPARE(w->runs()->count(), 2);

        w->runs()->add(w->runs()->runs().front());   // its "added" is delivered after the start below
        w->trainQueue(requests, "moons");
        QVERIFY(finished.wait(3 * kTimeoutMs));
        QCOMPARE(int(w->runQueue()->keptIds().size()), 2);
        QCOMPARE(w->runs()->count(), 5);
        QVERIFY(w->runQueue()->keptIds().front() > 3);
    }

    void aSweepTrainsARunPerValueAndPlotsTheTrend()
    {
        auto w = openWindow();
        QTRY_VERIFY_WITH_TIMEOUT(w->dataset() != nullptr, kTimeoutMs);
        setField(*w, "hidden", "16");
        setField(*w, "batch", "64");

        SweepDialog dialog(oneEpochOfTheForm(*w));
        dialog.setSweep("lr", "1e-4:1e-2:3:log", 1);
        QVERIFY2(dialog.valid(), qPrintable(dialog.problem()));
        const std::vector<RunRequest> requests = dialog.requests();
        QCOMPARE(int(requests.size()), 3);
        QCOMPARE(requests[1].settings.values["lr"].get<double>(), 1e-3);
        QVERIFY2(requests[0].name.rfind("lr=", 0) == 0, requests[0].name.c_str());   // named after its value
        dialog.setSweep("lr", "1e-4:1e-2:1:log", 1);   // n < 2: refused, with a reason
        QVERIFY(!dialog.valid());
        QVERIFY(!dialog.problem().isEmpty());

        QSignalSpy finished(w->runQueue(), &RunQueue::finished);
        w->trainQueue(requests, "moons");
        QVERIFY(finished.wait(3 * kTimeoutMs));
        QCOMPARE(w->runs()->count(), 3);
        RunsView* runs = w->runsView();
        QCOMPARE(int(runs->selectedRuns().size()), 3);   // the sweep's runs, selected at its end
        QCOMPARE(w->tabs()->currentWidget(), static_cast<QWidget*>(runs));
        QCOMPARE(runs->trend()->key(), QString("lr"));
        QCOMPARE(runs->trend()->pointCount(), 3);
        QCOMPARE(runs->trend()->termChooser()->currentText(), QString("loss"));
        QVERIFY(runs->trend()->plot()->yAxis->label().contains("loss"));
        QCOMPARE(runs->differences()->differingKeys(), QStringList{"lr"});
        QVERIFY(runs->overlay()->curveCount() >= 3);
        QCOMPARE(w->runs()->runs()[1]->name, requests[1].name);
        // Small multiples: a map per swept run, titled by its value.
        QCOMPARE(runs->multiples()->cellCount(), 3);
        for (int i = 0; i < 3; ++i) {
            QVERIFY2(runs->multiples()->title(i).contains("lr="), qPrintable(runs->multiples()->title(i)));
            QVERIFY(runs->multiples()->map(i)->graphCount() > 0);
        }
        // One shared scale holds every map's points.
        runs->multiples()->setSharedScale(true);
        const QCPRange shared = runs->multiples()->map(0)->xAxis->range();
        for (int i = 1; i < 3; ++i)
            QCOMPARE(runs->multiples()->map(i)->xAxis->range().lower, shared.lower);

        // The probe of one run's codes: codes, raw and PCA, two classifiers each.
        runs->select({w->runs()->runs()[2]->id});
        QString error;
        QVERIFY2(runs->probeSelected(&error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(runs->probe()->curveCount() == 6, kTimeoutMs);

        // Fine-tuning from the run's weights beside a random start, at 1, 10 and 100 labels per class.
        QVERIFY2(runs->fineTuneSelected(&error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(runs->fineTune()->pointCount() == 3, 2 * kTimeoutMs);
        QCOMPARE(runs->fineTune()->plot()->graphCount(), 2);
        for (int g = 0; g < 2; ++g)
            for (int i = 0; i < 3; ++i) {
                const double accuracy = runs->fineTune()->plot()->graph(g)->data()->at(i)->value;
                QVERIFY(accuracy >= 0 && accuracy <= 1);
            }
        // Handed to PyTorch: every file written on the training thread.
        const auto torchDir = test::freshTempDir("runs-torch");
        QSignalSpy exported(runs, &RunsView::torchExported);
        QVERIFY2(runs->exportSelectedToTorch(QString::fromStdString(torchDir.string()), &error), qPrintable(error));
        QVERIFY(exported.wait(kTimeoutMs));
        for (const char* name : {"model.safetensors", "aelab_model.py", "train.py", "README.md", "data.npy"})
            QVERIFY2(std::filesystem::exists(torchDir / name), name);
        std::filesystem::remove_all(torchDir);

        // Two runs selected: fine-tuning asks for one.
        runs->select({w->runs()->runs()[0]->id, w->runs()->runs()[1]->id});
        QVERIFY(!runs->fineTuneSelected(&error));
        QVERIFY(error.contains("one run"));
    }
};

QTEST_MAIN(TestRunsGui)
#include "test_runs_gui.moc"
