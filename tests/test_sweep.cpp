// Sweeps: the spec a user types (lists, lin and log ranges, every error),
// its expansion into runs checked before anything trains, and the runner's
// results as CSV and JSON: one row per run, the swept key differing as
// asked, and every number equal to what the run itself recorded.
#include "CsvRows.h"
#include "TestSupport.h"

#include "data/Catalog.h"
#include "experiment/SweepReport.h"
#include "experiment/SweepRunner.h"
#include "experiment/SweepSpec.h"
#include "models/Registry.h"
#include "train/Control.h"

#include <QtTest>

#include <cmath>
#include <map>
#include <sstream>

using namespace aelab;
using namespace aelab::test;

namespace {

const VariantInfo& ae() { return variantInfo("ae"); }

void expectError(const std::string& spec, const std::string& fragment, const std::string& variant = "ae")
{
    const Outcome o = outcomeOf([&] { parseSweepSpec(spec, variantInfo(variant)); });
    QVERIFY2(o.threwAelab && o.kind == ErrorKind::InvalidArgument, spec.c_str());
    QVERIFY2(o.message.find(fragment) != std::string::npos, (spec + " -> " + o.message).c_str());
}

RunSettings smallBase()
{
    RunSettings base;
    base.variant = "ae";
    base.values = {{"hidden", {8}}, {"latent", 2}, {"batch", 32}};
    base.epochs = 2;
    base.seed = 5;
    return base;
}

std::shared_ptr<const Dataset> gaussians()
{
    LoadOptions o;
    o.limit = 200;
    return std::make_shared<const Dataset>(loadDataset("gaussians", o));
}

} // namespace

class TestSweep : public QObject {
    Q_OBJECT
private slots:
    void lists()
    {
        SweepSpec s = parseSweepSpec("lr=1e-4, 1e-3,0.01", ae());
        QCOMPARE(s.key, std::string("lr"));
        QCOMPARE(int(s.values.size()), 3);
        QCOMPARE(s.values[0].get<double>(), 1e-4);
        QCOMPARE(s.values[2].get<double>(), 0.01);
        QCOMPARE(s.valueText(1), std::string("0.001"));
        s = parseSweepSpec("activation=relu,tanh", ae());
        QCOMPARE(s.values[1].get<std::string>(), std::string("tanh"));
        s = parseSweepSpec("hidden=512,256;256;64,32,16", ae());
        QCOMPARE(int(s.values.size()), 3);
        QCOMPARE(s.values[0], nlohmann::json({512, 256}));
        QCOMPARE(s.valueText(2), std::string("64,32,16"));
        s = parseSweepSpec("epochs=1,3", ae());
        QCOMPARE(s.values[1].get<int>(), 3);
    }

    void ranges()
    {
        SweepSpec s = parseSweepSpec("lr=1e-5:1e-1:5:log", ae());
        const std::vector<double> want{1e-5, 1e-4, 1e-3, 1e-2, 1e-1};
        QCOMPARE(int(s.values.size()), 5);
        for (int i = 0; i < 5; ++i)
            QCOMPARE(s.values[std::size_t(i)].get<double>(), want[std::size_t(i)]);   // exactly: tidied
        s = parseSweepSpec("batch=16:1024:7:log", ae());
        const std::vector<int> batches{16, 32, 64, 128, 256, 512, 1024};
        for (int i = 0; i < 7; ++i)
            QCOMPARE(s.values[std::size_t(i)].get<int>(), batches[std::size_t(i)]);
        s = parseSweepSpec("latent=2:10:5", ae());
        QCOMPARE(s.values.back().get<int>(), 10);
        QCOMPARE(s.values[1].get<int>(), 4);
        s = parseSweepSpec("clip=0:1:3:lin", ae());
        QCOMPARE(s.values[1].get<double>(), 0.5);
        QCOMPARE(rangeValues(1, 100, 3, true)[1], 10.0);
    }

    void errors()
    {
        expectError("lr", "KEY=");
        expectError("nosuch=1,2", "no setting 'nosuch'");
        expectError("lr=5", "out of range");
        expectError("lr=1e-3,,1e-2", "empty value");
        expectError("lr=1e-3,1e-3", "given twice");
        expectError("latent=2:3:5", "repeated values");
        expectError("lr=1e-5:1e-1:1:log", "whole number of values");
        expectError("lr=0:1e-1:3:log", "lo and hi > 0");
        expectError("lr=1e-5:1e-1:3:exp", "'lin' or 'log'");
        expectError("lr=a:1:3", "numbers for lo and hi");
        expectError("activation=1:2:3", "not a number");
        expectError("epochs=0,1", "epochs");
        expectError("batch=1.5", "whole number");
    }

    void expansionChecksEveryRun()
    {
        const SweepSpec s = parseSweepSpec("lr=1e-3,1e-2", ae());
        const std::vector<SweepRunPlan> plan = expandSweep(smallBase(), s, 2);
        QCOMPARE(int(plan.size()), 4);
        // Value-major: a value's seeds one after another.
        QCOMPARE(plan[1].settings.values["lr"].get<double>(), 1e-3);
        QCOMPARE(plan[2].settings.values["lr"].get<double>(), 1e-2);
        QCOMPARE(plan[0].settings.seed, std::uint64_t(5));
        QCOMPARE(plan[1].settings.seed, std::uint64_t(6));
        QCOMPARE(plan[3].seedIndex, 1);
        QCOMPARE(plan[3].index, 3);
        QCOMPARE(plan[0].settings.values["hidden"], nlohmann::json({8}));
        QCOMPARE(plan[0].settings.values["optimizer"].get<std::string>(), std::string("adam"));   // defaults filled
        const std::vector<SweepRunPlan> epochs = expandSweep(smallBase(), parseSweepSpec("epochs=1,4", ae()));
        QCOMPARE(epochs[1].settings.epochs, 4);
        QVERIFY(outcomeOf([&] { expandSweep(smallBase(), s, 0); }).threwAelab);
        // A range that depends on another value: masking noise is a fraction.
        RunSettings dae;
        dae.variant = "dae";
        dae.values = {{"corruption", "masking"}};
        const SweepSpec noise = parseSweepSpec("noise=0.5,2", variantInfo("dae"));
        const Outcome o = outcomeOf([&] { expandSweep(dae, noise); });
        QVERIFY2(o.threwAelab && o.message.find("noise = 2") != std::string::npos, o.message.c_str());
        dae.values = {{"corruption", "gaussian"}};
        QCOMPARE(int(expandSweep(dae, noise).size()), 2);
    }

