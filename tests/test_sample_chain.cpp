// Sequential runs consecutive sample-by-sample layers (SampleLayer.h) as one
// chain (SampleChain.h). A chain must give exactly what its layers give run
// one at a time, each over the whole batch: the same outputs, input
// gradient and parameter gradients bit for bit (the same per-sample
// arithmetic, summed over the same slices), on 1 and 2 threads, with every
// kind of chained layer, and with a pool and its unpool in the same chain
// (the unpool reads the switches the pool writes sample by sample).
#include "layers/Activations.h"
#include "layers/Conv2d.h"
#include "layers/ConvTranspose2d.h"
#include "layers/Dense.h"
#include "layers/MaxUnpool2d.h"
#include "layers/Reshape.h"
#include "layers/Sequential.h"
#include "layers/Upsample.h"
#include "math/Parallel.h"
#include "math/Rng.h"

#include <QtTest>

using namespace aelab;

namespace {

struct Pass {
    Matrix y, dx;
    std::vector<Matrix> grads;
};

// Forward and backward through the whole Sequential (its chains).
Pass chained(Sequential net, const Matrix& x, const Matrix& dy)
{
    net.zeroGrad();
    Pass p{net.forward(x), {}, {}};
    p.dx = net.backward(dy);
    for (const auto& param : net.parameters())
        p.grads.push_back(*param.grad);
    return p;
}

// The same, one layer at a time, each over the whole batch.
Pass layerByLayer(Sequential net, const Matrix& x, const Matrix& dy)
{
    net.zeroGrad();
    Pass p;
    p.y = x;
    for (std::size_t i = 0; i < net.size(); ++i)
        p.y = net.at(i).forward(p.y);
    p.dx = dy;
    for (std::size_t i = net.size(); i-- > 0;)
        p.dx = net.at(i).backward(p.dx);
    for (const auto& param : net.parameters())
        p.grads.push_back(*param.grad);
    return p;
}

void expectSame(const Pass& a, const Pass& b)
{
    QCOMPARE(a.y, b.y);
    QCOMPARE(a.dx, b.dx);
    QCOMPARE(a.grads.size(), b.grads.size());
    for (std::size_t i = 0; i < a.grads.size(); ++i)
        QCOMPARE(a.grads[i], b.grads[i]);
}

} // namespace

class TestSampleChain : public QObject {
    Q_OBJECT

private slots:
    void chainsMatchLayerByLayer_data()
    {
        QTest::addColumn<int>("threads");
        QTest::newRow("1 thread") << 1;
        QTest::newRow("2 threads") << 2;
    }

    void chainsMatchLayerByLayer()
    {
        QFETCH(int, threads);
        const int saved = threadCount();
        setThreadCount(threads);
        Rng rng(11);
        // Every chained kind: Conv2d, MaxPool2d, each activation, Upsample,
        // ConvTranspose2d, Reshape; a Dense in the middle ends one chain.
        Sequential net;
        net.emplace<Conv2d>(ImageShape{2, 12, 12}, 4, 3, 1, 1, rng);
        net.emplace<MaxPool2d>(ImageShape{4, 12, 12}, 2);
        net.emplace<ReLU>();
        net.emplace<Conv2d>(ImageShape{4, 6, 6}, 6, 3, 1, 1, rng);
        net.emplace<Tanh>();
        net.emplace<Reshape>(Reshape::flatten({6, 6, 6}));
        net.emplace<Dense>(216, 216, rng);
        net.emplace<Sigmoid>();
        net.emplace<Reshape>(ImageShape{216, 1, 1}, ImageShape{6, 6, 6});
        net.emplace<Upsample>(ImageShape{6, 6, 6}, 2);
        net.emplace<LeakyReLU>(0.1);
        net.emplace<ConvTranspose2d>(ImageShape{6, 12, 12}, 3, 3, 2, 1, 1, rng);
        net.emplace<Identity>();
        const Matrix x = rng.normalMatrix(40, 2 * 12 * 12);
        const Matrix dy = rng.normalMatrix(40, 3 * 24 * 24);
        expectSame(chained(net, x, dy), layerByLayer(net, x, dy));
        setThreadCount(saved);
    }

    void poolAndUnpoolInOneChain()
    {
        Rng rng(12);
        Sequential net;
        net.emplace<Conv2d>(ImageShape{1, 8, 8}, 3, 3, 1, 1, rng);
        auto pool = std::make_unique<MaxPool2d>(ImageShape{3, 8, 8}, 2);
        auto unpool = std::make_unique<MaxUnpool2d>(*pool);
        net.add(std::move(pool));
        net.add(std::move(unpool));
        net.emplace<Conv2d>(ImageShape{3, 8, 8}, 1, 3, 1, 1, rng);
        const Matrix x = rng.normalMatrix(24, 64);
        const Matrix dy = rng.normalMatrix(24, 64);
        expectSame(chained(net, x, dy), layerByLayer(net, x, dy));
    }
};

QTEST_APPLESS_MAIN(TestSampleChain)
#include "test_sample_chain.moc"
