#pragma once
// Commands from another thread to a running Trainer: stop, pause and resume,
// read between batches through atomics (never through shared widgets).
#include <atomic>
#include <condition_variable>
#include <mutex>

namespace aelab {

class TrainControl {
public:
    void requestStop();
    void setPaused(bool paused);
    bool stopRequested() const { return m_stop.load(std::memory_order_acquire); }
    bool paused() const { return m_paused.load(std::memory_order_acquire); }
    void reset();

    // Blocks while paused; returns early when stop is requested or after
    // `maxMillis` (so a caller can do housekeeping while paused).
    void waitWhilePaused(int maxMillis);

private:
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_paused{false};
    std::mutex m_mutex;
    std::condition_variable m_wake;
};

} // namespace aelab
