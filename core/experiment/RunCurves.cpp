#include "experiment/RunCurves.h"

#include "math/Error.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace aelab {

std::string axisName(CurveAxis axis)
{
    switch (axis) {
    case CurveAxis::Step: return "step";
    case CurveAxis::Epoch: return "epoch";
    case CurveAxis::Samples: return "samples";
    case CurveAxis::Seconds: return "seconds";
    }
    return "step";
}

CurveAxis axisFromName(const std::string& name)
{
    for (CurveAxis a : {CurveAxis::Step, CurveAxis::Epoch, CurveAxis::Samples, CurveAxis::Seconds})
        if (axisName(a) == name)
            return a;
    fail(ErrorKind::InvalidArgument, "unknown axis '" + name + "' (step, epoch, samples or seconds)");
}

double CurvePoint::at(CurveAxis axis) const
{
    switch (axis) {
    case CurveAxis::Step: return double(step);
    case CurveAxis::Epoch: return epoch;
    case CurveAxis::Samples: return double(samples);
    case CurveAxis::Seconds: return seconds;
    }
    return double(step);
}

std::size_t RunCurves::indexOf(const std::string& term)
{
    const auto it = std::find(terms.begin(), terms.end(), term);
    if (it != terms.end())
        return std::size_t(it - terms.begin());
    terms.push_back(term);
    return terms.size() - 1;
}

std::vector<double> RunCurves::valuesOf(const LossTerms& lossTerms)
{
    std::vector<double> values(terms.size(), std::numeric_limits<double>::quiet_NaN());
    for (const auto& [name, value] : lossTerms.terms) {
        const std::size_t i = indexOf(name);
        if (i >= values.size())
            values.resize(i + 1, std::numeric_limits<double>::quiet_NaN());
        values[i] = value;
    }
    return values;
}

void RunCurves::addTrain(CurvePoint point, const LossTerms& lossTerms)
{
    point.values = valuesOf(lossTerms);
    train.push_back(std::move(point));
}

void RunCurves::addVal(CurvePoint point, const LossTerms& lossTerms)
{
    point.values = valuesOf(lossTerms);
    val.push_back(std::move(point));
}

bool RunCurves::has(const std::string& term) const
{
    return std::find(terms.begin(), terms.end(), term) != terms.end();
}

RunCurves::Series RunCurves::series(bool validation, const std::string& term, CurveAxis axis) const
{
    Series s;
    const auto it = std::find(terms.begin(), terms.end(), term);
    if (it == terms.end())
        return s;
    const std::size_t i = std::size_t(it - terms.begin());
    for (const CurvePoint& p : validation ? val : train) {
        if (i < p.values.size() && std::isfinite(p.values[i])) {
            s.x.push_back(p.at(axis));
            s.y.push_back(p.values[i]);
        }
    }
    return s;
}

} // namespace aelab
