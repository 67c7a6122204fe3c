// The core's thread pool (math/Parallel.h): every part runs exactly once
// whatever the thread count, errors reach the caller, nested and concurrent
// loops neither deadlock nor mix, and the layers that split their work over
// threads give the same numbers on 1, 2 and 3 threads (to float rounding;
// bit for bit for the image layers, which split the batch into fixed slices).
#include "layers/Activations.h"
#include "layers/Conv2d.h"
#include "layers/ConvTranspose2d.h"
#include "layers/Dense.h"
#include "layers/MaxPool2d.h"
#include "layers/Upsample.h"
#include "losses/Bce.h"
#include "math/Parallel.h"
#include "math/Rng.h"
#include "models/Registry.h"
#include "optim/Optimizer.h"

#include <QtTest>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <thread>
#include <vector>

using namespace aelab;

namespace {
// Restores the thread count a test changed.
struct ThreadCountGuard {
    int saved = threadCount();
    ~ThreadCountGuard() { setThreadCount(saved); }
};

// Runs one forward and backward pass of a fresh copy of `layer` on `threads`
// threads and returns the output, the input gradient and every parameter
// gradient, concatenated.
std::vector<Matrix> passOn(int threads, const Layer& layer, const Matrix& x, const Matrix& dy)
{
    setThreadCount(threads);
    auto copy = layer.clone();
    copy->zeroGrad();
    std::vector<Matrix> out{copy->forward(x), copy->backward(dy)};
    for (const auto& p : copy->parameters())
        out.push_back(*p.grad);
    return out;
}

// `exact`: bit for bit (the image layers sum over fixed slices of the batch,
// whatever the thread count); else to float rounding.
void compareAcrossThreads(const Layer& layer, const Matrix& x, const Matrix& dy, bool exact = false)
{
    const auto one = passOn(1, layer, x, dy);
    for (int threads : {2, 3}) {
        const auto many = passOn(threads, layer, x, dy);
        QCOMPARE(many.size(), one.size());
        for (std::size_t i = 0; i < one.size(); ++i) {
            QCOMPARE(many[i].rows(), one[i].rows());
            QCOMPARE(many[i].cols(), one[i].cols());
            if (one[i].size() == 0)
                continue;   // no input gradient asked for
            const double scale = std::max(1.0, double(one[i].cwiseAbs().maxCoeff()));
            const double diff = double((many[i] - one[i]).cwiseAbs().maxCoeff());
            if (diff > (exact ? 0.0 : 1e-5 * scale))
                QFAIL(qPrintable(QString("%1, result %2 on %3 threads differs by %4")
                                     .arg(QString::fromStdString(layer.describe())).arg(i).arg(threads).arg(diff)));
        }
    }
}
} // namespace

class TestParallel : public QObject {
    Q_OBJECT

private slots:
    void everyPartRunsOnce()
    {
        ThreadCountGuard guard;
        for (int threads : {1, 2, 3, 8}) {
            setThreadCount(threads);
            QCOMPARE(threadCount(), threads);
            for (std::ptrdiff_t parts : {0, 1, 2, 3, 7, 64, 1000}) {
                std::vector<std::atomic<int>> calls(std::size_t(std::max<std::ptrdiff_t>(parts, 1)));
                forEachPart(parts, [&](std::ptrdiff_t i) { calls[std::size_t(i)].fetch_add(1); });
                for (std::ptrdiff_t i = 0; i < parts; ++i)
                    QCOMPARE(calls[std::size_t(i)].load(), 1);
            }
        }
    }

    void manyLoopsInARow()
    {
        // Thousands of short loops back to back: the handover between
        // generations never loses or repeats a part.
        ThreadCountGuard guard;
        setThreadCount(2);
        long long total = 0;
        for (int loop = 0; loop < 5000; ++loop) {
            std::atomic<long long> sum{0};
            forEachPart(loop % 5 + 2, [&](std::ptrdiff_t i) { sum += i + 1; });
            const long long n = loop % 5 + 2;
            QCOMPARE(sum.load(), n * (n + 1) / 2);
            total += sum.load();
        }
        QVERIFY(total > 0);
    }