    void runnerWritesOneRowPerRun()
    {
        const SweepSpec s = parseSweepSpec("lr=1e-3,3e-2", ae());
        const std::vector<SweepRunPlan> plan = expandSweep(smallBase(), s);
        std::vector<int> finished;
        std::vector<SweepProgress> progress;
        SweepCallbacks callbacks;
        callbacks.progress = [&](const SweepProgress& p) { progress.push_back(p); };
        callbacks.runFinished = [&](const SweepRunResult& r, Run& run) {
            finished.push_back(r.index);
            QCOMPARE(run.settings().values["lr"], r.value);
        };
        SweepOptions options;
        options.probe = true;
        options.probeLabelsPerClass = 10;
        const SweepResults results = runSweep(s, plan, gaussians(), "gaussians", options, nullptr, callbacks);
        QCOMPARE(finished, (std::vector<int>{0, 1}));
        QVERIFY(results.complete);
        QCOMPARE(int(results.runs.size()), 2);
        // Progress: run 1 then 2, samples rising to the total, an ETA.
        QCOMPARE(progress.front().run, 1);
        QCOMPARE(progress.back().run, 2);
        QCOMPARE(progress.back().samplesDone, progress.back().samplesTotal);
        for (std::size_t i = 1; i < progress.size(); ++i)
            QVERIFY(progress[i].samplesDone > progress[i - 1].samplesDone);
        QCOMPARE(progress.back().etaSeconds, 0.0);

        const auto rows = csvRows(sweepCsv(results));
        QCOMPARE(int(rows.size()), 2);
        for (int i = 0; i < 2; ++i) {
            const auto& row = rows[std::size_t(i)];
            const SweepRunResult& r = results.runs[std::size_t(i)];
            QCOMPARE(row.at("run"), std::to_string(i + 1));
            QCOMPARE(row.at("swept_key"), std::string("lr"));
            QCOMPARE(std::stod(row.at("lr")), s.values[std::size_t(i)].get<double>());
            QCOMPARE(row.at("swept_value"), row.at("lr"));
            QCOMPARE(row.at("hidden"), std::string("8"));
            QCOMPARE(row.at("latent"), std::string("2"));
            QCOMPARE(row.at("seed"), std::string("5"));
            QCOMPARE(row.at("epochs"), std::string("2"));
            QCOMPARE(row.at("status"), std::string("finished"));
            // The run's own record: its last epoch's terms, its steps.
            QCOMPARE(std::stod(row.at("final_train_loss")), r.history.epochs.back().train.get("loss"));
            QCOMPARE(std::stod(row.at("final_val_loss")), r.history.epochs.back().val.get("loss"));
            QCOMPARE(std::stoll(row.at("steps")), r.steps);
            QCOMPARE(std::stoll(row.at("samples_seen")), 2LL * std::stoll(row.at("train_samples")));
            QVERIFY(std::stod(row.at("seconds")) > 0);
            const double probe = std::stod(row.at("probe_test_accuracy_10_per_class"));
            QVERIFY(probe >= 0 && probe <= 1);
        }
        QVERIFY(rows[0].at("lr") != rows[1].at("lr"));
        QVERIFY(rows[0].at("final_train_loss") != rows[1].at("final_train_loss"));   // a different rate trains differently

        const nlohmann::json j = sweepJson(results);
        QCOMPARE(j["sweep"]["key"].get<std::string>(), std::string("lr"));
        QCOMPARE(int(j["runs"].size()), 2);
        QCOMPARE(int(j["runs"][1]["history"]["epochs"].size()), 2);
        QCOMPARE(j["runs"][1]["hyperparameters"]["lr"].get<double>(), 3e-2);

        const auto dir = freshTempDir("sweep");
        writeSweepResults((dir / "r.csv").string(), results);
        QCOMPARE(readBytes(dir / "r.csv"), sweepCsv(results));
        QVERIFY(outcomeOf([&] { writeSweepResults((dir / "r.txt").string(), results); }).threwAelab);
        std::filesystem::remove_all(dir);
    }

    void aStopEndsTheSweep()
    {
        const SweepSpec s = parseSweepSpec("latent=1,2,3", ae());
        const std::vector<SweepRunPlan> plan = expandSweep(smallBase(), s);
        TrainControl control;
        SweepCallbacks callbacks;
        callbacks.runFinished = [&](const SweepRunResult&, Run&) { control.requestStop(); };
        const SweepResults results = runSweep(s, plan, gaussians(), "gaussians", {}, &control, callbacks);
        QVERIFY(!results.complete);
        QCOMPARE(int(results.runs.size()), 1);
        const auto rows = csvRows(sweepCsv(results));
        QCOMPARE(int(rows.size()), 1);
    }
};

QTEST_GUILESS_MAIN(TestSweep)
#include "test_sweep.moc"
