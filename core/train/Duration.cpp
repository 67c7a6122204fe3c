#include "train/Duration.h"

#include <cmath>
#include <cstdio>

namespace aelab {

std::string formatDuration(double seconds)
{
    if (!(seconds >= 0) || !std::isfinite(seconds))
        return "?";
    const long long t = std::llround(seconds);
    char buf[32];
    if (t >= 3600)
        std::snprintf(buf, sizeof buf, "%lld:%02lld:%02lld", t / 3600, (t / 60) % 60, t % 60);
    else
        std::snprintf(buf, sizeof buf, "%lld:%02lld", t / 60, t % 60);
    return buf;
}

} // namespace aelab
