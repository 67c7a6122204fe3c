// Time of one training step of the benchmark model (ae 784-512-256-2, ReLU,
// sigmoid+BCE, Adam, batch 128) on random data, without data loading: wall
// time and this process's CPU time per step. On a busy machine the CPU time
// per step on one thread is the steadier figure for comparing two builds.
//
//   bench/step_time [steps=300] [threads=1]
// Built against a build tree's aelab_core by bench/flags.sh, or by hand:
//   g++ -O3 -march=native -mtune=generic -DEIGEN_DONT_PARALLELIZE -pthread -std=c++20 -I core -I/usr/include/eigen3 \
//       bench/step_time.cpp BUILD/core/libaelab_core.a -lz -o step_time
#include "math/Memory.h"
#include "math/Parallel.h"
#include "models/Registry.h"

#include <Eigen/Core>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>

using namespace aelab;

namespace {
double cpuSeconds()
{
    timespec ts{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + 1e-9 * double(ts.tv_nsec);
}
} // namespace

int main(int argc, char** argv)
{
    const int steps = argc > 1 ? std::atoi(argv[1]) : 300;
    const int threads = argc > 2 ? std::atoi(argv[2]) : 1;
    setThreadCount(threads);
    keepTrainingMemory();

    const auto& specs = variantInfo("ae").specs;
    HyperParams hp;
    hp.setFromText(*findSpec(specs, "hidden"), "512,256");
    hp.setFromText(*findSpec(specs, "output"), "sigmoid-bce");
    ModelContext context;
    context.inputDim = 784;
    context.unitInterval = true;
    auto model = createModel("ae", hp, context);

    Rng rng(1);
    // Images are mostly dark with bright strokes: a quarter of the pixels lit.
    Matrix batch = ((Matrix::Random(128, 784).array() + 1) / 2).matrix();
    batch = (batch.array() < Scalar(0.75)).select(Matrix::Zero(128, 784), batch);

    for (int i = 0; i < 20; ++i)
        model->trainStep(batch, rng);
    const auto wall0 = std::chrono::steady_clock::now();
    const double cpu0 = cpuSeconds();
    double loss = 0;
    for (int i = 0; i < steps; ++i)
        loss = model->trainStep(batch, rng).total();
    const double cpu = cpuSeconds() - cpu0;
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall0).count();
    std::printf("step_time threads=%d steps=%d wall_ms=%.3f cpu_ms=%.3f samples/s=%.0f loss=%.4f\n", threads,
                steps, 1e3 * wall / steps, 1e3 * cpu / steps, 128.0 * steps / wall, loss);
    return 0;
}
