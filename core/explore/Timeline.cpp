#include "explore/Timeline.h"

#include "math/Error.h"

#include <algorithm>

namespace aelab {

CodeTimeline::CodeTimeline(long long interval, int maxFrames)
    : m_baseInterval(std::max(1LL, interval)), m_interval(m_baseInterval), m_maxFrames(std::max(4, maxFrames))
{
}

void CodeTimeline::setInterval(long long interval)
{
    m_baseInterval = std::max(1LL, interval);
    m_interval = m_baseInterval;
}

void CodeTimeline::clear()
{
    m_frames.clear();
    m_interval = m_baseInterval;
}

bool CodeTimeline::offer(long long step, const Matrix& codes)
{
    if (!m_frames.empty() && step < m_frames.back().step)
        clear();   // a new run
    if (!m_frames.empty() && step - m_frames.back().step < m_interval)
        return false;
    m_frames.push_back({step, codes});
    thin();
    return true;
}

void CodeTimeline::keepLast(long long step, const Matrix& codes)
{
    if (!m_frames.empty() && step < m_frames.back().step)
        clear();
    if (!m_frames.empty() && m_frames.back().step == step)
        m_frames.back().codes = codes;
    else
        m_frames.push_back({step, codes});
    thin();
}

void CodeTimeline::thin()
{
    if (int(m_frames.size()) <= m_maxFrames)
        return;
    // Keep frames 0, 2, 4, ... and always the newest.
    std::vector<TimelineFrame> kept;
    for (std::size_t i = 0; i < m_frames.size(); i += 2)
        kept.push_back(std::move(m_frames[i]));
    if (m_frames.size() % 2 == 0)
        kept.push_back(std::move(m_frames.back()));
    m_frames = std::move(kept);
    m_interval *= 2;
}

} // namespace aelab
