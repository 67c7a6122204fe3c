// The training loop's behaviour: callbacks, batching, reproducibility,
// stop/pause from another thread, manual stepping, divergence, the
// train/validation split and chunked evaluation.
#include "Sanitizer.h"
#include "TestSupport.h"

#include "math/Error.h"
#include "models/Registry.h"
#include "train/Control.h"
#include "train/Evaluate.h"
#include "train/Split.h"
#include "train/Trainer.h"

#include <QtTest>

#include <type_traits>
#include <utility>

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstring>
#include <future>
#include <set>
#include <thread>

using namespace aelab;
using Clock = std::chrono::steady_clock;

namespace {

ModelContext vectorContext(int dim, std::uint64_t seed)
{
    ModelContext c;
    c.inputDim = dim;
    c.shape = {1, 1, dim};
    c.unitInterval = false;
    c.seed = seed;
    return c;
}

// A small `ae` on real-valued vectors: dim -> hidden -> 2 -> hidden -> dim.
std::unique_ptr<Autoencoder> smallAe(int dim, std::uint64_t seed, const std::string& hidden = "8",
                                     const std::string& optimizer = "adam", const std::string& lr = "0.01")
{
    const VariantInfo& info = variantInfo("ae");
    HyperParams hp = HyperParams::defaults(info.specs);
    hp.setFromText(*findSpec(info.specs, "hidden"), hidden);
    hp.setFromText(*findSpec(info.specs, "latent"), "2");
    hp.setFromText(*findSpec(info.specs, "output"), "linear-mse");
    hp.setFromText(*findSpec(info.specs, "optimizer"), optimizer);
    hp.setFromText(*findSpec(info.specs, "lr"), lr);
    return createModel("ae", hp, vectorContext(dim, seed));
}

Matrix randomData(int rows, int cols, std::uint64_t seed, double scale = 1.0)
{
    Rng rng(seed);
    return rng.normalMatrix(rows, cols, 0.0, scale);
}

// Finding 2 of issue 19: the trainer keeps references to its matrices, so
// a temporary must not bind to them. test_modelfile once passed
// t.data.topRows(40), a temporary Matrix that died before validate() read it
// (ASan: stack-use-after-scope). An Eigen expression, a returned Matrix or a
// moved one is now a compile error; named matrices still bind.
using TopRows = decltype(std::declval<const Matrix&>().topRows(1));
static_assert(!std::is_constructible_v<Trainer, Autoencoder&, const Matrix&, TopRows, const TrainOptions&>);
static_assert(!std::is_constructible_v<Trainer, Autoencoder&, TopRows, const Matrix&, const TrainOptions&>);
static_assert(!std::is_constructible_v<Trainer, Autoencoder&, Matrix, Matrix, const TrainOptions&>);
static_assert(std::is_constructible_v<Trainer, Autoencoder&, const Matrix&, const Matrix&, const TrainOptions&>);
static_assert(std::is_constructible_v<Trainer, Autoencoder&, Matrix&, Matrix&, const TrainOptions&>);

// A model that learns nothing and records every batch it is given, so the
// batching itself can be checked. Column 0 of each row holds the row's id.
class RecordingModel : public Autoencoder {
public:
    explicit RecordingModel(int dim) : Autoencoder(HyperParams(), vectorContext(dim, 1), 1)
    {
        m_w = Matrix::Zero(1, 1);
        m_g = Matrix::Zero(1, 1);
    }
    std::string variant() const override { return "recording"; }
    LossTerms trainStep(const Matrix& batch, Rng&) override
    {
        batches.push_back(batch);
        LossTerms t;
        t.add("loss", batch.col(0).sum());   // a per-batch value we can predict
        return t;
    }
    LossTerms evaluate(const Matrix& batch, Rng&) override
    {
        LossTerms t;
        t.add("loss", double(batch.col(0).mean()));
        return t;
    }
    Matrix encode(const Matrix& x) override { return x.leftCols(1); }
    Matrix decode(const Matrix& z) override { return z; }
    std::vector<Parameter> parameters() override { return {{"w", &m_w, &m_g}}; }
    void setLearningRate(double) override {}

