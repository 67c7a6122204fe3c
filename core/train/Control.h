#pragma once
// Commands from another thread to a running Trainer: stop, pause and resume,
// and single steps while paused, read between batches through atomics (never
// through shared widgets).
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
    // One more batch while paused (Step); the trainer takes them one by one.
    void requestStep();
    bool takeStep();
    void reset();

    // Blocks while paused; returns early when stop is requested or after
    // `maxMillis` (so a caller can do housekeeping while paused).
    void waitWhilePaused(int maxMillis);

private:
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_paused{false};
    std::atomic<int> m_pendingSteps{0};
    std::mutex m_mutex;
    std::condition_variable m_wake;
};

} // namespace aelab
