#pragma once
// The values of a variant's hyperparameters, checked against its specs.
// Values are kept as JSON so they go into files and metrics unchanged.
#include "models/ParamSpec.h"

namespace aelab {

class HyperParams {
public:
    HyperParams() = default;
    static HyperParams defaults(const std::vector<ParamSpec>& specs);

    // Parses the text form a user typed ("1e-3", "512,256", "true") and
    // checks it against the spec; throws Error(InvalidArgument) naming the key
    // and the allowed range. Ranges that depend on other values (RangeWhen)
    // are checked by validate(), once every value is in, so the order in
    // which values are set does not matter.
    void setFromText(const ParamSpec& spec, const std::string& text);
    void set(const ParamSpec& spec, const nlohmann::json& value);

    // Checks every value against its spec and the ranges that apply given
    // the others; fills missing keys with defaults; rejects keys the specs
    // do not know.
    void validate(const std::vector<ParamSpec>& specs);

    // Whether a condition on these values holds (false for an unset key).
    bool holds(const ParamCondition& condition) const;
    // The narrower range of `spec` that applies given these values, if any.
    const RangeWhen* rangeFor(const ParamSpec& spec) const;

    bool has(const std::string& key) const { return m_values.contains(key); }
    double real(const std::string& key) const;
    int integer(const std::string& key) const;
    bool flag(const std::string& key) const;
    std::string choice(const std::string& key) const;
    std::vector<int> intList(const std::string& key) const;

    const nlohmann::json& json() const { return m_values; }
    static HyperParams fromJson(const nlohmann::json& values, const std::vector<ParamSpec>& specs);
    std::string text(const std::string& key) const;   // the value as a user would type it

private:
    void checkRangeWhen(const ParamSpec& spec) const;

    nlohmann::json m_values = nlohmann::json::object();
};

// The settings `hp` gets from its Choice values' implications (ParamSpec::
// implies), except those in `given` (set by the user); what was applied, in
// spec order.
struct AppliedImplication {
    std::string from, fromValue;   // "activation", "linear"
    std::string key, value;        // "output", "linear-mse"
};
std::vector<AppliedImplication> applyImplications(HyperParams& hp, const std::vector<ParamSpec>& specs,
                                                  const std::vector<std::string>& given);

// Checks a value against a spec and returns it normalised, or throws.
nlohmann::json checkValue(const ParamSpec& spec, const nlohmann::json& value);
nlohmann::json parseValue(const ParamSpec& spec, const std::string& text);
const ParamSpec* findSpec(const std::vector<ParamSpec>& specs, const std::string& key);

} // namespace aelab
