#pragma once
// Exponential moving average of a series, as the loss plot's smoothing:
//   s_0 = x_0,  s_t = a s_{t-1} + (1 - a) x_t,   a in [0, 1)
// Non-finite values are passed through without disturbing the average.
#include <vector>

namespace aelab {

class EmaSmoother {
public:
    explicit EmaSmoother(double factor = 0) : m_factor(factor) {}
    double add(double x);      // the smoothed value after x
    void reset() { m_started = false; }
    double factor() const { return m_factor; }

private:
    double m_factor;
    double m_value = 0;
    bool m_started = false;
};

std::vector<double> smoothEma(const std::vector<double>& xs, double factor);

} // namespace aelab
