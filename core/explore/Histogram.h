#pragma once
// A histogram of values over [lo, hi] in equal bins: bin k holds
// lo + k w <= v < lo + (k + 1) w, w = (hi - lo) / bins, the last bin closed
// (v = hi counts in it). Non-finite values and values outside are skipped.
#include <vector>

namespace aelab {

struct Histogram {
    double lo = 0, hi = 1;
    std::vector<int> counts;
    double binWidth() const { return counts.empty() ? 0 : (hi - lo) / double(counts.size()); }
    double binCentre(int k) const { return lo + (k + 0.5) * binWidth(); }
    int total() const;
};

Histogram histogram(const std::vector<double>& values, int bins, double lo, double hi);
// Over the values' own range (a unit range around them when all are equal).
Histogram histogram(const std::vector<double>& values, int bins);

} // namespace aelab
