#include "models/LossTerms.h"

#include <cmath>
#include <limits>

namespace aelab {

double LossTerms::get(const std::string& name) const
{
    for (const auto& [key, value] : terms)
        if (key == name)
            return value;
    return std::numeric_limits<double>::quiet_NaN();
}

double LossTerms::headline() const
{
    return terms.empty() ? std::numeric_limits<double>::quiet_NaN() : terms.front().second;
}

bool LossTerms::allFinite() const
{
    for (const auto& [key, value] : terms)
        if (!std::isfinite(value))
            return false;
    return true;
}

void LossTerms::accumulate(const LossTerms& other, double w)
{
    if (terms.empty()) {
        for (const auto& [key, value] : other.terms)
            terms.emplace_back(key, w * value);
        return;
    }
    for (const auto& [key, value] : other.terms) {
        bool found = false;
        for (auto& [k, v] : terms)
            if (k == key) {
                v += w * value;
                found = true;
                break;
            }
        if (!found)
            terms.emplace_back(key, w * value);
    }
}

void LossTerms::scale(double factor)
{
    for (auto& [key, value] : terms)
        value *= factor;
}

} // namespace aelab
