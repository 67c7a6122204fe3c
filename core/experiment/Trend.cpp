#include "experiment/Trend.h"

#include <algorithm>
#include <cmath>
#include <map>

namespace aelab {

std::string sweptSetting(const std::vector<const RunRecord*>& runs)
{
    if (runs.size() < 2)
        return {};
    std::vector<std::string> keys = differingSettings(runs);
    keys.erase(std::remove(keys.begin(), keys.end(), "seed"), keys.end());
    if (keys.size() != 1)
        return {};
    for (const RunRecord* r : runs)
        if (!r->settingsJson().value(keys.front(), nlohmann::json()).is_number())
            return {};
    return keys.front();
}

std::vector<std::string> commonFinalTerms(const std::vector<const RunRecord*>& runs)
{
    std::vector<std::string> terms;
    if (runs.empty())
        return terms;
    for (const auto& entry : runs.front()->finalTrain().terms) {
        const std::string& name = entry.first;   // named: clang 14 cannot capture a structured binding
        if (std::all_of(runs.begin(), runs.end(), [&](const RunRecord* r) {
                return std::isfinite(r->finalTrain().get(name));
            }))
            terms.push_back(name);
    }
    return terms;
}

std::vector<TrendPoint> finalTermAgainst(const std::vector<const RunRecord*>& runs, const std::string& key,
                                         const std::string& term, bool* validation)
{
    const bool val = std::all_of(runs.begin(), runs.end(), [&](const RunRecord* r) {
        return std::isfinite(r->finalVal().get(term));
    });
    if (validation)
        *validation = val;
    std::map<double, std::vector<double>> byValue;
    for (const RunRecord* r : runs) {
        const nlohmann::json v = r->settingsJson().value(key, nlohmann::json());
        const double figure = val ? r->finalVal().get(term) : r->finalTrain().get(term);
        if (v.is_number() && std::isfinite(figure))
            byValue[v.get<double>()].push_back(figure);
    }
    std::vector<TrendPoint> points;
    for (const auto& [value, figures] : byValue) {
        TrendPoint p;
        p.value = value;
        p.runs = int(figures.size());
        p.low = *std::min_element(figures.begin(), figures.end());
        p.high = *std::max_element(figures.begin(), figures.end());
        double sum = 0;
        for (double f : figures)
            sum += f;
        p.mean = sum / p.runs;
        points.push_back(p);
    }
    return points;
}

} // namespace aelab