    std::vector<Matrix> batches;

private:
    Matrix m_w, m_g;
};

// Rows whose first column is their index 0..n-1.
Matrix idData(int n, int dim)
{
    Matrix x = Matrix::Zero(n, dim);
    for (int i = 0; i < n; ++i)
        x(i, 0) = Scalar(i);
    return x;
}

std::vector<double> stepLosses(std::uint64_t seed, int epochs = 3)
{
    const Matrix train = randomData(120, 6, 99);
    const Matrix val = randomData(30, 6, 98);
    auto model = smallAe(6, seed);
    TrainOptions opt;
    opt.epochs = epochs;
    opt.batchSize = 16;
    opt.seed = seed;
    Trainer trainer(*model, train, val, opt);
    std::vector<double> losses;
    trainer.onStep = [&](const StepInfo& s) { losses.push_back(s.terms.total()); };
    trainer.onEpoch = [&](const EpochInfo& e) { losses.push_back(e.val.total()); };
    const RunStatus status = trainer.run();
    if (status != RunStatus::Finished)
        return {};
    return losses;
}

bool bitIdentical(const std::vector<double>& a, const std::vector<double>& b)
{
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}

} // namespace

class TestTrainer : public QObject {
    Q_OBJECT

private slots:
    void callbacksPerBatchAndEpoch()
    {
        const int n = 50, batch = 16, epochs = 3;   // 4 batches: 16, 16, 16, 2
        const Matrix train = randomData(n, 5, 1);
        const Matrix val = randomData(20, 5, 2);
        auto model = smallAe(5, 3);
        TrainOptions opt;
        opt.epochs = epochs;
        opt.batchSize = batch;
        Trainer trainer(*model, train, val, opt);
        QCOMPARE(trainer.batchesPerEpoch(), 4);
        QCOMPARE(trainer.totalSteps(), 12LL);

        std::vector<StepInfo> steps;
        std::vector<EpochInfo> epochInfos;
        trainer.onStep = [&](const StepInfo& s) { steps.push_back(s); };
        trainer.onEpoch = [&](const EpochInfo& e) {
            // onEpoch comes after the epoch's last onStep.
            QCOMPARE(long(steps.size()), long(e.epoch * 4));
            epochInfos.push_back(e);
        };
        QCOMPARE(trainer.run(), RunStatus::Finished);

        QCOMPARE(int(steps.size()), 12);
        long long seen = 0;
        for (std::size_t i = 0; i < steps.size(); ++i) {
            const StepInfo& s = steps[i];
            QCOMPARE(s.step, (long long)i + 1);
            QCOMPARE(s.epoch, int(i / 4) + 1);
            QCOMPARE(s.batch, int(i % 4) + 1);
            QCOMPARE(s.batchesPerEpoch, 4);
            seen += (s.batch == 4) ? 2 : 16;   // the last partial batch has n - 3*16 = 2 rows
            QCOMPARE(s.samplesSeen, seen);
            QVERIFY(s.terms.allFinite());
            QVERIFY(!std::isnan(s.terms.get("recon")));
        }
        QCOMPARE(seen, (long long)n * epochs);

        QCOMPARE(int(epochInfos.size()), epochs);
        QCOMPARE(int(trainer.history().size()), epochs);
        for (int e = 0; e < epochs; ++e) {
            const EpochInfo& info = epochInfos[std::size_t(e)];
            QCOMPARE(info.epoch, e + 1);
            QVERIFY(info.train.allFinite());
            QVERIFY(info.val.allFinite());
            QVERIFY(!std::isnan(info.train.get("loss")));
            QVERIFY(!std::isnan(info.train.get("recon")));
            QVERIFY(!std::isnan(info.val.get("loss")));
            QVERIFY(!std::isnan(info.val.get("recon")));
            QVERIFY(info.seconds >= 0);
            QVERIFY(info.samplesPerSecond > 0);
            // The epoch's train loss is the sample-weighted mean of its batch losses.
            double sum = 0;
            for (int b = 0; b < 4; ++b)
                sum += steps[std::size_t(4 * e + b)].terms.total() * (b == 3 ? 2 : 16);
            QVERIFY(std::abs(info.train.total() - sum / n) <= 1e-9 * std::abs(sum / n) + 1e-12);
        }
        QCOMPARE(trainer.globalStep(), 12LL);
        QCOMPARE(trainer.status(), RunStatus::Finished);
    }

