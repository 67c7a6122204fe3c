#include "io/CsvTable.h"

#include "math/Error.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace aelab {

namespace {

std::string quoted(const std::string& field)
{
    if (field.find_first_of(",\"\r\n") == std::string::npos)
        return field;
    std::string out = "\"";
    for (const char c : field) {
        if (c == '"')
            out += '"';
        out += c;
    }
    return out + "\"";
}

} // namespace

std::string CsvTable::number(double value)
{
    if (std::isnan(value))
        return "nan";
    if (std::isinf(value))
        return value < 0 ? "-inf" : "inf";
    char buf[64];
    const auto result = std::to_chars(buf, buf + sizeof buf, value);
    return std::string(buf, result.ptr);
}

void CsvTable::addColumn(const std::string& name)
{
    if (std::find(m_columns.begin(), m_columns.end(), name) == m_columns.end())
        m_columns.push_back(name);
}

void CsvTable::newRow() { m_rows.emplace_back(); }

void CsvTable::set(const std::string& column, const std::string& text)
{
    if (m_rows.empty())
        fail(ErrorKind::InvalidArgument, "CsvTable: set() before newRow()");
    addColumn(column);
    m_rows.back()[column] = text;
}

void CsvTable::set(const std::string& column, double value) { set(column, number(value)); }

void CsvTable::set(const std::string& column, long long value) { set(column, std::to_string(value)); }

void CsvTable::setJson(const std::string& column, const nlohmann::json& value)
{
    set(column, settingText(value));
}

std::string settingText(const nlohmann::json& value)
{
    if (value.is_string())
        return value.get<std::string>();
    if (value.is_number_integer())
        return std::to_string(value.get<long long>());
    if (value.is_number())
        return CsvTable::number(value.get<double>());
    if (value.is_boolean())
        return value.get<bool>() ? "true" : "false";
    if (value.is_null())
        return {};
    if (value.is_array()) {   // a list setting ("hidden"): as typed, 512,256
        std::string text;
        for (const auto& item : value)
            text += (text.empty() ? "" : ",") + settingText(item);
        return text;
    }
    return value.dump();
}

std::string CsvTable::text() const
{
    std::string out;
    for (std::size_t c = 0; c < m_columns.size(); ++c)
        out += (c ? "," : "") + quoted(m_columns[c]);
    out += "\n";
    for (const auto& row : m_rows) {
        for (std::size_t c = 0; c < m_columns.size(); ++c) {
            if (c)
                out += ",";
            const auto it = row.find(m_columns[c]);
            if (it != row.end())
                out += quoted(it->second);
        }
        out += "\n";
    }
    return out;
}

} // namespace aelab
