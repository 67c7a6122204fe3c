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

void TrainControl::reset()
{
    std::lock_guard lock(m_mutex);
    m_stop.store(false);
    m_paused.store(false);
}

void TrainControl::waitWhilePaused(int maxMillis)
{
    std::unique_lock lock(m_mutex);
    m_wake.wait_for(lock, std::chrono::milliseconds(maxMillis),
                    [this] { return !m_paused.load() || m_stop.load(); });
}

} // namespace aelab