    void batchesPerEpochIsCeiling_data()
    {
        QTest::addColumn<int>("n");
        QTest::addColumn<int>("batch");
        QTest::addColumn<int>("expected");
        QTest::newRow("50/16") << 50 << 16 << 4;
        QTest::newRow("48/16") << 48 << 16 << 3;
        QTest::newRow("1/128") << 1 << 128 << 1;
        QTest::newRow("129/128") << 129 << 128 << 2;
        QTest::newRow("7/1") << 7 << 1 << 7;
    }
    void batchesPerEpochIsCeiling()
    {
        QFETCH(int, n);
        QFETCH(int, batch);
        QFETCH(int, expected);
        const Matrix x = randomData(n, 3, 5);
        auto model = smallAe(3, 1);
        TrainOptions opt;
        opt.epochs = 2;
        opt.batchSize = batch;
        Trainer trainer(*model, x, x, opt);
        QCOMPARE(trainer.batchesPerEpoch(), expected);
        QCOMPARE(trainer.totalSteps(), 2LL * expected);
    }

    // Every row is seen exactly once per epoch, the last partial batch included,
    // and the order is reshuffled between epochs.
    void everyRowOncePerEpoch()
    {
        const int n = 37, batch = 8;   // 5 batches: 8, 8, 8, 8, 5
        const Matrix x = idData(n, 3);
        RecordingModel model(3);
        TrainOptions opt;
        opt.epochs = 2;
        opt.batchSize = batch;
        Trainer trainer(model, x, x, opt);
        QCOMPARE(trainer.run(), RunStatus::Finished);
        QCOMPARE(int(model.batches.size()), 10);
        std::vector<int> orders[2];
        for (int e = 0; e < 2; ++e) {
            std::set<int> ids;
            for (int b = 0; b < 5; ++b) {
                const Matrix& m = model.batches[std::size_t(5 * e + b)];
                QCOMPARE(int(m.rows()), b == 4 ? 5 : 8);
                for (Eigen::Index r = 0; r < m.rows(); ++r) {
                    ids.insert(int(m(r, 0)));
                    orders[e].push_back(int(m(r, 0)));
                }
            }
            QCOMPARE(int(ids.size()), n);
            QCOMPARE(*ids.begin(), 0);
            QCOMPARE(*ids.rbegin(), n - 1);
        }
        QVERIFY(orders[0] != orders[1]);
    }

    void sameSeedSameLosses()
    {
        const auto a = stepLosses(7);
        const auto b = stepLosses(7);
        QCOMPARE(int(a.size()), 3 * 8 + 3);   // 120/16 -> 8 batches per epoch, plus 3 val losses
        QVERIFY(bitIdentical(a, b));
        const auto c = stepLosses(8);
        QCOMPARE(c.size(), a.size());
        QVERIFY(!bitIdentical(a, c));
        QVERIFY(a.front() != c.front());   // even the first step differs (init and shuffle)
    }

