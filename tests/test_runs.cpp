// Kept runs (core/experiment): their curves against each clock, the
// settings on which runs differ, the curves as CSV, weights kept and put
// back, and "run again with one change": the same seed and initial weights,
// so that a run repeated without a change is the same run to the bit.
#include "TestSupport.h"

#include "data/Catalog.h"
#include "experiment/OneChange.h"
#include "experiment/RunRecord.h"
#include "experiment/Trend.h"
#include "math/Error.h"
#include "models/Registry.h"
#include "train/Run.h"

#include <QtTest>

#include <cmath>
#include <cstring>
#include <sstream>

using namespace aelab;

namespace {

std::shared_ptr<const Dataset> moons()
{
    LoadOptions options;
    options.limit = 300;
    options.seed = 3;
    return std::make_shared<const Dataset>(loadDataset("moons", options));
}

RunSettings smallAe()
{
    RunSettings s;
    s.variant = "ae";
    s.values = {{"hidden", {16}}, {"latent", 2}, {"batch", 32}, {"lr", 0.01}};
    s.epochs = 2;
    s.seed = 5;
    return s;
}

// What the window's worker keeps of a run, built the same way.
RunRecord trainAndKeep(const RunSettings& settings, const std::shared_ptr<const Dataset>& data,
                       const WeightSet* start = nullptr)
{
    Run run(settings, data, "moons");
    if (start)
        loadWeights(run.model(), *start);
    RunRecord r;
    r.settings = run.settings();
    r.datasetSpec = "moons";
    r.context = run.model().context();
    r.initialWeights = weightsOf(run.model());
    run.trainer().onStep = [&](const StepInfo& s) {
        r.curves.addTrain({s.step, double(s.epoch), s.samplesSeen, 0.001 * s.step, {}}, s.terms);
    };
    run.train();
    r.history = run.history();
    r.finalWeights = weightsOf(run.model());
    return r;
}

} // namespace

class TestRuns : public QObject {
    Q_OBJECT

private slots:
    void curvesGiveEachClockAndDropMissingValues()
    {
        RunCurves c;
        LossTerms a;
        a.add("loss", 2.0);
        a.add("kl", 0.5);
        c.addTrain({1, 0.5, 32, 0.1, {}}, a);
        LossTerms b;
        b.add("loss", 1.0);   // no kl at this step
        c.addTrain({2, 1.0, 64, 0.3, {}}, b);
        QCOMPARE(c.terms, (std::vector<std::string>{"loss", "kl"}));
        const auto bySamples = c.series(false, "loss", CurveAxis::Samples);
        QCOMPARE(bySamples.x, (std::vector<double>{32, 64}));
        QCOMPARE(bySamples.y, (std::vector<double>{2.0, 1.0}));
        QCOMPARE(c.series(false, "loss", CurveAxis::Seconds).x, (std::vector<double>{0.1, 0.3}));
        QCOMPARE(c.series(false, "kl", CurveAxis::Step).x, (std::vector<double>{1}));   // the NaN is left out
        QVERIFY(c.series(true, "loss", CurveAxis::Step).x.empty());
        QVERIFY(c.series(false, "nope", CurveAxis::Step).x.empty());
        QCOMPARE(axisFromName("samples"), CurveAxis::Samples);
        QVERIFY_THROWS_EXCEPTION(Error, axisFromName("minutes"));
    }

    void differingSettingsAreExactlyTheChangedOnes()
    {
        RunRecord a, b;
        a.settings = smallAe();
        a.datasetSpec = b.datasetSpec = "moons";
        b.settings = smallAe();
        QVERIFY(differingSettings({&a, &b}).empty());
        b.settings.values["lr"] = 0.001;
        QCOMPARE(differingSettings({&a, &b}), (std::vector<std::string>{"lr"}));
        b.settings.seed = 9;
        QCOMPARE(differingSettings({&a, &b}), (std::vector<std::string>{"seed", "lr"}));   // run settings first
        // A setting changed while training counts with its last value.
        b.settings = smallAe();
        b.history.changes.push_back({10, 1, "lr", 0.01, 0.002});
        QCOMPARE(differingSettings({&a, &b}), (std::vector<std::string>{"lr"}));
        // A key only one run has differs.
        b.history.changes.clear();
        b.settings.values["noise"] = 0.3;
        QCOMPARE(differingSettings({&a, &b}), (std::vector<std::string>{"noise"}));
    }