    void growingPartCountsBackToBack()
    {
        // A loop of few parts followed at once by one of more parts: a
        // worker still finishing the first must not claim a part of the
        // second under the first's ticket (that ran a part twice and
        // counted one part too many, and the caller waited forever: a
        // benchmark run hung on it; before the fix this test hung in about
        // one run in five). A hang fails through ctest's timeout.
        ThreadCountGuard guard;
        setThreadCount(2);
        for (int loop = 0; loop < 100000; ++loop) {
            const std::ptrdiff_t parts = loop % 2 ? 12 : 2;
            std::vector<std::atomic<int>> calls(static_cast<std::size_t>(parts));
            forEachPart(parts, [&](std::ptrdiff_t i) { calls[std::size_t(i)].fetch_add(1); });
            for (std::ptrdiff_t i = 0; i < parts; ++i)
                if (calls[std::size_t(i)].load() != 1)
                    QFAIL(qPrintable(QString("loop %1: part %2 ran %3 times").arg(loop).arg(i).arg(calls[std::size_t(i)].load())));
        }
    }

    void sleepingThreadsWakeUp()
    {
        // Gaps between loops and parts longer than the pool's polling time
        // (300 us): the workers and the caller go to sleep and must be woken
        // every time. A lost wake-up hangs here (ctest's timeout fails it).
        ThreadCountGuard guard;
        setThreadCount(2);
        Rng rng(11);
        for (int loop = 0; loop < 300; ++loop) {
            const auto gap = std::chrono::microseconds(200 + int(rng.uniform() * 800));
            std::this_thread::sleep_for(gap);
            std::atomic<int> ran{0};
            forEachPart(2 + loop % 3, [&](std::ptrdiff_t part) {
                if (part == 0)   // one slow part: the others' threads wait for it, asleep
                    std::this_thread::sleep_for(std::chrono::microseconds(loop % 2 ? 600 : 50));
                ++ran;
            });
            QCOMPARE(ran.load(), 2 + loop % 3);
        }
    }

    void threadCountIsClamped()
    {
        ThreadCountGuard guard;
        setThreadCount(0);
        QCOMPARE(threadCount(), 1);
        setThreadCount(-5);
        QCOMPARE(threadCount(), 1);
        setThreadCount(kMaxThreads + 100);
        QCOMPARE(threadCount(), kMaxThreads);
    }

    void rangesTileTheInterval()
    {
        ThreadCountGuard guard;
        for (int threads : {1, 2, 3}) {
            setThreadCount(threads);
            for (std::ptrdiff_t n : {0, 1, 5, 100, 100001}) {
                std::vector<std::atomic<int>> hits(std::size_t(n + 1));
                std::atomic<int> ranges{0};
                forEachRange(n, 10, [&](std::ptrdiff_t begin, std::ptrdiff_t count) {
                    QVERIFY(count > 0);
                    ++ranges;
                    for (std::ptrdiff_t i = begin; i < begin + count; ++i)
                        hits[std::size_t(i)].fetch_add(1);
                });
                for (std::ptrdiff_t i = 0; i < n; ++i)
                    QCOMPARE(hits[std::size_t(i)].load(), 1);
                QVERIFY(ranges.load() <= threads);
                if (n > 0 && n < 20)
                    QCOMPARE(ranges.load(), 1);   // below two grains: one range
            }
        }
    }

    void chunksCoverEveryArrayOnce()
    {
        ThreadCountGuard guard;
        const std::vector<std::ptrdiff_t> sizes{0, 3, kParallelEntries, 100001, 1, 70000};
        for (int threads : {1, 2, 3}) {
            setThreadCount(threads);
            std::vector<std::vector<std::atomic<int>>> hits(sizes.size());
            for (std::size_t a = 0; a < sizes.size(); ++a)
                hits[a] = std::vector<std::atomic<int>>(std::size_t(sizes[a]));
            forEachChunk(sizes, 1000, [&](std::size_t a, std::ptrdiff_t begin, std::ptrdiff_t count) {
                QVERIFY(count > 0 && count <= 1000 && begin % 1000 == 0 && begin + count <= sizes[a]);
                for (std::ptrdiff_t i = begin; i < begin + count; ++i)
                    hits[a][std::size_t(i)].fetch_add(1);
            });
            for (std::size_t a = 0; a < sizes.size(); ++a)
                for (const auto& h : hits[a])
                    QCOMPARE(h.load(), 1);
        }
    }

