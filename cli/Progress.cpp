#include "cli/Progress.h"

#include "train/Duration.h"

#include <cmath>
#include <cstdio>

namespace aelab::cli {

ProgressBar::ProgressBar(std::ostream& out, bool interactive, long long totalSteps)
    : m_out(out), m_interactive(interactive), m_total(totalSteps),
      m_start(std::chrono::steady_clock::now()), m_lastDraw(m_start)
{
}

void ProgressBar::update(long long step, int epoch, int epochs, double loss, long long samplesSeen)
{
    if (!m_interactive)
        return;
    const auto now = std::chrono::steady_clock::now();
    if (m_drawn && now - m_lastDraw < std::chrono::milliseconds(100) && step < m_total)
        return;
    m_lastDraw = now;
    const double elapsed = std::chrono::duration<double>(now - m_start).count();
    const double fraction = m_total > 0 ? double(step) / double(m_total) : 0;
    const double eta = fraction > 0 ? elapsed * (1 - fraction) / fraction : NAN;
    constexpr int width = 28;
    const int filled = int(fraction * width);
    std::string bar(std::size_t(filled), '#');
    bar.resize(width, '.');
    char line[256];
    std::snprintf(line, sizeof line, "\r[%s] %3d%% epoch %d/%d  loss %.4g  %.0f samples/s  ETA %s ",
                  bar.c_str(), int(fraction * 100), epoch, epochs, loss,
                  elapsed > 0 ? double(samplesSeen) / elapsed : 0.0, formatDuration(eta).c_str());
    m_out << line << std::flush;
    m_drawn = true;
}

void ProgressBar::clear()
{
    if (m_interactive && m_drawn) {
        m_out << "\r" << std::string(100, ' ') << "\r" << std::flush;
        m_drawn = false;
    }
}

} // namespace aelab::cli