    void curvesCsvHasARowPerPointAndTerm()
    {
        RunRecord r;
        r.id = 2;
        r.name = "fast, \"big\" lr";
        LossTerms t;
        t.add("loss", 1.5);
        t.add("recon", 1.25);
        r.curves.addTrain({1, 0.5, 32, 0.25, {}}, t);
        r.curves.addVal({2, 1, 64, 0.5, {}}, t);
        std::istringstream csv(curvesCsv({&r}));
        std::vector<std::string> lines;
        for (std::string line; std::getline(csv, line);)
            lines.push_back(line);
        QCOMPARE(int(lines.size()), 1 + 4);
        QCOMPARE(lines[0], std::string("run,name,split,step,epoch,samples,seconds,term,value"));
        QCOMPARE(lines[1], std::string("2,\"fast, \"\"big\"\" lr\",train,1,0.5,32,0.25,loss,1.5"));
        QCOMPARE(lines[4], std::string("2,\"fast, \"\"big\"\" lr\",val,2,1,64,0.5,recon,1.25"));
    }

    void weightsGoBackOnlyIntoTheSameShapes()
    {
        const auto data = moons();
        Run a(smallAe(), data, "moons");
        RunSettings other = smallAe();
        other.seed = 6;
        Run b(other, data, "moons");
        const WeightSet wa = weightsOf(a.model());
        QVERIFY(!test::sameBits(wa, weightsOf(b.model())));
        loadWeights(b.model(), wa);
        QVERIFY(test::sameBits(wa, weightsOf(b.model())));
        RunSettings wider = smallAe();
        wider.values["latent"] = 3;
        Run c(wider, data, "moons");
        QVERIFY(!fitsModel(wa, c.model()));
        const WeightSet before = weightsOf(c.model());
        QVERIFY_THROWS_EXCEPTION(Error, loadWeights(c.model(), wa));
        QVERIFY(test::sameBits(before, weightsOf(c.model())));   // refused: nothing changed
    }

    void oneChangeKeepsTheStartWhenTheShapesAllow()
    {
        const auto data = moons();
        const RunRecord first = trainAndKeep(smallAe(), data);
        const OneChange lr = changeOneSetting(first, "lr", "0.001");
        QVERIFY(lr.sameInitialWeights);
        QCOMPARE(lr.settings.values["lr"].get<double>(), 0.001);
        QCOMPARE(lr.settings.seed, first.settings.seed);
        QVERIFY(!changeOneSetting(first, "latent", "3").sameInitialWeights);
        QCOMPARE(changeOneSetting(first, "epochs", "4").settings.epochs, 4);
        QVERIFY_THROWS_EXCEPTION(Error, changeOneSetting(first, "lr", "5"));        // out of range
        QVERIFY_THROWS_EXCEPTION(Error, changeOneSetting(first, "lr", "0.01"));     // no change
        QVERIFY_THROWS_EXCEPTION(Error, changeOneSetting(first, "beta", "2"));      // not an ae setting
        QVERIFY_THROWS_EXCEPTION(Error, changeOneSetting(first, "epochs", "2.5"));
    }

