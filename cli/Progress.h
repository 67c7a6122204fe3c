#pragma once
// Progress for a terminal: a bar redrawn in place with the epoch, the loss,
// samples/s and the ETA of a training run (or what a longer job says). When the output is not a terminal
// (a log, CI) it prints nothing until the epoch lines.
#include <chrono>
#include <ostream>
#include <string>

namespace aelab::cli {

class ProgressBar {
public:
    ProgressBar(std::ostream& out, bool interactive, long long totalSteps);

    void update(long long step, int epoch, int epochs, double loss, long long samplesSeen);
    // Any long job (a sweep, a probe): the bar at `fraction` (0..1) with the
    // text after it and the ETA the caller estimated (NaN: unknown).
    void show(double fraction, const std::string& text, double etaSeconds);
    void clear();   // erase the bar before a normal line is printed

private:
    bool due(bool last);   // redraw at most every 100 ms, and always the last one
    void draw(double fraction, const std::string& text, double etaSeconds);

    std::ostream& m_out;
    bool m_interactive;
    long long m_total;
    std::chrono::steady_clock::time_point m_start;
    std::chrono::steady_clock::time_point m_lastDraw;
    bool m_drawn = false;
};

} // namespace aelab::cli
