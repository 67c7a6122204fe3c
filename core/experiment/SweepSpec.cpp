#include "experiment/SweepSpec.h"

#include "io/CsvTable.h"
#include "math/Error.h"
#include "models/HyperParams.h"
#include "models/Registry.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>

namespace aelab {

namespace {

constexpr int kMaxEpochs = 100000;   // as aelab-cli train --epochs

std::string trimmed(const std::string& s)
{
    const auto begin = s.find_first_not_of(" \t");
    if (begin == std::string::npos)
        return {};
    const auto end = s.find_last_not_of(" \t");
    return s.substr(begin, end - begin + 1);
}

std::vector<std::string> splitOn(const std::string& s, char separator)
{
    std::vector<std::string> parts;
    std::size_t start = 0;
    while (true) {
        const std::size_t at = s.find(separator, start);
        parts.push_back(trimmed(s.substr(start, at == std::string::npos ? std::string::npos : at - start)));
        if (at == std::string::npos)
            return parts;
        start = at + 1;
    }
}

bool parseNumber(const std::string& text, double& out)
{
    char* end = nullptr;
    errno = 0;
    out = std::strtod(text.c_str(), &end);
    return !text.empty() && *end == '\0' && errno == 0 && std::isfinite(out);
}

// 12 significant digits: a log range's 1e-4 comes out of pow() as
// 1.0000000000000001e-04; the user typed and expects 0.0001.
double tidy(double v)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.12g", v);
    return std::strtod(buf, nullptr);
}

nlohmann::json epochsValue(const nlohmann::json& v, const std::string& shown)
{
    if (!v.is_number_integer() || v.get<long long>() < 1 || v.get<long long>() > kMaxEpochs)
        fail(ErrorKind::InvalidArgument, "sweep: epochs '" + shown + "' is out of range: expected a whole number in [1, "
             + std::to_string(kMaxEpochs) + "]");
    return v;
}

// The checked value of `key` for a text a user typed.
nlohmann::json valueFromText(const ParamSpec* spec, const std::string& key, const std::string& text)
{
    if (text.empty())
        fail(ErrorKind::InvalidArgument, "sweep: " + key + " has an empty value");
    if (spec)
        return parseValue(*spec, text);
    char* end = nullptr;
    errno = 0;
    const long long v = std::strtoll(text.c_str(), &end, 10);
    if (*end != '\0' || errno != 0)
        fail(ErrorKind::InvalidArgument, "sweep: epochs '" + text + "' is not a whole number");
    return epochsValue(v, text);
}

// The checked value of `key` for a number from a range.
nlohmann::json valueFromNumber(const ParamSpec* spec, double v)
{
    const bool whole = !spec || spec->type == ParamType::Int;
    const nlohmann::json value = whole ? nlohmann::json(std::llround(v)) : nlohmann::json(tidy(v));
    if (!spec)
        return epochsValue(value, CsvTable::number(v));
    return checkValue(*spec, value);
}

void checkKey(const VariantInfo& variant, const std::string& key)
{
    if (key == "epochs" || findSpec(variant.specs, key))
        return;
    std::string known;
    for (const std::string& k : sweepableKeys(variant))
        known += (known.empty() ? "" : ", ") + k;
    fail(ErrorKind::InvalidArgument, "sweep: " + variant.key + " has no setting '" + key + "' (one of: " + known + ")");
}

SweepSpec finish(SweepSpec sweep, int maxValues)
{
    if (sweep.values.empty())
        fail(ErrorKind::InvalidArgument, "sweep: " + sweep.key + " has no values");
    if (int(sweep.values.size()) > maxValues)
        fail(ErrorKind::InvalidArgument, "sweep: " + std::to_string(sweep.values.size()) + " values of " + sweep.key
             + " are more than the " + std::to_string(maxValues) + " allowed");
    for (std::size_t i = 0; i < sweep.values.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
            if (sweep.values[i] == sweep.values[j])
                fail(ErrorKind::InvalidArgument, "sweep: " + sweep.key + " " + sweep.valueText(i)
                     + " is given twice" + (sweep.text.find(':') != std::string::npos
                                                ? " (a whole-number range rounds to repeated values: fewer steps)"
                                                : ""));
    return sweep;
}

} // namespace

std::string SweepSpec::valueText(std::size_t i) const { return settingText(values.at(i)); }

std::vector<std::string> sweepableKeys(const VariantInfo& variant)
{
    std::vector<std::string> keys;
    for (const ParamSpec& s : variant.specs)
        keys.push_back(s.key);
    keys.push_back("epochs");
    return keys;
}

std::vector<double> rangeValues(double lo, double hi, int n, bool log)
{
    if (n < 2)
        fail(ErrorKind::InvalidArgument, "sweep: a range needs at least 2 values");
    if (log && !(lo > 0 && hi > 0))
        fail(ErrorKind::InvalidArgument, "sweep: a log range needs lo and hi > 0");
    std::vector<double> v;
    for (int i = 0; i < n; ++i) {
        const double t = double(i) / double(n - 1);
        v.push_back(log ? std::exp(std::log(lo) + t * (std::log(hi) - std::log(lo))) : lo + t * (hi - lo));
    }
    v.front() = lo;   // the ends exactly as typed
    v.back() = hi;
    return v;
}

SweepSpec parseSweepSpec(const std::string& text, const VariantInfo& variant, int maxValues)
{
    const std::size_t eq = text.find('=');
    if (eq == std::string::npos)
        fail(ErrorKind::InvalidArgument, "sweep '" + text + "' needs KEY=v1,v2,... or KEY=lo:hi:n[:log]");
    SweepSpec sweep;
    sweep.key = trimmed(text.substr(0, eq));
    sweep.text = text;
    checkKey(variant, sweep.key);
    const ParamSpec* spec = findSpec(variant.specs, sweep.key);
    const std::string rhs = trimmed(text.substr(eq + 1));
    const bool isList = spec && spec->type == ParamType::IntList;
    if (rhs.find(':') != std::string::npos && !isList) {
        if (spec && spec->type != ParamType::Int && spec->type != ParamType::Real)
            fail(ErrorKind::InvalidArgument, "sweep: " + sweep.key + " is not a number (" + typeName(spec->type)
                 + "): list its values, " + sweep.key + "=a,b");
        const std::vector<std::string> parts = splitOn(rhs, ':');
        if (parts.size() < 3 || parts.size() > 4)
            fail(ErrorKind::InvalidArgument, "sweep: the range '" + rhs + "' must be lo:hi:n or lo:hi:n:log");
        double lo = 0, hi = 0, count = 0;
        if (!parseNumber(parts[0], lo) || !parseNumber(parts[1], hi))
            fail(ErrorKind::InvalidArgument, "sweep: the range '" + rhs + "' needs numbers for lo and hi");
        if (!parseNumber(parts[2], count) || count != std::floor(count) || count < 2 || count > maxValues)
            fail(ErrorKind::InvalidArgument, "sweep: the range '" + rhs + "' needs a whole number of values n in [2, "
                 + std::to_string(maxValues) + "]");
        const std::string scale = parts.size() == 4 ? parts[3] : "lin";
        if (scale != "lin" && scale != "log")
            fail(ErrorKind::InvalidArgument, "sweep: the range's steps are 'lin' or 'log', not '" + scale + "'");
        for (double v : rangeValues(lo, hi, int(count), scale == "log"))
            sweep.values.push_back(valueFromNumber(spec, v));
    } else {
        for (const std::string& word : splitOn(rhs, isList ? ';' : ','))
            sweep.values.push_back(valueFromText(spec, sweep.key, word));
    }
    return finish(std::move(sweep), maxValues);
}

SweepSpec sweepOf(const VariantInfo& variant, const std::string& key, const std::vector<std::string>& valueTexts)
{
    checkKey(variant, key);
    const ParamSpec* spec = findSpec(variant.specs, key);
    SweepSpec sweep;
    sweep.key = key;
    for (const std::string& text : valueTexts) {
        sweep.values.push_back(valueFromText(spec, key, trimmed(text)));
        sweep.text += (sweep.text.empty() ? key + "=" : std::string(spec && spec->type == ParamType::IntList ? ";" : ","))
            + trimmed(text);
    }
    return finish(std::move(sweep), 1000);
}

std::vector<SweepRunPlan> expandSweep(const RunSettings& base, const SweepSpec& sweep, int seeds)
{
    if (seeds < 1 || seeds > 1000)
        fail(ErrorKind::InvalidArgument, "sweep: the number of seeds must be in [1, 1000]");
    const VariantInfo& variant = variantInfo(base.variant);
    checkKey(variant, sweep.key);
    std::vector<SweepRunPlan> plan;
    for (std::size_t v = 0; v < sweep.values.size(); ++v) {
        for (int s = 0; s < seeds; ++s) {
            SweepRunPlan run;
            run.index = int(plan.size());
            run.value = sweep.values[v];
            run.seedIndex = s;
            run.settings = base;
            run.settings.seed = base.seed + std::uint64_t(s);
            if (sweep.key == "epochs")
                run.settings.epochs = sweep.values[v].get<int>();
            else
                run.settings.values[sweep.key] = sweep.values[v];
            // As Run will: every value against its spec and the ranges that
            // depend on the others; defaults filled.
            try {
                run.settings.values = HyperParams::fromJson(run.settings.values, variant.specs).json();
            } catch (const Error& e) {
                fail(ErrorKind::InvalidArgument, "sweep: with " + sweep.key + " = " + sweep.valueText(v) + ": "
                     + e.what());
            }
            if (run.settings.epochs < 1)
                fail(ErrorKind::InvalidArgument, "sweep: epochs must be at least 1");
            plan.push_back(std::move(run));
        }
    }
    return plan;
}

} // namespace aelab
