#include "cli/Args.h"

#include "math/Error.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>

namespace aelab::cli {

namespace {
bool mayRepeat(const std::string& key) { return key == "param"; }
} // namespace

Args Args::parse(const std::vector<std::string>& words)
{
    Args args;
    if (words.empty())
        return args;
    args.m_command = words[0];
    for (std::size_t i = 1; i < words.size(); ++i) {
        const std::string& w = words[i];
        if (w.size() < 3 || w.rfind("--", 0) != 0)
            fail(ErrorKind::InvalidArgument, "unexpected argument '" + w + "' (flags look like --name value)");
        std::string key = w.substr(2), value;
        const auto eq = key.find('=');
        if (eq != std::string::npos) {
            value = key.substr(eq + 1);
            key = key.substr(0, eq);
        } else {
            if (i + 1 >= words.size())
                fail(ErrorKind::InvalidArgument, "--" + key + " needs a value");
            value = words[++i];
        }
        if (mayRepeat(key)) {
            args.m_repeated[key].push_back(value);
            continue;
        }
        if (args.m_values.count(key))
            fail(ErrorKind::InvalidArgument, "--" + key + " is given twice");
        args.m_values[key] = value;
    }
    return args;
}

std::optional<std::string> Args::get(const std::string& key) const
{
    consume(key);
    auto it = m_values.find(key);
    if (it == m_values.end())
        return std::nullopt;
    return it->second;
}

std::string Args::get(const std::string& key, const std::string& fallback) const
{
    return get(key).value_or(fallback);
}

long long Args::integer(const std::string& key, long long fallback, long long min, long long max) const
{
    const auto text = get(key);
    if (!text)
        return fallback;
    char* end = nullptr;
    errno = 0;
    const long long v = std::strtoll(text->c_str(), &end, 10);
    if (text->empty() || *end != '\0' || errno != 0)
        fail(ErrorKind::InvalidArgument, "--" + key + " '" + *text + "' is not a whole number");
    if (v < min || v > max)
        fail(ErrorKind::InvalidArgument, "--" + key + " " + *text + " is out of range: expected ["
             + std::to_string(min) + ", " + std::to_string(max) + "]");
    return v;
}

double Args::real(const std::string& key, double fallback, double min, double max) const
{
    const auto text = get(key);
    if (!text)
        return fallback;
    char* end = nullptr;
    const double v = std::strtod(text->c_str(), &end);
    if (text->empty() || *end != '\0' || !std::isfinite(v))
        fail(ErrorKind::InvalidArgument, "--" + key + " '" + *text + "' is not a number");
    if (v < min || v > max)
        fail(ErrorKind::InvalidArgument, "--" + key + " " + *text + " is out of range: expected ["
             + std::to_string(min) + ", " + std::to_string(max) + "]");
    return v;
}

std::vector<std::string> Args::all(const std::string& key) const
{
    consume(key);
    const auto it = m_repeated.find(key);
    return it == m_repeated.end() ? std::vector<std::string>{} : it->second;
}

void Args::rejectUnknown() const
{
    for (const auto& [key, values] : m_repeated)
        if (std::find(m_consumed.begin(), m_consumed.end(), key) == m_consumed.end())
            fail(ErrorKind::InvalidArgument, "unknown flag --" + key + " for '" + m_command
                 + "' (see aelab-cli help)");
    for (const auto& [key, value] : m_values)
        if (std::find(m_consumed.begin(), m_consumed.end(), key) == m_consumed.end())
            fail(ErrorKind::InvalidArgument, "unknown flag --" + key + " for '" + m_command
                 + "' (see aelab-cli help)");
}

} // namespace aelab::cli
