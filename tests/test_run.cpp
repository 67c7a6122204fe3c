// The run recipe (core/train/Run): one place turns settings and a dataset
// into split, model and trainer; live settings take one path and are
// recorded; the History converts to JSON and back (old files included); the
// trainer's loop answers stop, pause and single steps.
#include "TestSupport.h"

#include "data/Catalog.h"
#include "io/ModelFile.h"
#include "math/Error.h"
#include "train/Run.h"

#include <QtTest>

#include <filesystem>
#include <thread>

using namespace aelab;

namespace {

std::shared_ptr<const Dataset> moons(int limit = 400)
{
    LoadOptions options;
    options.limit = limit;
    options.seed = 3;
    return std::make_shared<const Dataset>(loadDataset("moons", options));
}

RunSettings smallAe(int epochs = 2)
{
    RunSettings s;
    s.variant = "ae";
    s.values = {{"hidden", {16}}, {"latent", 2}, {"batch", 32}, {"lr", 0.01}};
    s.epochs = epochs;
    s.seed = 5;
    return s;
}

} // namespace

class TestRun : public QObject {
    Q_OBJECT

private slots:
    void buildsSplitModelAndTrainerFromTheSettings()
    {
        const auto data = moons();
        Run run(smallAe(3), data, "moons");
        QCOMPARE(run.variant().key, std::string("ae"));
        // Defaults filled in, the values given kept.
        QCOMPARE(run.model().hyperParams().integer("latent"), 2);
        QCOMPARE(run.model().hyperParams().choice("optimizer"), std::string("adam"));
        QVERIFY(run.settings().values == run.model().hyperParams().json());
        // 10% held out for validation, seeded.
        QCOMPARE(run.split().trainX.rows() + run.split().valX.rows(), data->trainX.rows());
        QCOMPARE(run.split().valX.rows(), Eigen::Index(std::lround(0.1 * double(data->trainX.rows()))));
        QCOMPARE(run.trainer().options().batchSize, 32);
        QCOMPARE(run.trainer().options().epochs, 3);
        QCOMPARE(run.trainer().totalSteps(), 3LL * ((run.split().trainX.rows() + 31) / 32));
        QCOMPARE(run.train(), RunStatus::Finished);
        QCOMPARE(int(run.history().epochs.size()), 3);
        QCOMPARE(run.history().end->status, std::string("finished"));
        QCOMPARE(run.provenance().dataset, std::string("moons"));
        QCOMPARE(run.provenance().datasetFingerprint, data->fingerprint);
    }

    void sameSettingsSameNumbers()
    {
        const auto data = moons();
        Run a(smallAe(), data), b(smallAe(), data);
        a.train();
        b.train();
        QCOMPARE(a.history().epochs.back().train.total(), b.history().epochs.back().train.total());
        QCOMPARE(a.history().epochs.back().val.total(), b.history().epochs.back().val.total());
    }

    void badSettingsAreRefusedBeforeAnythingIsBuilt()
    {
        const auto data = moons();
        RunSettings s = smallAe();
        s.values["latnet"] = 3;   // a typo
        QVERIFY_THROWS_EXCEPTION(Error, Run(s, data));
        s = smallAe();
        s.epochs = 0;
        QVERIFY_THROWS_EXCEPTION(Error, Run(s, data));
        s = smallAe();
        s.variant = "nope";
        QVERIFY_THROWS_EXCEPTION(Error, Run(s, data));
        QVERIFY_THROWS_EXCEPTION(Error, Run(smallAe(), nullptr));
    }

