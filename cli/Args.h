#pragma once
// aelab-cli's command line: a command word followed by --key value pairs.
// Every flag must be known to the command (or be one of the variant's
// hyperparameters), or the run stops with a one-line error.
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace aelab::cli {

class Args {
public:
    // Throws Error(InvalidArgument) for a malformed line (a value missing, a
    // word that is not a flag, a flag given twice: only --param may repeat).
    static Args parse(const std::vector<std::string>& words);

    const std::string& command() const { return m_command; }
    bool has(const std::string& key) const { return m_values.count(key) > 0; }
    std::optional<std::string> get(const std::string& key) const;
    std::string get(const std::string& key, const std::string& fallback) const;
    long long integer(const std::string& key, long long fallback, long long min, long long max) const;
    double real(const std::string& key, double fallback, double min, double max) const;
    // Every value of a flag that may repeat (--param k=v --param k2=v2).
    std::vector<std::string> all(const std::string& key) const;

    // Marks `key` as understood; rejectUnknown() then names any flag not marked.
    void consume(const std::string& key) const { m_consumed.push_back(key); }
    void rejectUnknown() const;
    const std::map<std::string, std::string>& values() const { return m_values; }

private:
    std::string m_command;
    std::map<std::string, std::string> m_values;
    std::map<std::string, std::vector<std::string>> m_repeated;
    mutable std::vector<std::string> m_consumed;
};

} // namespace aelab::cli
