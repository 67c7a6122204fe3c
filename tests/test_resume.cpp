// Exact resume (train/Resume.h): a run trained k steps, saved, opened and
// resumed gives, for the remaining steps, the very losses and final weights
// of the same run trained straight through, to the bit (same thread count),
// for variants with one optimizer (Adam and SGD), three (aae), a staged one
// (stacked) and noise in the objective (vae, dae), stopped mid-epoch and at
// an epoch's end. Old files, finished runs and other data are refused with
// what cannot be restored.
#include "TestSupport.h"

#include "data/Catalog.h"
#include "experiment/WeightSet.h"
#include "io/ModelFile.h"
#include "math/Error.h"
#include "train/Resume.h"
#include "train/Run.h"

#include <QtTest>

#include <cstring>

using namespace aelab;

namespace {

std::shared_ptr<const Dataset> moons(int limit = 240)
{
    LoadOptions options;
    options.limit = limit;
    options.seed = 3;
    return std::make_shared<const Dataset>(loadDataset("moons", options));
}

RunSettings settingsFor(const std::string& variant, const nlohmann::json& extra, int epochs)
{
    RunSettings s;
    s.variant = variant;
    s.values = {{"hidden", {8, 6}}, {"latent", 2}, {"batch", 32}, {"lr", 0.01}};
    for (const auto& [k, v] : extra.items())
        s.values[k] = v;
    s.epochs = epochs;
    s.seed = 9;
    return s;
}

struct Trace {
    std::vector<double> losses;   // every term of every step, in order
    std::vector<double> val;      // every epoch's validation terms
    WeightSet weights;
};

void record(Run& run, Trace& trace)
{
    run.trainer().onStep = [&trace](const StepInfo& s) {
        for (const auto& [name, value] : s.terms.terms)
            trace.losses.push_back(value);
    };
    run.trainer().onEpoch = [&trace](const EpochInfo& e) {
        for (const auto& [name, value] : e.val.terms)
            trace.val.push_back(value);
        for (const auto& [name, value] : e.train.terms)
            trace.val.push_back(value);
    };
}

using test::sameBits;   // weights

bool sameBits(const std::vector<double>& a, const std::vector<double>& b)
{
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

} // namespace

class TestResume : public QObject {
    Q_OBJECT
    std::filesystem::path m_dir;

private slots:
    void initTestCase() { m_dir = test::freshTempDir("resume"); }
    void cleanupTestCase() { std::filesystem::remove_all(m_dir); }

    void resumedRunEqualsAnUninterruptedOne_data()
    {
        QTest::addColumn<QString>("variant");
        QTest::addColumn<QString>("extra");
        QTest::addColumn<int>("epochs");
        QTest::addColumn<int>("stopAt");
        // moons 240: 216 training rows, 7 batches of 32 per epoch.
        QTest::newRow("ae adam mid-epoch") << "ae" << "{}" << 3 << 10;
        QTest::newRow("ae adam at an epoch's end") << "ae" << "{}" << 3 << 7;
        QTest::newRow("ae sgd momentum") << "ae" << R"({"optimizer": "sgd", "momentum": 0.9})" << 2 << 5;
        QTest::newRow("vae (sampling noise)") << "vae" << "{}" << 2 << 9;
        QTest::newRow("dae (input noise)") << "dae" << "{}" << 2 << 3;
        QTest::newRow("aae (three optimizers)") << "aae" << "{}" << 2 << 8;
        QTest::newRow("stacked (pretraining stage)") << "stacked" << R"({"pretrain-epochs": 1})" << 4 << 9;
        QTest::newRow("stacked (fine-tuning)") << "stacked" << R"({"pretrain-epochs": 1})" << 4 << 23;
    }
    void resumedRunEqualsAnUninterruptedOne()
    {
        QFETCH(QString, variant);
        QFETCH(QString, extra);
        QFETCH(int, epochs);
        QFETCH(int, stopAt);
        const auto data = moons();
        const RunSettings settings = settingsFor(variant.toStdString(), nlohmann::json::parse(extra.toStdString()), epochs);

        Trace straight;
        {
            Run run(settings, data, "moons");
            record(run, straight);
            run.train();
            QCOMPARE(run.trainer().status(), RunStatus::Finished);
            straight.weights = weightsOf(run.model());
        }

        Trace resumed;
        const std::string path = (m_dir / (variant.toStdString() + ".safetensors")).string();
        {
            Run run(settings, data, "moons");
            record(run, resumed);
            for (int i = 0; i < stopAt; ++i)
                QVERIFY(run.trainer().step());
            saveRun(path, run);
        }
        const LoadedModel loaded = loadModel(path);
        QVERIFY(loaded.resume.has_value());
        QCOMPARE(resumeRefusal(loaded), std::string());
        std::unique_ptr<Run> run = resumeRun(loaded, data, "moons");
        QCOMPARE(run->step(), (long long)stopAt);
        record(*run, resumed);
        run->train();
        QCOMPARE(run->trainer().status(), RunStatus::Finished);
        QCOMPARE(run->step(), (long long)(epochs * 7));
        QCOMPARE(int(run->history().epochs.size()), epochs);
        resumed.weights = weightsOf(run->model());

        QCOMPARE(resumed.losses.size(), straight.losses.size());
        QVERIFY2(sameBits(resumed.losses, straight.losses), "the losses differ from the uninterrupted run's");
        QVERIFY2(sameBits(resumed.val, straight.val), "the epochs' means differ");
        QVERIFY2(sameBits(resumed.weights, straight.weights), "the final weights differ");
    }

