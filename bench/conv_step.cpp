// Where a conv training step's time goes: the conv `ae` of bench/conv_run.sh
// (or a deeper one) on real Fashion-MNIST batches, without data loading.
//
//   conv_step [--steps N] [--threads T] [--channels 16,32] [--batch 128] [--layers] [--sparse]
//
// Prints wall and CPU ms per step (trainStep, as aelab-cli runs it). With
// --layers the step is run layer by layer instead (the same calls trainStep
// makes: zero the gradients, forward through encoder and decoder, BCE,
// backward, Adam) and each layer's forward and backward wall time is added
// up, and its CPU time (all threads), with its matrix-product FLOPs and
// their rate (per wall time). On one thread the CPU time is the figure that
// stays steady on a busy machine. --sparse allows Conv2d's sparse backward.
//
// Built by bench/conv_step.sh against a build tree's aelab_core.
#include "data/Catalog.h"
#include "layers/Conv2d.h"
#include "layers/ConvTranspose2d.h"
#include "layers/Dense.h"
#include "math/Memory.h"
#include "math/Parallel.h"
#include "models/EncoderDecoder.h"
#include "models/Registry.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>
#include <vector>

using namespace aelab;

namespace {

using Clock = std::chrono::steady_clock;

double cpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + 1e-9 * double(ts.tv_nsec);
}

double since(Clock::time_point t0) { return std::chrono::duration<double>(Clock::now() - t0).count(); }

// Wall and CPU time from construction to add().
struct Stopwatch {
    Clock::time_point wall = Clock::now();
    double cpu = cpuSeconds();
    void addTo(double& wallSum, double& cpuSum) const
    {
        cpuSum += cpuSeconds() - cpu;
        wallSum += since(wall);
    }
};

struct Options {
    int steps = 100;
    int threads = 1;
    std::string channels = "16,32";
    int batch = 128;
    bool layers = false;
    bool sparse = false;   // Conv2d's sparse backward allowed
};

Options parse(int argc, char** argv)
{
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const char* next = i + 1 < argc ? argv[i + 1] : "";
        if (a == "--layers") o.layers = true;
        else if (a == "--sparse") o.sparse = true;
        else if (a == "--steps") o.steps = std::atoi(next), ++i;
        else if (a == "--threads") o.threads = std::atoi(next), ++i;
        else if (a == "--channels") o.channels = next, ++i;
        else if (a == "--batch") o.batch = std::atoi(next), ++i;
        else {
            std::fprintf(stderr, "usage: conv_step [--steps N] [--threads T] [--channels a,b] [--batch B] [--layers] [--sparse]\n");
            std::exit(2);
        }
    }
    return o;
}

// Multiply-adds x 2 of a layer's forward product for `batch` samples: every
// weight meets one input value per output position (Conv2d: each output
// pixel; ConvTranspose2d: each input pixel; Dense: each sample). Backward
// costs the same once for dW and once more for dX.
double forwardFlops(Layer& layer, int batch)
{
    if (auto* c = dynamic_cast<Conv2d*>(&layer))
        return 2.0 * double(c->weight().size()) * batch * c->outputShape().plane();
    if (auto* t = dynamic_cast<ConvTranspose2d*>(&layer))
        return 2.0 * double(t->weight().size()) * batch * t->inputShape().plane();
    if (auto* d = dynamic_cast<Dense*>(&layer))
        return 2.0 * double(d->weight().size()) * batch;
    return 0;
}

bool skipsInputGradient(Layer& layer)
{
    if (auto* d = dynamic_cast<Dense*>(&layer))
        return !d->inputGradient();
    if (auto* c = dynamic_cast<Conv2d*>(&layer))
        return !c->inputGradient();
    return false;
}

struct LayerTime {
    std::string name;
    double flopsForward = 0, flopsBackward = 0;
    double forward = 0, backward = 0, cpuForward = 0, cpuBackward = 0;
};

// One step layer by layer, adding each layer's wall time to `times`
// (encoder layers first, then decoder layers, then loss and optimizer).
void timedStep(EncoderDecoder& model, Optimizer& adam, const Matrix& batch, std::vector<LayerTime>& times)
{
    Sequential* nets[] = {&model.encoder(), &model.decoder()};
    LayerTime& loss = times[times.size() - 2];
    LayerTime& optimizer = times.back();
    std::size_t row = 0;
    Stopwatch clock;
    for (auto* net : nets)
        net->zeroGrad();
    clock.addTo(optimizer.forward, optimizer.cpuForward);   // clearing counts with the optimizer

    Matrix h = batch;
    for (auto* net : nets)
        for (std::size_t i = 0; i < net->size(); ++i, ++row) {
            clock = Stopwatch();
            h = net->at(i).forwardOwned(std::move(h));
            clock.addTo(times[row].forward, times[row].cpuForward);
        }
    clock = Stopwatch();
    LossValue value = reconstructionLoss(model.outputMode(), h, batch);
    clock.addTo(loss.forward, loss.cpuForward);

    Matrix g = std::move(value.grad);
    for (int n = 1; n >= 0; --n)
        for (std::size_t i = nets[n]->size(); i-- > 0;) {
            --row;
            clock = Stopwatch();
            g = nets[n]->at(i).backward(g);
            clock.addTo(times[row].backward, times[row].cpuBackward);
        }
    clock = Stopwatch();
    adam.step(model.parameters());
    clock.addTo(optimizer.backward, optimizer.cpuBackward);
}

} // namespace