    void optimizersAgreeAcrossThreadCounts()
    {
        // Updates are element-wise and the norm is summed in a fixed order:
        // the same weights and norm, bit for bit, on 1, 2 and 3 threads.
        ThreadCountGuard guard;
        Rng rng(6);
        const Matrix w0 = rng.normalMatrix(300, 400), b0 = rng.normalMatrix(1, 7);
        const Matrix gw = rng.normalMatrix(300, 400), gb = rng.normalMatrix(1, 7);
        for (const char* kind : {"adam", "sgd"}) {
            std::vector<Matrix> results;
            std::vector<double> norms;
            for (int threads : {1, 2, 3}) {
                setThreadCount(threads);
                Matrix w = w0, b = b0, dw = gw, db = gb;
                OptimizerConfig config;
                config.kind = kind;
                config.clipNorm = 100;   // below the gradient's norm: the scaled path
                auto optimizer = makeOptimizer(config);
                for (int step = 0; step < 3; ++step)
                    QVERIFY(optimizer->step({{"w", &w, &dw}, {"b", &b, &db}}));
                results.push_back(w);
                results.push_back(b);
                norms.push_back(optimizer->lastGradientNorm());
            }
            for (std::size_t i = 2; i < results.size(); ++i)
                QCOMPARE(results[i], results[i % 2]);
            QCOMPARE(norms[1], norms[0]);
            QCOMPARE(norms[2], norms[0]);
            QVERIFY(norms[0] > 100);
            QVERIFY(results[0] != w0);
        }
    }

    void anErrorReachesTheCaller()
    {
        ThreadCountGuard guard;
        setThreadCount(2);
        std::atomic<int> ran{0};
        bool caught = false;
        try {
            forEachPart(16, [&](std::ptrdiff_t i) {
                ++ran;
                if (i == 5)
                    throw std::runtime_error("part 5 failed");
            });
        } catch (const std::runtime_error& e) {
            caught = QString(e.what()) == "part 5 failed";
        }
        QVERIFY(caught);
        QCOMPARE(ran.load(), 16);   // the other parts still ran: no half-done loop
        // And the pool still works.
        std::atomic<int> after{0};
        forEachPart(10, [&](std::ptrdiff_t) { ++after; });
        QCOMPARE(after.load(), 10);
    }

    void nestedLoopsRunInline()
    {
        ThreadCountGuard guard;
        setThreadCount(2);
        std::atomic<int> inner{0};
        forEachPart(4, [&](std::ptrdiff_t) { forEachPart(8, [&](std::ptrdiff_t) { ++inner; }); });
        QCOMPARE(inner.load(), 32);
    }

    void loopsFromSeveralThreads()
    {
        // Two threads (like the window's worker and a test) run loops at the
        // same time: each gets all its parts, none waits for the other.
        ThreadCountGuard guard;
        setThreadCount(2);
        std::atomic<long long> a{0}, b{0};
        auto work = [](std::atomic<long long>& sum) {
            for (int loop = 0; loop < 2000; ++loop)
                forEachPart(6, [&](std::ptrdiff_t i) { sum += i; });
        };
        std::thread other([&] { work(b); });
        work(a);
        other.join();
        QCOMPARE(a.load(), 2000LL * 15);
        QCOMPARE(b.load(), 2000LL * 15);
    }

    void denseAgreesAcrossThreadCounts()
    {
        // Large enough to be split (the parallel paths of forward, dW and dX).
        ThreadCountGuard guard;
        Rng rng(3);
        Dense dense(300, 200, rng);
        const Matrix x = rng.normalMatrix(128, 300);
        const Matrix dy = rng.normalMatrix(128, 200);
        compareAcrossThreads(dense, x, dy);
        dense.setInputGradient(false);
        compareAcrossThreads(dense, x, dy);
        compareAcrossThreads(ReLU(), x, rng.normalMatrix(128, 300));
    }