    // The noise level's limit depends on the corruption kind: spec data
    // that every path enforces, whatever order the values come in.
    void aMaskingLevelAboveOneIsRefused()
    {
        const auto data = moons();
        RunSettings s;
        s.variant = "dae";
        s.values = {{"corruption", "masking"}, {"noise", 1.5}, {"hidden", {8}}};
        try {
            Run run(s, data);
            QFAIL("a masking level of 1.5 was accepted");
        } catch (const Error& e) {
            const std::string what = e.what();
            QVERIFY2(what.find("--noise 1.5") != std::string::npos, e.what());
            QVERIFY2(what.find("--corruption is masking") != std::string::npos, e.what());
            QVERIFY2(what.find("[0, 1]") != std::string::npos, e.what());
        }
        s.values["corruption"] = "gaussian";   // a sigma of 1.5 is fine
        Run gaussian(s, data);
        QCOMPARE(gaussian.model().hyperParams().real("noise"), 1.5);
        // Live, too: a masking run's level cannot go above 1.
        s.values = {{"corruption", "masking"}, {"noise", 0.5}, {"hidden", {8}}};
        Run masking(s, data);
        QVERIFY_THROWS_EXCEPTION(Error, masking.changeSetting("noise", 1.2));
        QCOMPARE(masking.model().hyperParams().real("noise"), 0.5);
        masking.changeSetting("noise", 0.9);
        QCOMPARE(masking.model().hyperParams().real("noise"), 0.9);
    }

    // A learning rate changed mid-run reaches the model's hyperparameters,
    // the history (with its step) and the saved file.
    void aLiveChangeIsInTheSavedModel()
    {
        const auto data = moons();
        Run run(smallAe(2), data, "moons");
        long long changedAt = -1;
        run.trainer().onStep = [&](const StepInfo& s) {
            if (s.step == 7) {
                run.changeSetting("lr", 0.002);
                changedAt = s.step;
            }
        };
        QCOMPARE(run.train(), RunStatus::Finished);
        QCOMPARE(changedAt, 7LL);
        QCOMPARE(run.model().hyperParams().real("lr"), 0.002);
        const History h = run.history();
        QCOMPARE(int(h.changes.size()), 1);
        QCOMPARE(h.changes[0].key, std::string("lr"));
        QCOMPARE(h.changes[0].step, 7LL);
        QCOMPARE(h.changes[0].epoch, 1);
        QCOMPARE(h.changes[0].from.get<double>(), 0.01);
        QCOMPARE(h.changes[0].to.get<double>(), 0.002);

        const auto dir = test::freshTempDir("run-live");
        const std::string path = (dir / "m.safetensors").string();
        saveModel(path, run.model(), run.provenance());
        const LoadedModel loaded = loadModel(path);
        QCOMPARE(loaded.model->hyperParams().real("lr"), 0.002);
        QCOMPARE(int(loaded.provenance.history.changes.size()), 1);
        QCOMPARE(loaded.provenance.history.changes[0].step, 7LL);
        QCOMPARE(loaded.provenance.history.changes[0].to.get<double>(), 0.002);
        QCOMPARE(int(loaded.provenance.history.epochs.size()), 2);
        std::filesystem::remove_all(dir);
    }

    void settingsThatCannotChangeLiveAreRefused()
    {
        Run run(smallAe(), moons());
        QVERIFY_THROWS_EXCEPTION(Error, run.changeSetting("latent", 3));     // fixed when built
        QVERIFY_THROWS_EXCEPTION(Error, run.changeSetting("rho", 0.1));      // not ae's
        QVERIFY_THROWS_EXCEPTION(Error, run.changeSetting("lr", 5.0));       // out of range
        QVERIFY_THROWS_EXCEPTION(Error, run.changeSetting("lr", "fast"));    // not a number
        QCOMPARE(run.model().hyperParams().real("lr"), 0.01);
        QVERIFY(run.history().changes.empty());
        run.changeSetting("lr", 0.01);   // no change: nothing recorded
        QVERIFY(run.history().changes.empty());
    }

    // aae's three rates are three settings: one never moves another.
    void eachAdversarialRateIsItsOwnSetting()
    {
        RunSettings s;
        s.variant = "aae";
        s.values = {{"hidden", {8}}, {"disc-hidden", {8}}, {"lr-disc", 2e-4}, {"lr-gen", 3e-4}};
        Run run(s, moons());
        run.changeSetting("lr", 5e-4);
        QCOMPARE(run.model().hyperParams().real("lr"), 5e-4);
        QCOMPARE(run.model().hyperParams().real("lr-disc"), 2e-4);
        QCOMPARE(run.model().hyperParams().real("lr-gen"), 3e-4);
        run.changeSetting("lr-disc", 1e-4);
        QCOMPARE(run.model().hyperParams().real("lr-disc"), 1e-4);
        QCOMPARE(int(run.history().changes.size()), 2);
    }

