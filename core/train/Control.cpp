#include "train/Control.h"

#include <chrono>

namespace aelab {

void TrainControl::requestStop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop.store(true, std::memory_order_release);
    }
    m_wake.notify_all();
}

void TrainControl::setPaused(bool paused)
{
    {
        std::lock_guard lock(m_mutex);
        m_paused.store(paused, std::memory_order_release);
    }
    m_wake.notify_all();
}

void TrainControl::requestStep()
{
    {
        std::lock_guard lock(m_mutex);
        m_pendingSteps.fetch_add(1);
    }
    m_wake.notify_all();
}

bool TrainControl::takeStep()
{
    int pending = m_pendingSteps.load();
    while (pending > 0)
        if (m_pendingSteps.compare_exchange_weak(pending, pending - 1))
            return true;
    return false;
}

void TrainControl::reset()
{
    std::lock_guard lock(m_mutex);
    m_stop.store(false);
    m_paused.store(false);
    m_pendingSteps.store(0);
}

void TrainControl::waitWhilePaused(int maxMillis)
{
    std::unique_lock lock(m_mutex);
    m_wake.wait_for(lock, std::chrono::milliseconds(maxMillis),
                    [this] { return !m_paused.load() || m_stop.load() || m_pendingSteps.load() > 0; });
}

} // namespace aelab