    void liveChangeIsKept()
    {
        const auto data = moons();
        const RunSettings settings = settingsFor("ae", {}, 2);
        Trace straight, resumed;
        {
            Run run(settings, data, "moons");
            record(run, straight);
            for (int i = 0; i < 4; ++i)
                run.trainer().step();
            run.changeSetting("lr", 0.002);
            run.train();
        }
        const std::string path = (m_dir / "changed.safetensors").string();
        {
            Run run(settings, data, "moons");
            record(run, resumed);
            for (int i = 0; i < 4; ++i)
                run.trainer().step();
            run.changeSetting("lr", 0.002);
            run.trainer().step();
            saveRun(path, run);
        }
        auto run = resumeRun(loadModel(path), data);
        record(*run, resumed);
        run->train();
        QVERIFY(sameBits(resumed.losses, straight.losses));
        QCOMPARE(run->history().changes.size(), std::size_t(1));
        QCOMPARE(run->model().hyperParams().json()["lr"].get<double>(), 0.002);
    }

    void whatCannotBeResumedIsSaid()
    {
        const auto data = moons();
        const RunSettings settings = settingsFor("ae", {}, 1);
        Run run(settings, data, "moons");
        // A file without the section (as every file from before it).
        const std::string old = (m_dir / "old.safetensors").string();
        saveModel(old, run.model(), run.provenance());
        const LoadedModel oldModel = loadModel(old);
        QVERIFY(!oldModel.resume);
        QVERIFY(resumeRefusal(oldModel).find("optimizer's moments") != std::string::npos);
        const test::Outcome o = test::outcomeOf([&] { resumeRun(oldModel, data); });
        QVERIFY(o.threwAelab);
        QCOMPARE(o.kind, ErrorKind::Unsupported);

        // A finished run.
        run.train();
        const std::string done = (m_dir / "done.safetensors").string();
        saveRun(done, run);
        const test::Outcome finished = test::outcomeOf([&] { resumeRun(loadModel(done), data); });
        QVERIFY2(finished.message.find("nothing left to train") != std::string::npos, finished.message.c_str());

        // Other data.
        Run again(settingsFor("ae", {}, 2), data, "moons");
        again.trainer().step();
        const std::string part = (m_dir / "part.safetensors").string();
        saveRun(part, again);
        const test::Outcome other = test::outcomeOf([&] { resumeRun(loadModel(part), moons(300)); });
        QCOMPARE(other.kind, ErrorKind::InvalidArgument);
        QVERIFY2(other.message.find("not the same") != std::string::npos, other.message.c_str());

        // A resumable file still opens as a plain model (the window, PyTorch).
        const LoadedModel plain = loadModel(part);
        QCOMPARE(plain.model->parameters().size(), again.model().parameters().size());
    }

    void malformedSectionIsRefused()
    {
        const auto data = moons();
        Run run(settingsFor("ae", {}, 2), data, "moons");
        for (int i = 0; i < 3; ++i)
            run.trainer().step();
        const std::string path = (m_dir / "forged.safetensors").string();
        ResumeSection section = resumeSectionOf(run);
        const auto refused = [&](const std::function<void(ResumeSection&)>& forge, const std::string& expected) {
            ResumeSection s = section;
            forge(s);
            saveModel(path, run.model(), run.provenance(), &s);
            const test::Outcome o = test::outcomeOf([&] { resumeRun(loadModel(path), data); });
            QVERIFY2(o.threwAelab && o.message.find(expected) != std::string::npos, o.message.c_str());
        };
        refused([](ResumeSection& s) { s.meta["trainer"]["order"][0] = 100000; }, "not a permutation");
        refused([](ResumeSection& s) { s.meta["trainer"]["step"] = 2; }, "does not agree with its step");
        refused([](ResumeSection& s) { s.meta["trainer"]["batch"] = 99; }, "is not one of this run's");
        refused([](ResumeSection& s) { s.tensors.pop_back(); }, "is missing");
        refused([](ResumeSection& s) { s.tensors.front().shape = {1, std::int64_t(s.tensors.front().data.size())}; },
                "does not have the parameter's shape");
        refused([](ResumeSection& s) { s.meta["optimizers"][0]["kind"] = "sgd"; }, "the saved optimizer is sgd");
        refused([](ResumeSection& s) { s.meta["trainer"].erase("rng"); }, "malformed");
        refused([](ResumeSection& s) { s.meta["version"] = 7; }, "version 7");
    }
};

QTEST_APPLESS_MAIN(TestResume)
#include "test_resume.moc"
