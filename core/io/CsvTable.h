#pragma once
// A CSV table of named columns whose rows are filled by name, for result
// files (a probe's cells, a sweep's runs): a cell not set stays empty.
// Numbers are the shortest text that reads back to the same double, in any
// locale (std::to_chars); NaN and infinities are nan, inf and -inf; fields
// with a comma, quote or newline are quoted as RFC 4180 says.
#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

namespace aelab {

class CsvTable {
public:
    // Adds a column at the end unless it exists already.
    void addColumn(const std::string& name);

    // Starts a new row; set() fills it (adding the column if new).
    void newRow();
    void set(const std::string& column, const std::string& text);
    void set(const std::string& column, double value);
    void set(const std::string& column, long long value);
    void set(const std::string& column, int value) { set(column, (long long)value); }
    // settingText(value).
    void setJson(const std::string& column, const nlohmann::json& value);

    std::size_t rows() const { return m_rows.size(); }
    const std::vector<std::string>& columns() const { return m_columns; }
    std::string text() const;   // header line, then one line per row, each ending in \n

    static std::string number(double value);

private:
    std::vector<std::string> m_columns;
    std::vector<std::map<std::string, std::string>> m_rows;
};

// A setting's value as a user would type it: numbers as numbers (shortest
// text), strings bare, true/false, a list as 512,256, anything else as
// compact JSON.
std::string settingText(const nlohmann::json& value);

} // namespace aelab