    void historyRoundTripsAndReadsOldFiles()
    {
        History h;
        EpochInfo e;
        e.epoch = 1;
        e.train.add("loss", 2.5);
        e.train.add("recon", 2.5);
        e.val.add("loss", 2.75);
        e.seconds = 0.5;
        e.samplesPerSecond = 1000;
        e.phase = "pretraining layer 1 of 2";
        h.epochs.push_back(e);
        h.changes.push_back({12, 1, "noise", 0.3, 0.5});
        h.end = RunEnd{"diverged", 40, "the loss became NaN or infinite", 39};
        const History back = History::fromJson(nlohmann::json::parse(h.toJson().dump()));
        QVERIFY(back.toJson() == h.toJson());
        QCOMPARE(back.epochs[0].phase, e.phase);
        QCOMPARE(back.end->weightsFromStep, 39LL);

        // Files written before settings were recorded: a bare epoch array, no phase.
        const auto old = nlohmann::json::parse(
            R"([{"epoch": 1, "train": {"loss": 3.0}, "val": {}, "seconds": 1.0, "samples_per_s": 10.0}])");
        const History fromOld = History::fromJson(old);
        QCOMPARE(int(fromOld.epochs.size()), 1);
        QCOMPARE(fromOld.epochs[0].train.total(), 3.0);
        QVERIFY(fromOld.changes.empty());
        QVERIFY(!fromOld.end);
        // And what is neither is refused.
        QVERIFY_THROWS_EXCEPTION(Error, History::fromJson(nlohmann::json("epochs")));
        QVERIFY_THROWS_EXCEPTION(Error, History::fromJson(nlohmann::json::parse(R"([{"train": {}}])")));
    }

    // The one loop: a paused run takes exactly the steps asked for, then
    // stops when asked, with the hooks called as documented.
    void theLoopAnswersPauseStepAndStop()
    {
        Run run(smallAe(50), moons());
        TrainControl control;
        control.setPaused(true);
        int pauses = 0, singles = 0, between = 0;
        TrainHooks hooks;
        hooks.pauseBegan = [&] { ++pauses; };
        hooks.betweenBatches = [&] { ++between; };
        hooks.stepped = [&](bool single) { singles += single; };
        std::thread driver([&] {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            for (int i = 0; i < 3; ++i)
                control.requestStep();
            std::this_thread::sleep_for(std::chrono::milliseconds(300));
            control.requestStop();
        });
        const RunStatus status = run.train(&control, hooks);
        driver.join();
        QCOMPARE(status, RunStatus::Stopped);
        QCOMPARE(run.step(), 3LL);
        QCOMPARE(singles, 3);
        QVERIFY(pauses >= 1);
        QVERIFY(between >= 4);
        QCOMPARE(run.trainer().message(), std::string("stopped at step 3"));
        QCOMPARE(run.history().end->status, std::string("stopped"));
    }

    void anOpenedModelIsARunWithoutATrainer()
    {
        const auto data = moons();
        Run trained(smallAe(1), data, "moons");
        trained.train();
        const auto dir = test::freshTempDir("run-open");
        const std::string path = (dir / "m.safetensors").string();
        saveModel(path, trained.model(), trained.provenance());
        LoadedModel loaded = loadModel(path);
        Run opened(std::move(loaded.model), loaded.provenance.history, data, "moons");
        QVERIFY(!opened.hasTrainer());
        QVERIFY_THROWS_EXCEPTION(Error, opened.trainer());
        QCOMPARE(int(opened.history().epochs.size()), 1);
        QCOMPARE(opened.settings().seed, std::uint64_t(5));
        // Its validation split is the one it was trained with.
        QVERIFY(opened.split().valX == trained.split().valX);
        opened.changeSetting("lr", 0.003);   // recorded at step 0
        QCOMPARE(opened.history().changes[0].step, 0LL);
        std::filesystem::remove_all(dir);
    }
};

QTEST_MAIN(TestRun)
#include "test_run.moc"
