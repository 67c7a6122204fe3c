// This machine's ceilings for aelab's benchmark model:
//   1. FMA throughput: independent fused multiply-adds on 256- and 512-bit
//      float vectors, on 1 thread and on every thread (OpenMP).
//   2. Eigen's matrix products on the shapes of one `ae` 784-512-256-2 training
//      step at batch 128, with aelab's storage (row-major float): the forward
//      product Y = X W^T, and the backward ones dW = dY^T X and dX = dY W; on
//      several threads split into column blocks as aelab's Dense splits them.
//   3. The sum over the whole model, as samples/s if training were only its
//      matrix products (an upper bound for aelab-cli's throughput).
//
// Built by bench/run.sh with g++ directly (not part of the CMake project):
//   g++ -O3 -march=native -mtune=generic -fopenmp -I/usr/include/eigen3 peak.cpp -o peak
// and with -DEIGEN_USE_BLAS ... -l:libblas.so.3 for Eigen on the system BLAS.
#include <Eigen/Core>

#include <omp.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using Matrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using Clock = std::chrono::steady_clock;

namespace {

double seconds(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double>(b - a).count(); }

typedef float Vec8 __attribute__((vector_size(32)));
typedef float Vec16 __attribute__((vector_size(64)));

template <typename vec> double fmaGflops(long iters)
{
    // 16 independent accumulators cover FMA latency (4-5 cycles) times two pipes.
    constexpr int lanes = sizeof(vec) / 4;
    constexpr int chains = 16;
    double flops = 0;
    const auto t0 = Clock::now();
#pragma omp parallel reduction(+ : flops)
    {
        vec acc[chains];
        vec a, b;
        for (int l = 0; l < lanes; ++l) {
            a[l] = 1.0f + 1e-7f * float(l + omp_get_thread_num());
            b[l] = 0.999999f;
        }
        for (int c = 0; c < chains; ++c)
            acc[c] = a * float(c + 1);
        for (long i = 0; i < iters; ++i) {
#pragma GCC unroll 16
            for (int c = 0; c < chains; ++c)
                acc[c] = acc[c] * b + a;   // one FMA with -mfma
            asm volatile("" : "+x"(a));     // keep the loop from being folded
        }
        float sink = 0;
        for (int c = 0; c < chains; ++c)
            for (int l = 0; l < lanes; ++l)
                sink += acc[c][l];
        if (sink == 12345.f)
            std::printf("%f\n", sink);
        flops += 2.0 * lanes * chains * double(iters);
    }
    return flops / seconds(t0, Clock::now()) / 1e9;
}

struct Timing {
    double gflops = 0;
    double secondsPerCall = 0;
};

// The best of several timed repetitions of `op`, which does `flops` per call.
template <typename Op> Timing timeBest(Op op, double flops, double budget = 0.3)
{
    op();   // warm up
    Timing best;
    for (int rep = 0; rep < 5; ++rep) {
        int calls = 0;
        const auto t0 = Clock::now();
        double elapsed = 0;
        do {
            op();
            ++calls;
            elapsed = seconds(t0, Clock::now());
        } while (elapsed < budget / 5);
        const double g = flops * calls / elapsed / 1e9;
        if (g > best.gflops)
            best = {g, elapsed / calls};
    }
    return best;
}

struct LayerShape {
    int in, out;
};

// As aelab's Dense does on several threads: the product in independent
// column blocks (two per thread, multiples of 16), each a single-threaded
// Eigen product, handed out dynamically.
template <typename F> void inParts(Eigen::Index n, int threads, const F& f)
{
    if (threads <= 1) {
        f(0, n);
        return;
    }
    const Eigen::Index parts = 2 * threads;
    const Eigen::Index size = ((n + parts - 1) / parts + 15) / 16 * 16;
#pragma omp parallel for schedule(dynamic, 1) num_threads(threads)
    for (Eigen::Index p = 0; p < parts; ++p)
        if (p * size < n)
            f(p * size, std::min(size, n - p * size));
}

} // namespace

int main(int argc, char** argv)
{
    const int batch = argc > 1 ? std::atoi(argv[1]) : 128;
    const int maxThreads = omp_get_max_threads();
    std::vector<int> threadCounts{1};
    if (maxThreads > 1)
        threadCounts.push_back(maxThreads);

#ifdef EIGEN_USE_BLAS
    const char* gemm = "Eigen with EIGEN_USE_BLAS (system BLAS)";
#else
    const char* gemm = "Eigen's own GEMM";
#endif
    std::printf("peak: %s, batch %d\n", gemm, batch);

    for (int t : threadCounts) {
        omp_set_num_threads(t);
        const long iters = 20'000'000 / 16;
        const double g256 = std::max(fmaGflops<Vec8>(iters), fmaGflops<Vec8>(iters));
        const double g512 = std::max(fmaGflops<Vec16>(iters), fmaGflops<Vec16>(iters));
        std::printf("fma %d thread(s): %.1f GFLOP/s with 256-bit vectors, %.1f with 512-bit\n", t, g256, g512);
    }

    const std::vector<LayerShape> model{{784, 512}, {512, 256}, {256, 2}, {2, 256}, {256, 512}, {512, 784}};
    for (int t : threadCounts) {
        omp_set_num_threads(t);
        Eigen::setNbThreads(t);
        double stepSeconds = 0, stepFlops = 0;
        for (std::size_t i = 0; i < model.size(); ++i) {
            const auto [in, out] = model[i];
            const Matrix x = Matrix::Random(batch, in);
            const Matrix w = Matrix::Random(out, in);
            const Matrix dy = Matrix::Random(batch, out);
            Matrix y(batch, out), dw = Matrix::Zero(out, in), dx(batch, in);
            const double f = 2.0 * batch * in * out;
            const Timing fwd = timeBest([&] {
                inParts(out, t, [&](Eigen::Index j, Eigen::Index n) {
                    y.middleCols(j, n).noalias() = x * w.middleRows(j, n).transpose();
                });
            }, f);
            const Timing gw = timeBest([&] {
                inParts(out, t, [&](Eigen::Index j, Eigen::Index n) {
                    dw.middleRows(j, n).noalias() += dy.middleCols(j, n).transpose() * x;
                });
            }, f);
            const Timing gx = timeBest([&] {
                inParts(in, t, [&](Eigen::Index j, Eigen::Index n) {
                    dx.middleCols(j, n).noalias() = dy * w.middleCols(j, n);
                });
            }, f);
            // aelab's first layer needs no dX; count it only where it is used.
            const bool needDx = i > 0;
            stepSeconds += fwd.secondsPerCall + gw.secondsPerCall + (needDx ? gx.secondsPerCall : 0);
            stepFlops += f * (needDx ? 3 : 2);
            if (i == 0 || i == 1)
                std::printf("gemm %d thread(s) %dx%dx%d: Y=XW^T %.1f  dW=dY^TX %.1f  dX=dYW %.1f GFLOP/s\n",
                            t, batch, in, out, fwd.gflops, gw.gflops, gx.gflops);
        }
        std::printf("gemm %d thread(s) whole ae step: %.2f ms, %.1f GFLOP/s, bound %.0f samples/s\n", t,
                    stepSeconds * 1e3, stepFlops / stepSeconds / 1e9, batch / stepSeconds);
    }
    return 0;
}
