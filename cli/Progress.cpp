#include "cli/Progress.h"

#include "train/Duration.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace aelab::cli {

ProgressBar::ProgressBar(std::ostream& out, bool interactive, long long totalSteps)
    : m_out(out), m_interactive(interactive), m_total(totalSteps),
      m_start(std::chrono::steady_clock::now()), m_lastDraw(m_start)
{
}

bool ProgressBar::due(bool last)
{
    if (!m_interactive)
        return false;
    const auto now = std::chrono::steady_clock::now();
    if (m_drawn && now - m_lastDraw < std::chrono::milliseconds(100) && !last)
        return false;
    m_lastDraw = now;
    return true;
}

void ProgressBar::draw(double fraction, const std::string& text, double etaSeconds)
{
    constexpr int width = 28;
    const int filled = int(std::clamp(fraction, 0.0, 1.0) * width);
    std::string bar(std::size_t(filled), '#');
    bar.resize(width, '.');
    char line[320];
    std::snprintf(line, sizeof line, "\r[%s] %3d%% %s  ETA %s ", bar.c_str(), int(fraction * 100), text.c_str(),
                  formatDuration(etaSeconds).c_str());
    m_out << line << std::flush;
    m_drawn = true;
}

void ProgressBar::update(long long step, int epoch, int epochs, double loss, long long samplesSeen)
{
    if (!due(step >= m_total))
        return;
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - m_start).count();
    const double fraction = m_total > 0 ? double(step) / double(m_total) : 0;
    const double eta = fraction > 0 ? elapsed * (1 - fraction) / fraction : NAN;
    char text[160];
    std::snprintf(text, sizeof text, "epoch %d/%d  loss %.4g  %.0f samples/s", epoch, epochs, loss,
                  elapsed > 0 ? double(samplesSeen) / elapsed : 0.0);
    draw(fraction, text, eta);
}

void ProgressBar::show(double fraction, const std::string& text, double etaSeconds)
{
    if (due(fraction >= 1))
        draw(fraction, text, etaSeconds);
}

void ProgressBar::clear()
{
    if (m_interactive && m_drawn) {
        m_out << "\r" << std::string(120, ' ') << "\r" << std::flush;
        m_drawn = false;
    }
}

} // namespace aelab::cli