    void aRunRepeatedFromItsStartIsTheSameRunToTheBit()
    {
        // Control: the same settings and initial weights give the same final
        // weights; one change (the learning rate) gives others, from the
        // same start.
        const auto data = moons();
        const RunRecord first = trainAndKeep(smallAe(), data);
        const RunRecord again = trainAndKeep(first.settings, data, &first.initialWeights);
        QVERIFY(test::sameBits(first.finalWeights, again.finalWeights));
        const OneChange change = changeOneSetting(first, "lr", "0.002");
        const RunRecord changed = trainAndKeep(change.settings, data, &first.initialWeights);
        QVERIFY(test::sameBits(first.initialWeights, changed.initialWeights));
        QVERIFY(!test::sameBits(first.finalWeights, changed.finalWeights));
        QCOMPARE(differingSettings({&first, &changed}), (std::vector<std::string>{"lr"}));
    }

    void aSweepsFiguresGoAgainstTheSweptSetting()
    {
        // Three learning rates, two seeds each: the trend has three points,
        // each the mean of two runs, with their spread.
        std::vector<RunRecord> runs;
        const double lrs[] = {0.1, 0.001, 0.01};
        for (double lr : lrs)
            for (int seed = 1; seed <= 2; ++seed) {
                RunRecord r;
                r.settings = smallAe();
                r.settings.values["lr"] = lr;
                r.settings.seed = std::uint64_t(seed);
                EpochInfo e;
                e.epoch = 1;
                e.train.add("loss", 10.0);
                e.train.add("kl", lr);
                e.val.add("loss", 100 * lr + seed);
                r.history.epochs.push_back(e);
                runs.push_back(r);
            }
        std::vector<const RunRecord*> raw;
        for (const RunRecord& r : runs)
            raw.push_back(&r);
        QCOMPARE(sweptSetting(raw), std::string("lr"));
        bool validation = false;
        const auto trend = finalTermAgainst(raw, "lr", "loss", &validation);
        QVERIFY(validation);
        QCOMPARE(int(trend.size()), 3);
        QCOMPARE(trend[0].value, 0.001);   // by increasing value
        QCOMPARE(trend[2].runs, 2);
        QCOMPARE(trend[2].low, 11.0);
        QCOMPARE(trend[2].high, 12.0);
        QCOMPARE(trend[2].mean, 11.5);
        // Two settings differing: no single swept setting.
        runs[0].settings.values["batch"] = 64;
        QCOMPARE(sweptSetting(raw), std::string());
        // A run without validation: every point falls back to the training loss.
        runs[0].settings.values["batch"] = 32;
        runs[1].history.epochs[0].val = LossTerms{};
        QCOMPARE(finalTermAgainst(raw, "lr", "loss", &validation).front().mean, 10.0);
        QVERIFY(!validation);
        // Any term every run ended with can be plotted: kl (training only) equals lr here.
        QCOMPARE(commonFinalTerms(raw), (std::vector<std::string>{"loss", "kl"}));
        const auto kl = finalTermAgainst(raw, "lr", "kl", &validation);
        QVERIFY(!validation);
        QCOMPARE(kl[1].mean, 0.01);
        runs[2].history.epochs[0].train = LossTerms{};
        runs[2].history.epochs[0].train.add("loss", 10.0);   // a run without kl: kl is not common
        QCOMPARE(commonFinalTerms(raw), (std::vector<std::string>{"loss"}));
    }

    void aKeptRunRebuildsItsModel()
    {
        const auto data = moons();
        const RunRecord r = trainAndKeep(smallAe(), data);
        Run live(smallAe(), data, "moons");
        loadWeights(live.model(), r.finalWeights);
        const auto rebuilt = rebuildModel(r);
        const Matrix x = data->trainX.topRows(20);
        QCOMPARE(test::relativeError(rebuilt->encode(x), live.model().encode(x)), 0.0);
        const nlohmann::json j = r.toJson();
        QCOMPARE(j["settings"]["lr"].get<double>(), 0.01);
        QCOMPARE(j["status"].get<std::string>(), std::string("finished"));
        QCOMPARE(int(j["history"]["epochs"].size()), 2);
    }
};

QTEST_GUILESS_MAIN(TestRuns)
#include "test_runs.moc"
