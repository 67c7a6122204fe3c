#include "CsvRows.h"

namespace aelab::test {

std::vector<std::map<std::string, std::string>> csvRows(const std::string& text)
{
    std::vector<std::vector<std::string>> lines;
    std::vector<std::string> fields;
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"')
                field += '"', ++i;
            else if (c == '"')
                quoted = false;
            else
                field += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            fields.push_back(field), field.clear();
        } else if (c == '\n') {
            fields.push_back(field), field.clear();
            lines.push_back(fields), fields.clear();
        } else {
            field += c;
        }
    }
    std::vector<std::map<std::string, std::string>> rows;
    for (std::size_t r = 1; r < lines.size(); ++r) {
        std::map<std::string, std::string> row;
        for (std::size_t c = 0; c < lines[0].size(); ++c)
            row[lines[0][c]] = c < lines[r].size() ? lines[r][c] : "";
        rows.push_back(row);
    }
    return rows;
}

} // namespace aelab::test
