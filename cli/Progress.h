#pragma once
// Training progress for a terminal: a bar redrawn in place with the epoch,
// the loss, samples/s and the ETA. When the output is not a terminal
// (a log, CI) it prints nothing until the epoch lines.
#include <chrono>
#include <ostream>
#include <string>

namespace aelab::cli {

class ProgressBar {
public:
    ProgressBar(std::ostream& out, bool interactive, long long totalSteps);

    void update(long long step, int epoch, int epochs, double loss, long long samplesSeen);
    void clear();   // erase the bar before a normal line is printed

private:
    std::ostream& m_out;
    bool m_interactive;
    long long m_total;
    std::chrono::steady_clock::time_point m_start;
    std::chrono::steady_clock::time_point m_lastDraw;
    bool m_drawn = false;
};

} // namespace aelab::cli