    // A stop requested from another thread ends run() within one batch.
    void stopFromAnotherThread()
    {
        const Matrix train = randomData(2000, 20, 11);
        const Matrix val = randomData(50, 20, 12);
        auto model = smallAe(20, 1, "64");
        TrainOptions opt;
        opt.epochs = 100000;   // would run for hours if the stop were ignored
        opt.batchSize = 32;
        Trainer trainer(*model, train, val, opt);
        TrainControl control;
        std::atomic<long long> lastStep{0};
        std::promise<void> running;
        trainer.onStep = [&](const StepInfo& s) {
            lastStep.store(s.step);
            if (s.step == 20)
                running.set_value();
        };
        std::atomic<long long> returnedAt{0};
        RunStatus status = RunStatus::Ready;
        std::thread worker([&] {
            status = trainer.run(&control);
            returnedAt.store(Clock::now().time_since_epoch().count());
        });
        QVERIFY(running.get_future().wait_for(std::chrono::seconds(30)) == std::future_status::ready);
        const auto requested = Clock::now();
        control.requestStop();
        worker.join();
        const double ms = std::chrono::duration<double, std::milli>(
                              Clock::duration(returnedAt.load()) - requested.time_since_epoch())
                              .count();
        qInfo("run() returned %.2f ms after requestStop (step %lld)", ms, lastStep.load());
        QCOMPARE(status, RunStatus::Stopped);
        QCOMPARE(trainer.status(), RunStatus::Stopped);
        // 500 ms: one batch of this model takes well under a millisecond;
        // the margin is for a loaded, shared machine.
        QVERIFY2(ms < 500 * kSanitizerSlowdown, qPrintable(QString("took %1 ms").arg(ms)));
        QVERIFY(trainer.globalStep() < trainer.totalSteps());
        QVERIFY(trainer.message().find("stopped") != std::string::npos);
    }

    // Pausing from another thread holds the step count; resuming finishes the run.
    void pauseHoldsAndResumeFinishes()
    {
        const Matrix train = randomData(300, 8, 21);
        const Matrix val = randomData(30, 8, 22);
        auto model = smallAe(8, 2);
        TrainOptions opt;
        opt.epochs = 5;
        opt.batchSize = 10;   // 30 batches per epoch, 150 steps in all
        Trainer trainer(*model, train, val, opt);
        TrainControl control;
        std::atomic<long long> lastStep{0};
        std::promise<void> reached;
        std::promise<void> paused;
        std::shared_future<void> pausedFuture = paused.get_future().share();
        trainer.onStep = [&](const StepInfo& s) {
            lastStep.store(s.step);
            if (s.step == 10) {
                // Hold the worker here until the main thread has paused, so
                // the pause lands mid-run however fast the machine is.
                reached.set_value();
                pausedFuture.wait();
            }
        };
        RunStatus status = RunStatus::Ready;
        std::thread worker([&] { status = trainer.run(&control); });
        QVERIFY(reached.get_future().wait_for(std::chrono::seconds(30)) == std::future_status::ready);
        control.setPaused(true);
        paused.set_value();
        const long long held = lastStep.load();
        QCOMPARE(held, 10LL);
        const auto until = Clock::now() + std::chrono::milliseconds(200);
        while (Clock::now() < until) {
            QCOMPARE(lastStep.load(), held);
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
        control.setPaused(false);
        worker.join();
        QCOMPARE(status, RunStatus::Finished);
        QCOMPARE(trainer.globalStep(), 150LL);
        QCOMPARE(int(trainer.history().size()), 5);
    }

    // A stop while paused is answered at once, not after a resume.
    void stopWhilePaused()
    {
        const Matrix x = randomData(100, 4, 31);
        auto model = smallAe(4, 3);
        TrainOptions opt;
        opt.epochs = 1000;
        opt.batchSize = 10;
        Trainer trainer(*model, x, x, opt);
        TrainControl control;
        control.setPaused(true);
        std::atomic<bool> done{false};
        RunStatus status = RunStatus::Ready;
        std::thread worker([&] {
            status = trainer.run(&control);
            done.store(true);
        });
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        QVERIFY(!done.load());
        QCOMPARE(trainer.globalStep(), 0LL);   // paused before the first batch
        const auto requested = Clock::now();
        control.requestStop();
        worker.join();
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - requested).count();
        QCOMPARE(status, RunStatus::Stopped);
        QVERIFY2(ms < 500, qPrintable(QString("took %1 ms").arg(ms)));
    }

