#include "math/Smoothing.h"

#include <cmath>

namespace aelab {

double EmaSmoother::add(double x)
{
    if (!std::isfinite(x))
        return x;
    if (!m_started) {
        m_value = x;
        m_started = true;
    } else {
        m_value = m_factor * m_value + (1 - m_factor) * x;
    }
    return m_value;
}

std::vector<double> smoothEma(const std::vector<double>& xs, double factor)
{
    EmaSmoother s(factor);
    std::vector<double> out;
    out.reserve(xs.size());
    for (double x : xs)
        out.push_back(s.add(x));
    return out;
}

} // namespace aelab
