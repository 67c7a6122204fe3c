#include "data/Csv.h"

#include "math/Error.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <string_view>
#include <system_error>

namespace aelab {

namespace {

constexpr std::size_t kMaxColumns = std::size_t(1) << 16;
constexpr const char* kMemoryAdvice = "use a subset of the rows, or free memory";

struct Cell {
    std::string text; // trimmed, quotes removed
    int column = 1;   // 1-based character position where the cell starts
};

struct Line {
    std::string_view text;
    long long number = 0;
};

std::string_view trim(std::string_view s)
{
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

std::string lower(std::string s)
{
    for (char& c : s)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string where(const std::string& path, long long line, int column)
{
    return path + ":" + std::to_string(line) + ":" + std::to_string(column);
}

// Splits one line into cells; a quoted cell may hold the delimiter and "".
std::vector<Cell> splitRow(const std::string& path, const Line& line, char delimiter)
{
    std::vector<Cell> cells;
    const std::string_view s = line.text;
    std::size_t i = 0;
    while (true) {
        Cell cell;
        while (i < s.size() && (s[i] == ' ' || (s[i] == '\t' && delimiter != '\t')))
            ++i;
        cell.column = int(i) + 1;
        if (i < s.size() && s[i] == '"') {
            std::size_t j = i + 1;
            while (true) {
                if (j >= s.size())
                    fail(ErrorKind::Format, where(path, line.number, cell.column)
                             + ": unterminated quoted cell (a '\"' without its closing '\"')");
                if (s[j] == '"') {
                    if (j + 1 < s.size() && s[j + 1] == '"') {
                        cell.text += '"';
                        j += 2;
                        continue;
                    }
                    break;
                }
                cell.text += s[j++];
            }
            i = j + 1;
            while (i < s.size() && s[i] != delimiter) {
                if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
                    fail(ErrorKind::Format, where(path, line.number, int(i) + 1)
                             + ": unexpected text after a quoted cell");
                ++i;
            }
            cell.text = std::string(trim(cell.text));
        } else {
            const std::size_t end = std::min(s.find(delimiter, i), s.size());
            cell.text = std::string(trim(s.substr(i, end - i)));
            i = end;
        }
        cells.push_back(std::move(cell));
        if (cells.size() > kMaxColumns)
            fail(ErrorKind::Format, where(path, line.number, 1) + ": more than "
                     + std::to_string(kMaxColumns) + " columns");
        if (i >= s.size())
            break;
        ++i; // skip the delimiter; a trailing one yields a last empty cell
    }
    return cells;
}

std::optional<double> parseNumber(std::string_view text, bool decimalComma)
{
    if (!text.empty() && text.front() == '+')
        text.remove_prefix(1);
    if (text.empty())
        return std::nullopt;
    std::string buffer;
    if (decimalComma && text.find(',') != std::string_view::npos) {
        buffer = std::string(text);
        std::replace(buffer.begin(), buffer.end(), ',', '.');
        text = buffer;
    }
    double value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size())
        return std::nullopt;
    return value;
}

char detectDelimiter(std::string_view firstLine)
{
    if (firstLine.find('\t') != std::string_view::npos)
        return '\t';
    if (firstLine.find(';') != std::string_view::npos)
        return ';';
    return ',';
}

std::string readWholeFile(const std::string& path, std::uint64_t maxBytes, const MemoryBudget& budget)
{
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        fail(ErrorKind::Io, path + ": is a directory, not a CSV file");
    std::ifstream in(path, std::ios::binary);
    if (!in)
        fail(ErrorKind::Io, path + ": cannot open CSV file (missing or unreadable)");
    const auto size = std::filesystem::file_size(path, ec);
    if (!ec && size > maxBytes)
        fail(ErrorKind::Unsupported, path + ": CSV file is " + std::to_string(size >> 20)
                 + " MiB, above the " + std::to_string(maxBytes >> 20)
                 + " MiB limit; convert it to IDX or use a subset");
    if (!ec)
        requireMemory(budget, size, path, kMemoryAdvice);
    std::string text(ec ? 0 : std::size_t(size), '\0');
    in.read(text.data(), std::streamsize(text.size()));
    text.resize(std::size_t(in.gcount()));
    if (in.bad())
        fail(ErrorKind::Io, path + ": read error");
    return text;
}

std::vector<Line> splitLines(const std::string& text)
{
    std::vector<Line> lines;
    std::string_view all(text);
    if (all.substr(0, 3) == "\xEF\xBB\xBF") // UTF-8 byte order mark
        all.remove_prefix(3);
    long long number = 0;
    while (!all.empty()) {
        const std::size_t end = std::min(all.find('\n'), all.size());
        std::string_view line = all.substr(0, end);
        all.remove_prefix(std::min(end + 1, all.size()));
        ++number;
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        const std::string_view content = trim(line);
        if (content.empty() || content.front() == '#')
            continue;
        lines.push_back({line, number});
    }
    return lines;
}

bool isHeader(const std::vector<Cell>& first, const std::vector<Cell>* second, bool decimalComma)
{
    for (std::size_t j = 0; j < first.size(); ++j) {
        if (parseNumber(first[j].text, decimalComma))
            continue;
        if (!second)
            return true;
        if (j < second->size() && parseNumber((*second)[j].text, decimalComma))
            return true;
    }
    return false;
}

int resolveLabelColumn(const std::string& path, const std::string& spec,
                       const std::vector<Cell>* header, const std::vector<Cell>& firstData,
                       bool decimalComma)
{
    const int columns = int(firstData.size());
    if (spec.empty() || spec == "none")
        return -1;
    if (spec == "last")
        return columns - 1;
    if (spec == "auto") {
        if (header) {
            for (const char* name : {"label", "labels", "class", "target", "category"})
                for (int j = 0; j < int(header->size()); ++j)
                    if (lower((*header)[j].text) == name)
                        return j;
        }
        int textColumn = -1;
        for (int j = 0; j < columns; ++j) {
            if (!parseNumber(firstData[j].text, decimalComma)) {
                if (textColumn >= 0)
                    return -1; // several text columns: let the row check report it
                textColumn = j;
            }
        }
        return textColumn;
    }
    if (std::all_of(spec.begin(), spec.end(), [](char c) { return c >= '0' && c <= '9'; })) {
        if (spec.size() > 6 || std::stoi(spec) >= columns)
            fail(ErrorKind::InvalidArgument, path + ": label column " + spec + " is out of range; "
                     "the file has " + std::to_string(columns) + " columns (counted from 0)");
        return std::stoi(spec);
    }
    if (!header)
        fail(ErrorKind::InvalidArgument, path + ": has no header row, so its label column cannot "
                 "be named '" + spec + "'; give its 0-based index or \"last\"");
    for (int pass = 0; pass < 2; ++pass)
        for (int j = 0; j < int(header->size()); ++j) {
            const std::string& name = (*header)[j].text;
            if (pass == 0 ? name == spec : lower(name) == lower(spec))
                return j;
        }
    std::string names;
    for (const Cell& c : *header)
        names += (names.empty() ? "" : ", ") + c.text;
    fail(ErrorKind::InvalidArgument, path + ": has no column named '" + spec
             + "'; its columns are: " + names);
}

std::string formatNumber(double v)
{
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

// Maps label texts to 0..k-1 in sorted order, naming each class.
void assignLabels(const std::string& path, const std::vector<std::string>& texts,
                  bool decimalComma, int maxClasses, Dataset& out)
{
    bool allNumeric = true;
    for (const std::string& t : texts)
        if (!parseNumber(t, decimalComma)) {
            allNumeric = false;
            break;
        }
    std::vector<int> labels(texts.size());
    if (allNumeric) {
        std::map<double, int> classes; // "3" and "3.0" are one class
        for (const std::string& t : texts)
            classes.emplace(*parseNumber(t, decimalComma), 0);
        if (int(classes.size()) > maxClasses)
            fail(ErrorKind::Format, path + ": the label column has " + std::to_string(classes.size())
                     + " distinct values; a class label column may have at most "
                     + std::to_string(maxClasses) + " (choose another with the label option, or none)");
        int next = 0;
        for (auto& [value, index] : classes) {
            index = next++;
            out.classNames.push_back(formatNumber(value));
        }
        for (std::size_t i = 0; i < texts.size(); ++i)
            labels[i] = classes.at(*parseNumber(texts[i], decimalComma));
    } else {
        std::map<std::string, int> classes;
        for (const std::string& t : texts)
            classes.emplace(t, 0);
        if (int(classes.size()) > maxClasses)
            fail(ErrorKind::Format, path + ": the label column has " + std::to_string(classes.size())
                     + " distinct values; a class label column may have at most "
                     + std::to_string(maxClasses) + " (choose another with the label option, or none)");
        int next = 0;
        for (auto& [name, index] : classes) {
            index = next++;
            out.classNames.push_back(name);
        }
        for (std::size_t i = 0; i < texts.size(); ++i)
            labels[i] = classes.at(texts[i]);
    }
    out.trainY = std::move(labels);
}

} // namespace

Dataset readCsv(const std::string& path, const CsvOptions& options)
{
    const std::string text = readWholeFile(path, options.maxBytes, options.memory);
    const std::vector<Line> lines = splitLines(text);
    if (lines.empty())
        fail(ErrorKind::Format, path + ": CSV file is empty (no data rows)");

    const char delimiter = options.delimiter ? options.delimiter : detectDelimiter(lines[0].text);
    const bool decimalComma = delimiter == ';';
    const std::vector<Cell> first = splitRow(path, lines[0], delimiter);
    std::vector<Cell> second;
    if (lines.size() > 1)
        second = splitRow(path, lines[1], delimiter);
    const bool header = isHeader(first, lines.size() > 1 ? &second : nullptr, decimalComma);
    const std::size_t firstDataLine = header ? 1 : 0;
    if (firstDataLine >= lines.size())
        fail(ErrorKind::Format, path + ": CSV file has a header row but no data rows");
    const std::vector<Cell>& firstData = header ? second : first;
    const std::size_t columns = firstData.size();
    if (header && first.size() != columns)
        fail(ErrorKind::Format, where(path, lines[1].number, 1) + ": row has "
                 + std::to_string(columns) + " cells, but the header on line "
                 + std::to_string(lines[0].number) + " has " + std::to_string(first.size()));

    const int labelColumn = resolveLabelColumn(path, options.labelColumn, header ? &first : nullptr,
                                               firstData, decimalComma);
    const std::size_t features = columns - (labelColumn >= 0 ? 1 : 0);
    if (features == 0)
        fail(ErrorKind::Format, path + ": CSV file has no feature columns besides the label");
    const std::size_t rows = lines.size() - firstDataLine;
    if (std::uint64_t(rows) * columns > options.maxCells)
        fail(ErrorKind::Unsupported, path + ": CSV file has more than "
                 + std::to_string(options.maxCells) + " cells; use a subset");

    requireMemory(options.memory, datasetBytesEstimate(rows * features, text.size() + lines.size() * sizeof(Line)),
                  path, kMemoryAdvice);

    Dataset out;
    out.trainX.resize(Eigen::Index(rows), Eigen::Index(features));
    Scalar* values = out.trainX.data();   // row-major: filled in reading order
    std::vector<std::string> labelTexts;
    for (std::size_t r = firstDataLine; r < lines.size(); ++r) {
        const Line& line = lines[r];
        const std::vector<Cell> cells = (r == 1 && header) ? second : splitRow(path, line, delimiter);
        if (cells.size() != columns)
            fail(ErrorKind::Format, where(path, line.number, 1) + ": row has "
                     + std::to_string(cells.size()) + " cells, expected " + std::to_string(columns)
                     + " like line " + std::to_string(lines[firstDataLine].number));
        for (std::size_t j = 0; j < columns; ++j) {
            const Cell& cell = cells[j];
            if (int(j) == labelColumn) {
                if (cell.text.empty())
                    fail(ErrorKind::Format, where(path, line.number, cell.column) + ": empty label cell");
                labelTexts.push_back(cell.text);
                continue;
            }
            const auto value = parseNumber(cell.text, decimalComma);
            const std::string column = "column " + std::to_string(j + 1)
                + (header ? " \"" + first[j].text + "\"" : std::string());
            if (!value)
                fail(ErrorKind::Format, where(path, line.number, cell.column) + ": "
                         + (cell.text.empty() ? std::string("empty cell") : "'" + cell.text + "' is not a number")
                         + " (" + column + ")");
            if (!std::isfinite(*value))
                fail(ErrorKind::Format, where(path, line.number, cell.column) + ": '" + cell.text
                         + "' is not a finite number (" + column + ")");
            *values++ = Scalar(*value);
        }
    }

    out.name = std::filesystem::path(path).filename().string();
    out.shape = SampleShape{1, 1, int(features)};
    out.testX = Matrix(0, Eigen::Index(features));
    if (labelColumn >= 0)
        assignLabels(path, labelTexts, decimalComma, options.maxClasses, out);
    return out;
}

} // namespace aelab