    void manualSteps()
    {
        const Matrix train = randomData(25, 4, 41);
        const Matrix val = randomData(10, 4, 42);
        auto model = smallAe(4, 4);
        TrainOptions opt;
        opt.epochs = 2;
        opt.batchSize = 10;   // 3 batches per epoch: 10, 10, 5
        Trainer trainer(*model, train, val, opt);
        QCOMPARE(trainer.status(), RunStatus::Ready);
        QCOMPARE(trainer.globalStep(), 0LL);
        int epochsSeen = 0;
        trainer.onEpoch = [&](const EpochInfo&) { ++epochsSeen; };
        for (long long i = 1; i <= 6; ++i) {
            const bool more = trainer.step();
            QCOMPARE(trainer.globalStep(), i);
            QCOMPARE(trainer.epoch(), int((i - 1) / 3) + 1);
            QCOMPARE(epochsSeen, int(i / 3));
            QCOMPARE(int(trainer.history().size()), int(i / 3));
            QCOMPARE(more, i < 6);
            if (i < 6) {
                QCOMPARE(trainer.status(), RunStatus::Running);
                // batchInEpoch is 0 after an epoch boundary, the batch number otherwise.
                QCOMPARE(trainer.batchInEpoch(), int(i % 3));
            }
        }
        QCOMPARE(trainer.status(), RunStatus::Finished);
        QVERIFY(!trainer.step());   // a finished run does not step further
        QCOMPARE(trainer.globalStep(), 6LL);
        QCOMPARE(epochsSeen, 2);
    }

    // SGD at the largest allowed rate on data of magnitude 1e4 overflows:
    // the run ends Diverged with a helpful message and finite weights.
    void divergenceIsCaught()
    {
        const Matrix train = randomData(256, 10, 51, 1e4);
        const Matrix val = randomData(32, 10, 52, 1e4);
        auto model = smallAe(10, 5, "16", "sgd", "1.0");
        TrainOptions opt;
        opt.epochs = 20;
        opt.batchSize = 32;
        Trainer trainer(*model, train, val, opt);
        const RunStatus status = trainer.run();
        QCOMPARE(status, RunStatus::Diverged);
        QCOMPARE(trainer.status(), RunStatus::Diverged);
        const std::string& msg = trainer.message();
        qInfo("%s", msg.c_str());
        QVERIFY2(msg.find("step " + std::to_string(trainer.globalStep())) != std::string::npos, msg.c_str());
        QVERIFY2(msg.find("lower learning rate") != std::string::npos, msg.c_str());
        QVERIFY(trainer.globalStep() < trainer.totalSteps());
        // The same, as a record the window words in its own language.
        QVERIFY(trainer.divergence().has_value());
        const Divergence& d = *trainer.divergence();
        QCOMPARE(d.step, trainer.globalStep());
        QCOMPARE(d.epoch, trainer.epoch());
        QVERIFY2(msg.find(d.what) != std::string::npos, d.what.c_str());
        QVERIFY(d.what.find("NaN or infinite") != std::string::npos);
        QCOMPARE(d.restoredStep >= 0, msg.find("restored to step") != std::string::npos);
        for (const auto& p : model->parameters())
            QVERIFY2(p.value->allFinite(), p.name.c_str());
        // The model still computes finite codes from its kept weights.
        QVERIFY(model->encode(val.topRows(4) / Scalar(1e4)).allFinite());
        QVERIFY(!trainer.step());   // a diverged run does not step further
    }

