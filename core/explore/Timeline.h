#pragma once
// The training timeline: the probe set's codes kept every K steps of a run,
// so a view can scrub back and replay how the latent map formed. Memory is
// bounded: past `maxFrames` frames, every other frame is dropped and K
// doubles, so the frames stay spread over the whole run.
#include "math/Matrix.h"

#include <vector>

namespace aelab {

struct TimelineFrame {
    long long step = 0;
    Matrix codes;                  // (n, latent)
};

class CodeTimeline {
public:
    explicit CodeTimeline(long long interval = 50, int maxFrames = 120);

    // Keeps the codes if `step` is at least K past the last kept frame (the
    // first frame of a run is always kept; a step not past the last one
    // starts a new run). Returns whether they were kept.
    bool offer(long long step, const Matrix& codes);
    // Keeps the codes as the last frame whatever the interval (a run's end).
    void keepLast(long long step, const Matrix& codes);
    void clear();

    int size() const { return int(m_frames.size()); }
    const TimelineFrame& frame(int i) const { return m_frames.at(std::size_t(i)); }
    long long interval() const { return m_interval; }
    void setInterval(long long interval);   // >= 1; applies to the next offers

private:
    void thin();

    long long m_baseInterval;
    long long m_interval;
    int m_maxFrames;
    std::vector<TimelineFrame> m_frames;
};

} // namespace aelab
