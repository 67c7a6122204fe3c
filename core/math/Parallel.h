#pragma once
// The core's threads: one small pool of its own that every parallel loop of
// the core runs on (dense products split in parts, the optimizers' updates,
// the image layers).
//
// Why not OpenMP or Eigen's threads: a training step opens some twenty short
// parallel loops. OpenMP either spins between them (and then, inside Eigen's
// lockstep GEMM, a thread the system deschedules stalls its partner: 5-10x
// slower on a busy machine) or, with OMP_WAIT_POLICY=passive, sleeps and pays
// a wake-up of tens of microseconds per loop (~20% of a step on a quiet
// machine). GOMP reads that choice from the environment before main(), so a
// program cannot make it for itself. This pool spins for a short, bounded time
// after each loop and then sleeps, and its parts are claimed one at a time:
// a thread that is slow to wake claims fewer parts instead of holding up the
// others, and the caller works too. bench/README.md has the measurements.
#include <algorithm>
#include <cstddef>
#include <vector>

namespace aelab {

inline constexpr int kMaxThreads = 64;

// Threads the core's loops use, the caller included (1: the caller alone).
// Starts at AELAB_THREADS from the environment when set (1 to kMaxThreads),
// else at the number of cores the process may run on.
int threadCount();

// Sets the thread count, clamped to [1, kMaxThreads]. Waits for a loop that
// is running on another thread to finish first.
void setThreadCount(int threads);

using PartFunction = void (*)(const void* context, std::ptrdiff_t part);

// Calls function(context, i) once for every i in [0, parts), spread over the
// pool and the calling thread, and returns when all have returned. Runs them
// in order on the calling thread when there is one thread or one part, when
// called from inside a part, or while another thread's loop holds the pool
// (loops from several threads never wait for each other). If parts throw, the
// first exception is rethrown here after every part has ended.
void runParts(std::ptrdiff_t parts, PartFunction function, const void* context);

// runParts for any callable: body(i) for i in [0, parts).
template <typename Body> void forEachPart(std::ptrdiff_t parts, const Body& body)
{
    runParts(parts, [](const void* context, std::ptrdiff_t part) { (*static_cast<const Body*>(context))(part); },
             &body);
}

// Element-wise work on fewer entries than this stays on the calling thread:
// handing it out costs more than it saves.
inline constexpr std::ptrdiff_t kParallelEntries = 1 << 15;

// body(begin, count) over [0, n) cut into at most threadCount() contiguous
// ranges of at least `grain` items each (one range, on the calling thread,
// when n < 2 grain).
template <typename Body> void forEachRange(std::ptrdiff_t n, std::ptrdiff_t grain, const Body& body)
{
    const std::ptrdiff_t parts = std::clamp<std::ptrdiff_t>(n / std::max<std::ptrdiff_t>(grain, 1), 1, threadCount());
    if (parts == 1) {
        if (n > 0)
            body(std::ptrdiff_t(0), n);
        return;
    }
    forEachPart(parts, [&](std::ptrdiff_t part) {
        const std::ptrdiff_t begin = part * n / parts, end = (part + 1) * n / parts;
        if (end > begin)
            body(begin, end - begin);
    });
}

// How many chunks of `chunk` entries cover n entries (the last may be shorter).
inline std::ptrdiff_t chunkCount(std::ptrdiff_t n, std::ptrdiff_t chunk) { return (n + chunk - 1) / chunk; }

// Element-wise work over several arrays at once (a model's tensors), in one
// parallel loop. Each array is cut into chunks of `chunk` entries (the last
// may be shorter) and calls body(array, begin, count) once per chunk. Part p
// of the loop takes the p-th share of every array of at least
// kParallelEntries entries (smaller ones go whole to part 0): a thread meets
// the same stretch of each array from loop to loop, and the same rows that
// a product split by rows wrote, so it finds them in its own cache.
template <typename Body>
void forEachChunk(const std::vector<std::ptrdiff_t>& sizes, std::ptrdiff_t chunk, const Body& body)
{
    std::ptrdiff_t total = 0;
    for (auto n : sizes)
        total += n;
    const std::ptrdiff_t parts = std::clamp<std::ptrdiff_t>(total / kParallelEntries, 1, threadCount());
    const auto share = [&](std::ptrdiff_t part) {
        for (std::size_t a = 0; a < sizes.size(); ++a) {
            const std::ptrdiff_t n = sizes[a], chunks = chunkCount(n, chunk);
            const bool split = n >= kParallelEntries;
            if (!split && part != 0)
                continue;
            const std::ptrdiff_t first = split ? part * chunks / parts : 0;
            const std::ptrdiff_t last = split ? (part + 1) * chunks / parts : chunks;
            for (std::ptrdiff_t c = first; c < last; ++c)
                body(a, c * chunk, std::min(chunk, n - c * chunk));
        }
    };
    if (parts == 1)
        share(0);
    else
        forEachPart(parts, share);
}

// forEachRange over the rows of a (rows x cols) batch, in ranges of at least
// kParallelEntries entries.
template <typename Body> void forEachRowRange(std::ptrdiff_t rows, std::ptrdiff_t cols, const Body& body)
{
    forEachRange(rows, kParallelEntries / std::max<std::ptrdiff_t>(cols, 1), body);
}

} // namespace aelab