    void splitSizesAndDeterminism()
    {
        const int n = 100;
        const Matrix x = idData(n, 2);
        std::vector<int> y(n);
        for (int i = 0; i < n; ++i)
            y[std::size_t(i)] = i % 7;
        const Split a = splitTrainValidation(x, y, 0.2, 5);
        QCOMPARE(int(a.valX.rows()), 20);
        QCOMPARE(int(a.trainX.rows()), 80);
        QCOMPARE(int(a.trainY.size()), 80);
        QCOMPARE(int(a.valY.size()), 20);
        std::set<int> ids;
        for (Eigen::Index r = 0; r < a.trainX.rows(); ++r) {
            ids.insert(int(a.trainX(r, 0)));
            QCOMPARE(a.trainY[std::size_t(r)], int(a.trainX(r, 0)) % 7);   // labels follow rows
        }
        for (Eigen::Index r = 0; r < a.valX.rows(); ++r) {
            ids.insert(int(a.valX(r, 0)));
            QCOMPARE(a.valY[std::size_t(r)], int(a.valX(r, 0)) % 7);
        }
        QCOMPARE(int(ids.size()), n);   // a partition: nothing lost, nothing repeated

        const Split b = splitTrainValidation(x, y, 0.2, 5);
        QVERIFY(a.valX == b.valX);
        QVERIFY(a.trainX == b.trainX);
        const Split c = splitTrainValidation(x, y, 0.2, 6);
        QVERIFY(a.valX != c.valX);

        QCOMPARE(int(splitTrainValidation(x, {}, 0.0, 1).valX.rows()), 0);
        QCOMPARE(int(splitTrainValidation(x, {}, 0.0, 1).trainX.rows()), n);
        QVERIFY(splitTrainValidation(x, {}, 0.1, 1).trainY.empty());
        QCOMPARE(int(splitTrainValidation(x, {}, 0.125, 1).valX.rows()), 13);   // round(12.5) = 13
        const Matrix ten = idData(10, 2);
        QCOMPARE(int(splitTrainValidation(ten, {}, 0.99, 1).trainX.rows()), 1);   // one row stays
        QVERIFY_THROWS_EXCEPTION(Error, splitTrainValidation(x, y, 1.0, 1));
        QVERIFY_THROWS_EXCEPTION(Error, splitTrainValidation(x, y, -0.1, 1));
    }

    void chunkedEvaluationMatchesOneShot()
    {
        const Matrix x = randomData(50, 6, 61);
        auto model = smallAe(6, 7);
        // Train a little so the loss is not at its initial value.
        TrainOptions opt;
        opt.epochs = 2;
        opt.batchSize = 8;
        Trainer trainer(*model, x, x, opt);
        QCOMPARE(trainer.run(), RunStatus::Finished);
        const LossTerms chunked = evaluateSet(*model, x, Rng(3), 7);   // 7 chunks, the last of 1 row
        const LossTerms whole = evaluateSet(*model, x, Rng(3), 1024);
        QCOMPARE(chunked.terms.size(), whole.terms.size());
        QVERIFY(!whole.terms.empty());
        for (std::size_t i = 0; i < whole.terms.size(); ++i) {
            QCOMPARE(chunked.terms[i].first, whole.terms[i].first);
            const double a = chunked.terms[i].second, b = whole.terms[i].second;
            // 1e-5 relative: float sums over different groupings.
            QVERIFY2(std::abs(a - b) <= 1e-5 * std::abs(b), qPrintable(QString("%1 vs %2").arg(a).arg(b)));
        }
        // And both equal the mean of the per-sample losses.
        double sum = 0;
        Rng rng(3);
        for (Eigen::Index r = 0; r < x.rows(); ++r)
            sum += model->evaluate(x.middleRows(r, 1), rng).total();
        QVERIFY(std::abs(sum / 50 - whole.total()) <= 1e-5 * std::abs(whole.total()));
        QCOMPARE(int(encodeSet(*model, x, 7).rows()), 50);
        QVERIFY(encodeSet(*model, x, 7).isApprox(encodeSet(*model, x, 1024), Scalar(1e-5)));
    }

    void badOptionsAreRefused()
    {
        const Matrix x = randomData(10, 4, 71);
        auto model = smallAe(4, 1);
        TrainOptions opt;
        opt.epochs = 0;
        QVERIFY_THROWS_EXCEPTION(Error, (void)Trainer(*model, x, x, opt));
        opt.epochs = 1;
        opt.batchSize = 0;
        QVERIFY_THROWS_EXCEPTION(Error, (void)Trainer(*model, x, x, opt));
        opt.batchSize = 4;
        const Matrix wrong = randomData(10, 5, 72);
        QVERIFY_THROWS_EXCEPTION(Error, (void)Trainer(*model, wrong, wrong, opt));
        const Matrix empty(0, 4);
        QVERIFY_THROWS_EXCEPTION(Error, (void)Trainer(*model, empty, x, opt));
    }
};

QTEST_APPLESS_MAIN(TestTrainer)
#include "test_trainer.moc"
