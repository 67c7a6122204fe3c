#pragma once
// One hyperparameter and the values a sweep gives it, from a line a user
// types:
//   KEY=v1,v2,...        a list                          "batch=16,64,256"
//   KEY=lo:hi:n          n values from lo to hi, evenly spaced (":lin" may follow)
//   KEY=lo:hi:n:log      n values from lo to hi, log-spaced   "lr=1e-5:1e-1:5:log"
// KEY is one of the variant's hyperparameters (its spec checks every value:
// type, range) or "epochs". A key whose values are lists ("hidden",
// "channels") separates its values with ';': "hidden=512,256;256,128".
// Whole-number keys round a range's values; a range whose rounded values
// repeat is refused. Ranges that depend on another value (RangeWhen) are
// checked when the sweep is expanded, with the other values known.
#include "train/Run.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace aelab {

struct VariantInfo;

struct SweepSpec {
    std::string key;                        // "lr", "batch", "epochs"
    std::vector<nlohmann::json> values;     // checked and normalised, in the order given
    std::string text;                       // what was typed (or built)

    // A value as a user would type it: "0.001", "512,256", "true".
    std::string valueText(std::size_t i) const;
};

// The keys a sweep may vary for this variant: every spec key, and "epochs".
std::vector<std::string> sweepableKeys(const VariantInfo& variant);

// Throws Error(InvalidArgument) with a message that names the key or value
// at fault: no '=', an unknown key, a value out of its range, n < 2 in a
// range, lo or hi <= 0 in a log range, a range for a key that is not a
// number, repeated values, more than `maxValues` values.
SweepSpec parseSweepSpec(const std::string& text, const VariantInfo& variant, int maxValues = 1000);

// The same from values already split (a form's list): each text is parsed
// as the key's spec says.
SweepSpec sweepOf(const VariantInfo& variant, const std::string& key, const std::vector<std::string>& valueTexts);

// n values from lo to hi inclusive; log: equal ratios (lo, hi > 0).
std::vector<double> rangeValues(double lo, double hi, int n, bool log);

// One run of a sweep: the swept value, which seed, and the whole recipe.
struct SweepRunPlan {
    int index = 0;               // 0-based, in training order
    nlohmann::json value;        // the swept key's value
    int seedIndex = 0;           // 0 .. seeds - 1
    RunSettings settings;        // base with the value and seed base.seed + seedIndex
};

// Every value x every seed (value-major: a value's seeds run one after
// another), each checked as a Run would check it (values against the specs,
// including ranges that depend on other values), so a bad combination fails
// before anything trains. Throws Error(InvalidArgument) for seeds < 1 or a
// run that would be refused.
std::vector<SweepRunPlan> expandSweep(const RunSettings& base, const SweepSpec& sweep, int seeds = 1);

} // namespace aelab
