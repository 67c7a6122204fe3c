#include "math/Parallel.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <cstdlib>
#include <mutex>
#include <thread>
#include <utility>
#include <vector>
#ifdef __linux__
#include <sched.h>
#endif

namespace aelab {

namespace {
using Clock = std::chrono::steady_clock;

// How long an idle thread keeps polling for the next loop before it sleeps.
// Between two loops of a training step there are a few to a few hundred
// microseconds of serial work; a sleeping thread takes tens of microseconds
// to wake. Long enough to cover those gaps, short enough that a thread left
// idle (or one the system needs for something else) soon gives its core back.
constexpr auto kSpinTime = std::chrono::microseconds(300);

void cpuRelax()
{
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#endif
}

// Where a thread sleeps once it has polled long enough: a mutex and a
// condition variable (plain and portable; std::atomic::wait would do too).
struct Sleeper {
    std::mutex mutex;
    std::condition_variable wake;

    // Called after `value` has changed: wakes whoever sleeps on it. Taking
    // the mutex orders this after a sleeper's last look at the value.
    void notify()
    {
        { std::lock_guard lock(mutex); }
        wake.notify_all();
    }
};

// Polls value until it differs from `old`: first spinning for kSpinTime, then
// sleeping on `sleeper` until notified of a change.
template <typename T> T waitWhileEqual(const std::atomic<T>& value, T old, Sleeper& sleeper)
{
    const auto deadline = Clock::now() + kSpinTime;
    for (unsigned i = 1;; ++i) {
        const T now = value.load(std::memory_order_acquire);
        if (now != old)
            return now;
        cpuRelax();
        if (i % 64 == 0 && Clock::now() > deadline)
            break;
    }
    std::unique_lock lock(sleeper.mutex);
    T now;
    sleeper.wake.wait(lock, [&] { return (now = value.load(std::memory_order_acquire)) != old; });
    return now;
}

thread_local bool t_insidePart = false;

// A ticket's part half while the caller sets up a new loop: no part is
// claimable.
constexpr std::uint32_t kClosed = 0xffffffffu;

class Pool {
public:
    Pool() { resize(defaultThreads()); }
    ~Pool() { stopWorkers(); }

    int threads() const { return m_threads.load(std::memory_order_relaxed); }

    void resize(int threads)
    {
        threads = std::clamp(threads, 1, kMaxThreads);
        std::lock_guard lock(m_busy);
        if (int(m_workers.size()) + 1 == threads)
            return;
        stopWorkers();
        m_quit.store(false);
        for (int i = 1; i < threads; ++i)
            m_workers.emplace_back([this, start = m_generation.load()] { work(start); });
        m_threads.store(threads, std::memory_order_relaxed);
    }

    void run(std::ptrdiff_t parts, PartFunction function, const void* context)
    {
        if (parts <= 0)
            return;
        std::unique_lock lock(m_busy, std::defer_lock);
        const bool alone = parts == 1 || t_insidePart || parts >= std::ptrdiff_t(kClosed)
            || !lock.try_lock() || m_workers.empty();
        if (alone) {
            for (std::ptrdiff_t i = 0; i < parts; ++i)
                function(context, i);
            return;
        }
        // Close the ticket before touching the loop's fields: a worker still
        // finishing the last loop may have read its ticket and be about to
        // claim from it against the new part count. Closed, its claim fails.
        // (Without this, a loop of more parts than the one before could run
        // a part twice and its caller wait forever: test_parallel.)
        const std::uint32_t generation = m_generation.load(std::memory_order_relaxed) + 1;
        m_ticket.store(std::uint64_t(generation) << 32 | kClosed, std::memory_order_seq_cst);
        m_function = function;
        m_context = context;
        m_parts.store(std::uint32_t(parts), std::memory_order_release);
        m_done.store(0, std::memory_order_relaxed);
        m_error = nullptr;
        m_ticket.store(std::uint64_t(generation) << 32, std::memory_order_release);
        m_generation.store(generation, std::memory_order_release);
        m_workersWake.notify();

        claimParts(generation);
        for (std::uint32_t done = m_done.load(std::memory_order_acquire); done != std::uint32_t(parts);)
            done = waitWhileEqual(m_done, done, m_callerWake);
        if (m_error)
            std::rethrow_exception(std::exchange(m_error, nullptr));
    }

private:
    // AELAB_THREADS if it holds a number in [1, kMaxThreads], else the cores
    // this process may run on.
    static int defaultThreads()
    {
        if (const char* text = std::getenv("AELAB_THREADS")) {
            char* end = nullptr;
            const long n = std::strtol(text, &end, 10);
            if (end != text && *end == '\0' && n >= 1 && n <= kMaxThreads)
                return int(n);
        }
        int cores = int(std::thread::hardware_concurrency());
#ifdef __linux__
        cpu_set_t allowed;
        if (sched_getaffinity(0, sizeof allowed, &allowed) == 0)
            cores = CPU_COUNT(&allowed);
#endif
        return std::clamp(cores, 1, kMaxThreads);
    }