    void convAgreesAcrossThreadCounts()
    {
        ThreadCountGuard guard;
        Rng rng(4);
        Conv2d conv(ImageShape{3, 16, 16}, 8, 3, 1, 1, rng);
        compareAcrossThreads(conv, rng.normalMatrix(64, 3 * 16 * 16), rng.normalMatrix(64, 8 * 16 * 16), true);
        conv.setSparseBackward(true);
        compareAcrossThreads(conv, rng.normalMatrix(64, 3 * 16 * 16), rng.normalMatrix(64, 8 * 16 * 16), true);
        ConvTranspose2d up(ImageShape{8, 7, 7}, 4, 3, 2, 1, 1, rng);
        compareAcrossThreads(up, rng.normalMatrix(64, 8 * 7 * 7), rng.normalMatrix(64, 4 * 14 * 14), true);
        compareAcrossThreads(MaxPool2d(ImageShape{8, 14, 14}, 2), rng.normalMatrix(64, 8 * 14 * 14),
                             rng.normalMatrix(64, 8 * 7 * 7), true);
        compareAcrossThreads(Upsample(ImageShape{8, 7, 7}, 14, 14), rng.normalMatrix(64, 8 * 7 * 7),
                             rng.normalMatrix(64, 8 * 14 * 14), true);
    }

    void bceAgreesAcrossThreadCounts()
    {
        ThreadCountGuard guard;
        Rng rng(5);
        const Matrix logits = 4 * rng.normalMatrix(256, 300);
        const Matrix target = rng.uniformMatrix(256, 300, 0, 1);
        setThreadCount(1);
        const LossValue one = bceWithLogitsLoss(logits, target);
        setThreadCount(2);
        const LossValue two = bceWithLogitsLoss(logits, target);
        QVERIFY(std::abs(one.value - two.value) <= 1e-9 * std::abs(one.value));
        QCOMPARE(two.grad, one.grad);   // element-wise: exactly the same
    }

    void trainingIsReproducibleOnTwoThreads()
    {
        // Same seed, same thread count: the same losses, bit for bit (parts
        // are fixed by the thread count, not by which thread runs them).
        ThreadCountGuard guard;
        setThreadCount(2);
        const auto& specs = variantInfo("ae").specs;
        HyperParams hp;
        hp.setFromText(*findSpec(specs, "hidden"), "256,128");
        ModelContext context;
        context.inputDim = 196;
        context.unitInterval = true;
        Rng dataRng(9);
        const Matrix batch = dataRng.uniformMatrix(128, 196, 0, 1);
        std::vector<double> losses[2];
        for (auto& run : losses) {
            auto model = createModel("ae", hp, context);
            Rng rng(1);
            for (int step = 0; step < 20; ++step)
                run.push_back(model->trainStep(batch, rng).total());
        }
        QCOMPARE(losses[0], losses[1]);
        QVERIFY(losses[0].back() < losses[0].front());
    }

    void convTrainingIsReproducible()
    {
        // The conv autoencoder of bench/conv_run.sh, smaller: the same losses
        // bit for bit from run to run on 2 threads, and to float rounding on
        // 1 and 3 (the image layers give the same numbers on any count; the
        // loss and the dense layers sum by parts of the thread count).
        ThreadCountGuard guard;
        const auto& specs = variantInfo("ae").specs;
        HyperParams hp;
        for (const auto& [key, value] : {std::pair{"arch", "conv"}, {"channels", "4,8"}, {"latent", "4"},
                                         {"up", "deconv"}, {"output", "sigmoid-bce"}})
            hp.setFromText(*findSpec(specs, key), value);
        ModelContext context;
        context.shape = SampleShape{1, 28, 28};
        context.inputDim = 784;
        context.unitInterval = true;
        Rng dataRng(10);
        const Matrix batch = dataRng.uniformMatrix(64, 784, 0, 1);
        const auto lossesOn = [&](int threads) {
            setThreadCount(threads);
            auto model = createModel("ae", hp, context);
            Rng rng(1);
            std::vector<double> losses;
            for (int step = 0; step < 10; ++step)
                losses.push_back(model->trainStep(batch, rng).total());
            return losses;
        };
        const auto two = lossesOn(2);
        QCOMPARE(lossesOn(2), two);
        QVERIFY(two.back() < two.front());
        for (int threads : {1, 3}) {
            const auto other = lossesOn(threads);
            for (std::size_t i = 0; i < two.size(); ++i)
                QVERIFY(std::abs(other[i] - two[i]) <= 1e-5 * std::abs(two[i]));
        }
    }
};

QTEST_APPLESS_MAIN(TestParallel)
#include "test_parallel.moc"
