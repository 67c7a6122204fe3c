#include "explore/Histogram.h"

#include "math/Error.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace aelab {

int Histogram::total() const { return std::accumulate(counts.begin(), counts.end(), 0); }

Histogram histogram(const std::vector<double>& values, int bins, double lo, double hi)
{
    if (bins < 1)
        fail(ErrorKind::InvalidArgument, "a histogram needs at least one bin");
    if (!(hi > lo))
        fail(ErrorKind::InvalidArgument, "a histogram's range must be wider than nothing");
    Histogram h;
    h.lo = lo;
    h.hi = hi;
    h.counts.assign(std::size_t(bins), 0);
    const double w = (hi - lo) / bins;
    for (double v : values) {
        if (!std::isfinite(v) || v < lo || v > hi)
            continue;
        const int k = std::min(bins - 1, int((v - lo) / w));
        ++h.counts[std::size_t(k)];
    }
    return h;
}

Histogram histogram(const std::vector<double>& values, int bins)
{
    double lo = INFINITY, hi = -INFINITY;
    for (double v : values)
        if (std::isfinite(v)) {
            lo = std::min(lo, v);
            hi = std::max(hi, v);
        }
    if (!std::isfinite(lo)) {
        lo = 0;
        hi = 1;
    } else if (hi - lo < 1e-12) {
        lo -= 0.5;
        hi += 0.5;
    }
    return histogram(values, bins, lo, hi);
}

} // namespace aelab