    void stopWorkers()
    {
        m_quit.store(true);
        m_generation.fetch_add(1, std::memory_order_release);
        m_workersWake.notify();
        for (auto& worker : m_workers)
            worker.join();
        m_workers.clear();
    }

    void work(std::uint32_t seen)
    {
        for (;;) {
            seen = waitWhileEqual(m_generation, seen, m_workersWake);
            if (m_quit.load())
                return;
            claimParts(seen);
        }
    }

    // Takes parts of loop `generation` until none is left. The ticket holds
    // the loop's generation (high half) and its next unclaimed part (low
    // half), so a thread that wakes after its loop has ended claims nothing
    // of the next one by mistake.
    void claimParts(std::uint32_t generation)
    {
        t_insidePart = true;
        for (;;) {
            std::uint64_t ticket = m_ticket.load(std::memory_order_acquire);
            // Acquire: a part count seen here was written after the ticket
            // was closed, so a claim on a stale ticket then fails.
            if (std::uint32_t(ticket >> 32) != generation
                || std::uint32_t(ticket) >= m_parts.load(std::memory_order_acquire))
                break;
            if (!m_ticket.compare_exchange_weak(ticket, ticket + 1, std::memory_order_acq_rel))
                continue;
            try {
                m_function(m_context, std::ptrdiff_t(std::uint32_t(ticket)));
            } catch (...) {
                std::lock_guard lock(m_errorMutex);
                if (!m_error)
                    m_error = std::current_exception();
            }
            if (m_done.fetch_add(1, std::memory_order_acq_rel) + 1 == m_parts.load(std::memory_order_relaxed))
                m_callerWake.notify();
        }
        t_insidePart = false;
    }

    std::vector<std::thread> m_workers;
    std::atomic<int> m_threads{1};
    std::mutex m_busy;   // held by the loop that owns the pool, and by resize
    std::atomic<bool> m_quit{false};
    std::atomic<std::uint32_t> m_generation{0};   // bumped to start a loop; workers wait on it
    std::atomic<std::uint64_t> m_ticket{0};
    std::atomic<std::uint32_t> m_parts{0};
    std::atomic<std::uint32_t> m_done{0};         // parts finished; the caller waits on it
    Sleeper m_workersWake;                        // where idle workers sleep
    Sleeper m_callerWake;                         // where the caller sleeps for the last part
    PartFunction m_function = nullptr;
    const void* m_context = nullptr;
    std::mutex m_errorMutex;
    std::exception_ptr m_error;
};

Pool& pool()
{
    static Pool instance;
    return instance;
}
} // namespace

int threadCount() { return pool().threads(); }

void setThreadCount(int threads) { pool().resize(threads); }

void runParts(std::ptrdiff_t parts, PartFunction function, const void* context)
{
    pool().run(parts, function, context);
}

} // namespace aelab
