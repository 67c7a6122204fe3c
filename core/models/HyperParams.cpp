#include "models/HyperParams.h"

#include "math/Error.h"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <sstream>

namespace aelab {

std::string typeName(ParamType type)
{
    switch (type) {
    case ParamType::Int: return "int";
    case ParamType::Real: return "real";
    case ParamType::Bool: return "bool";
    case ParamType::Choice: return "choice";
    case ParamType::IntList: return "list";
    }
    return "?";
}

namespace {

std::string number(double v)
{
    std::ostringstream s;
    s << v;
    return s.str();
}

[[noreturn]] void outOfRange(const ParamSpec& spec, const std::string& shown)
{
    fail(ErrorKind::InvalidArgument,
         "--" + spec.key + " " + shown + " is out of range: expected " + describeRange(spec));
}

bool parseDouble(const std::string& text, double& out)
{
    if (text.empty())
        return false;
    char* end = nullptr;
    out = std::strtod(text.c_str(), &end);
    return end && *end == '\0' && std::isfinite(out);
}

bool parseInt(const std::string& text, long long& out)
{
    if (text.empty())
        return false;
    char* end = nullptr;
    errno = 0;
    out = std::strtoll(text.c_str(), &end, 10);
    return end && *end == '\0' && errno == 0;
}

} // namespace

std::string describeRange(const ParamSpec& spec)
{
    switch (spec.type) {
    case ParamType::Int:
    case ParamType::Real:
        return "[" + number(spec.min) + ", " + number(spec.max) + "]";
    case ParamType::IntList:
        return "comma-separated whole numbers in [" + number(spec.min) + ", " + number(spec.max) + "]";
    case ParamType::Bool:
        return "true or false";
    case ParamType::Choice: {
        std::string s = "one of: ";
        for (std::size_t i = 0; i < spec.choices.size(); ++i)
            s += (i ? ", " : "") + spec.choices[i];
        return s;
    }
    }
    return "";
}

std::string describeCondition(const ParamCondition& condition)
{
    std::string s = "--" + condition.key + " is ";
    for (std::size_t i = 0; i < condition.values.size(); ++i)
        s += (i == 0 ? "" : i + 1 == condition.values.size() ? " or " : ", ") + condition.values[i];
    return s;
}

nlohmann::json checkValue(const ParamSpec& spec, const nlohmann::json& value)
{
    switch (spec.type) {
    case ParamType::Int: {
        if (!value.is_number_integer())
            fail(ErrorKind::InvalidArgument, "--" + spec.key + " must be a whole number");
        const long long v = value.get<long long>();
        if (double(v) < spec.min || double(v) > spec.max)
            outOfRange(spec, std::to_string(v));
        return v;
    }
    case ParamType::Real: {
        if (!value.is_number())
            fail(ErrorKind::InvalidArgument, "--" + spec.key + " must be a number");
        const double v = value.get<double>();
        if (!std::isfinite(v) || v < spec.min || v > spec.max)
            outOfRange(spec, number(v));
        return v;
    }
    case ParamType::Bool:
        if (!value.is_boolean())
            fail(ErrorKind::InvalidArgument, "--" + spec.key + " must be true or false");
        return value;
    case ParamType::Choice: {
        if (!value.is_string())
            fail(ErrorKind::InvalidArgument, "--" + spec.key + " must be " + describeRange(spec));
        const auto v = value.get<std::string>();
        for (const auto& c : spec.choices)
            if (c == v)
                return v;
        for (const auto& r : spec.refused)
            if (r.value == v)
                fail(ErrorKind::InvalidArgument, "--" + spec.key + " " + v + " is refused: " + r.why);
        fail(ErrorKind::InvalidArgument,
             "--" + spec.key + " '" + v + "' is not allowed: expected " + describeRange(spec));
    }
    case ParamType::IntList: {
        if (!value.is_array())
            fail(ErrorKind::InvalidArgument, "--" + spec.key + " must be a list of whole numbers");
        if (value.size() > 16)
            fail(ErrorKind::InvalidArgument, "--" + spec.key + " has more than 16 entries");
        nlohmann::json out = nlohmann::json::array();
        for (const auto& item : value) {
            if (!item.is_number_integer())
                fail(ErrorKind::InvalidArgument, "--" + spec.key + " must be a list of whole numbers");
            const long long v = item.get<long long>();
            if (double(v) < spec.min || double(v) > spec.max)
                outOfRange(spec, std::to_string(v));
            out.push_back(v);
        }
        return out;
    }
    }
    fail(ErrorKind::InvalidArgument, "--" + spec.key + ": unknown type");
}

nlohmann::json parseValue(const ParamSpec& spec, const std::string& text)
{
    switch (spec.type) {
    case ParamType::Int: {
        long long v;
        if (!parseInt(text, v))
            fail(ErrorKind::InvalidArgument, "--" + spec.key + " '" + text + "' is not a whole number");
        return checkValue(spec, v);
    }
    case ParamType::Real: {
        double v;
        if (!parseDouble(text, v))
            fail(ErrorKind::InvalidArgument, "--" + spec.key + " '" + text + "' is not a number");
        return checkValue(spec, v);
    }
    case ParamType::Bool:
        if (text == "true" || text == "1" || text == "on" || text == "yes")
            return true;
        if (text == "false" || text == "0" || text == "off" || text == "no")
            return false;
        fail(ErrorKind::InvalidArgument, "--" + spec.key + " '" + text + "' must be true or false");
    case ParamType::Choice:
        return checkValue(spec, text);
    case ParamType::IntList: {
        nlohmann::json list = nlohmann::json::array();
        if (text.empty() || text == "-" || text == "none")
            return checkValue(spec, list);
        std::stringstream ss(text);
        std::string item;
        while (std::getline(ss, item, ',')) {
            long long v;
            if (!parseInt(item, v))
                fail(ErrorKind::InvalidArgument,
                     "--" + spec.key + " '" + text + "' must be comma-separated whole numbers, e.g. 512,256");
            list.push_back(v);
        }
        return checkValue(spec, list);
    }
    }
    fail(ErrorKind::InvalidArgument, "--" + spec.key + ": unknown type");
}

const ParamSpec* findSpec(const std::vector<ParamSpec>& specs, const std::string& key)
{
    for (const auto& s : specs)
        if (s.key == key)
            return &s;
    return nullptr;
}

HyperParams HyperParams::defaults(const std::vector<ParamSpec>& specs)
{
    HyperParams hp;
    for (const auto& s : specs)
        hp.m_values[s.key] = s.defaultValue;
    return hp;
}

bool HyperParams::holds(const ParamCondition& condition) const
{
    const auto it = m_values.find(condition.key);
    if (it == m_values.end())
        return false;
    const std::string value = it->is_string() ? it->get<std::string>() : it->dump();
    return std::find(condition.values.begin(), condition.values.end(), value) != condition.values.end();
}

const RangeWhen* HyperParams::rangeFor(const ParamSpec& spec) const
{
    for (const RangeWhen& r : spec.rangesWhen)
        if (holds(r.when))
            return &r;
    return nullptr;
}

void HyperParams::checkRangeWhen(const ParamSpec& spec) const
{
    const RangeWhen* r = rangeFor(spec);
    const auto it = m_values.find(spec.key);
    if (!r || it == m_values.end() || !it->is_number())
        return;
    const double v = it->get<double>();
    if (v < r->min || v > r->max)
        fail(ErrorKind::InvalidArgument, "--" + spec.key + " " + number(v) + " is out of range when "
             + describeCondition(r->when) + ": expected [" + number(r->min) + ", " + number(r->max) + "]"
             + (r->why.empty() ? "" : " (" + r->why + ")"));
}

void HyperParams::setFromText(const ParamSpec& spec, const std::string& text)
{
    m_values[spec.key] = parseValue(spec, text);
}

void HyperParams::set(const ParamSpec& spec, const nlohmann::json& value)
{
    m_values[spec.key] = checkValue(spec, value);
}

void HyperParams::validate(const std::vector<ParamSpec>& specs)
{
    for (auto it = m_values.begin(); it != m_values.end(); ++it)
        if (!findSpec(specs, it.key()))
            fail(ErrorKind::InvalidArgument, "unknown hyperparameter '" + it.key() + "'");
    for (const auto& s : specs)
        m_values[s.key] = m_values.contains(s.key) ? checkValue(s, m_values[s.key]) : s.defaultValue;
    for (const auto& s : specs)
        checkRangeWhen(s);
}

HyperParams HyperParams::fromJson(const nlohmann::json& values, const std::vector<ParamSpec>& specs)
{
    if (!values.is_object())
        fail(ErrorKind::Format, "hyperparameters must be a JSON object");
    HyperParams hp;
    hp.m_values = values;
    hp.validate(specs);
    return hp;
}

namespace {
const nlohmann::json& lookup(const nlohmann::json& values, const std::string& key)
{
    auto it = values.find(key);
    if (it == values.end())
        fail(ErrorKind::InvalidArgument, "hyperparameter '" + key + "' is not set");
    return *it;
}
} // namespace

double HyperParams::real(const std::string& key) const { return lookup(m_values, key).get<double>(); }
int HyperParams::integer(const std::string& key) const { return lookup(m_values, key).get<int>(); }
bool HyperParams::flag(const std::string& key) const { return lookup(m_values, key).get<bool>(); }
std::string HyperParams::choice(const std::string& key) const { return lookup(m_values, key).get<std::string>(); }
std::vector<int> HyperParams::intList(const std::string& key) const { return lookup(m_values, key).get<std::vector<int>>(); }

std::string HyperParams::text(const std::string& key) const
{
    const auto& v = lookup(m_values, key);
    if (v.is_string())
        return v.get<std::string>();
    if (v.is_array()) {
        std::string s;
        for (const auto& item : v)
            s += (s.empty() ? "" : ",") + std::to_string(item.get<long long>());
        return s;
    }
    if (v.is_number_float())
        return number(v.get<double>());
    return v.dump();
}

std::vector<AppliedImplication> applyImplications(HyperParams& hp, const std::vector<ParamSpec>& specs,
                                                  const std::vector<std::string>& given)
{
    std::vector<AppliedImplication> applied;
    for (const ParamSpec& spec : specs) {
        if (spec.type != ParamType::Choice || !hp.has(spec.key))
            continue;
        for (const ParamImplication& i : spec.implies) {
            const ParamSpec* other = findSpec(specs, i.key);
            if (i.value != hp.choice(spec.key) || !other
                || std::find(given.begin(), given.end(), i.key) != given.end() || (hp.has(i.key) && hp.text(i.key) == i.to))
                continue;
            hp.setFromText(*other, i.to);
            applied.push_back({spec.key, i.value, i.key, i.to});
        }
    }
    return applied;
}

} // namespace aelab