int main(int argc, char** argv)
{
    const Options o = parse(argc, argv);
    setThreadCount(o.threads);
    keepTrainingMemory();

    LoadOptions lo;
    lo.limit = 60 * o.batch;
    const Dataset data = loadDataset("fashion-mnist", lo);
    const auto& specs = variantInfo("ae").specs;
    HyperParams hp = HyperParams::defaults(specs);
    hp.setFromText(*findSpec(specs, "arch"), "conv");
    hp.setFromText(*findSpec(specs, "channels"), o.channels);
    hp.setFromText(*findSpec(specs, "latent"), "16");
    hp.setFromText(*findSpec(specs, "up"), "deconv");
    hp.setFromText(*findSpec(specs, "output"), "sigmoid-bce");
    auto owned = createModel("ae", hp, contextFor(data, 1));
    auto& model = dynamic_cast<EncoderDecoder&>(*owned);
    for (Sequential* net : {&model.encoder(), &model.decoder()})
        for (std::size_t i = 0; i < net->size(); ++i)
            if (auto* conv = dynamic_cast<Conv2d*>(&net->at(i)))
                conv->setSparseBackward(o.sparse);

    const Eigen::Index batches = data.trainX.rows() / o.batch;
    auto batchAt = [&](int step) -> Matrix { return data.trainX.middleRows((step % batches) * o.batch, o.batch); };
    std::vector<Matrix> cache;
    for (Eigen::Index b = 0; b < batches; ++b)
        cache.push_back(batchAt(int(b)));

    Rng rng(1);
    for (int i = 0; i < 10; ++i)
        model.trainStep(cache[std::size_t(i % batches)], rng);

    if (!o.layers) {
        const auto wall0 = Clock::now();
        const double cpu0 = cpuSeconds();
        double loss = 0;
        for (int i = 0; i < o.steps; ++i)
            loss = model.trainStep(cache[std::size_t(i % batches)], rng).total();
        const double cpu = cpuSeconds() - cpu0, wall = since(wall0);
        std::printf("conv_step channels=%s batch=%d threads=%d steps=%d wall_ms=%.3f cpu_ms=%.3f samples/s=%.0f "
                    "loss=%.4f\n",
                    o.channels.c_str(), o.batch, o.threads, o.steps, 1e3 * wall / o.steps, 1e3 * cpu / o.steps,
                    double(o.batch) * o.steps / wall, loss);
        return 0;
    }

    OptimizerConfig adamConfig;
    auto adam = makeOptimizer(adamConfig);
    std::vector<LayerTime> times;
    for (Sequential* net : {&model.encoder(), &model.decoder()})
        for (std::size_t i = 0; i < net->size(); ++i) {
            Layer& layer = net->at(i);
            const double f = forwardFlops(layer, o.batch);
            times.push_back({layer.describe(), f, skipsInputGradient(layer) ? f : 2 * f});
        }
    times.push_back({"loss (sigmoid + BCE)"});
    times.push_back({"zero grads (fwd col), Adam (bwd col)"});
    for (int i = 0; i < 3; ++i)
        timedStep(model, *adam, cache[std::size_t(i % batches)], times);
    for (auto& t : times)
        t.forward = t.backward = t.cpuForward = t.cpuBackward = 0;
    for (int i = 0; i < o.steps; ++i)
        timedStep(model, *adam, cache[std::size_t(i % batches)], times);

    std::printf("conv_step --layers channels=%s batch=%d threads=%d steps=%d (ms per step)\n", o.channels.c_str(),
                o.batch, o.threads, o.steps);
    std::printf("%-52s %8s %8s %8s %8s %9s %9s %8s %8s\n", "layer", "fwd ms", "bwd ms", "fwd cpu", "bwd cpu",
                "fwd MFLOP", "bwd MFLOP", "fwd GF/s", "bwd GF/s");
    LayerTime sum{"sum"};
    for (const auto& t : times) {
        const double f = 1e3 * t.forward / o.steps, b = 1e3 * t.backward / o.steps;
        std::printf("%-52s %8.3f %8.3f %8.3f %8.3f %9.1f %9.1f %8.1f %8.1f\n", t.name.c_str(), f, b,
                    1e3 * t.cpuForward / o.steps, 1e3 * t.cpuBackward / o.steps, t.flopsForward / 1e6,
                    t.flopsBackward / 1e6, f > 0 ? t.flopsForward / f / 1e6 : 0.0, b > 0 ? t.flopsBackward / b / 1e6 : 0.0);
        sum.forward += t.forward, sum.backward += t.backward, sum.cpuForward += t.cpuForward;
        sum.cpuBackward += t.cpuBackward, sum.flopsForward += t.flopsForward, sum.flopsBackward += t.flopsBackward;
    }
    const double total = 1e3 * (sum.forward + sum.backward) / o.steps;
    std::printf("%-52s %8.3f %8.3f %8.3f %8.3f %9.1f %9.1f   step %.3f ms wall, %.3f ms cpu; %.1f GFLOP/s\n", "sum",
                1e3 * sum.forward / o.steps, 1e3 * sum.backward / o.steps, 1e3 * sum.cpuForward / o.steps,
                1e3 * sum.cpuBackward / o.steps, sum.flopsForward / 1e6, sum.flopsBackward / 1e6, total,
                1e3 * (sum.cpuForward + sum.cpuBackward) / o.steps,
                (sum.flopsForward + sum.flopsBackward) / total / 1e6);
    return 0;
}
