#include "io/CsvWriter.h"

#include "io/AtomicFile.h"
#include "math/Error.h"

#include <charconv>
#include <cmath>
#include <ostream>

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

// std::to_chars rather than printf: the GUI's QCoreApplication sets the
// locale from the environment, and printf would then write "0,5" in a
// German one.
void appendNumber(std::string& line, Scalar v)
{
    if (std::isnan(v)) {
        line += "nan";
        return;
    }
    if (std::isinf(v)) {
        line += v < 0 ? "-inf" : "inf";
        return;
    }
    char buf[64];
    // Shortest text that reads back to the same value: at most 9 significant
    // digits for a float, like %.9g, but 0.1f stays "0.1".
    const auto result = std::to_chars(buf, buf + sizeof buf, v);
    line.append(buf, result.ptr);
}

} // namespace

void writeCsv(const std::string& path, const Matrix& values,
              const std::vector<std::string>& columnNames, const std::vector<int>& labels)
{
    writeFileAtomically(path, csvWriter(path, values, columnNames, labels));
}

StreamWriter csvWriter(const std::string& path, const Matrix& values, const std::vector<std::string>& columnNames,
                       const std::vector<int>& labels)
{
    if (!columnNames.empty() && columnNames.size() != static_cast<std::size_t>(values.cols()))
        throw Error(ErrorKind::InvalidArgument,
                    "cannot write " + path + ": " + std::to_string(columnNames.size())
                        + " column names for " + std::to_string(values.cols()) + " columns");
    if (!labels.empty() && labels.size() != static_cast<std::size_t>(values.rows()))
        throw Error(ErrorKind::InvalidArgument,
                    "cannot write " + path + ": " + std::to_string(labels.size()) + " labels for "
                        + std::to_string(values.rows()) + " rows");

    return [&values, columnNames, &labels](std::ostream& out) {
        std::string line;
        if (!columnNames.empty()) {
            if (!labels.empty())
                line += values.cols() > 0 ? "label," : "label";
            for (std::size_t c = 0; c < columnNames.size(); ++c) {
                if (c > 0)
                    line += ',';
                line += quoted(columnNames[c]);
            }
            out << line << '\n';
        }
        for (Eigen::Index r = 0; r < values.rows(); ++r) {
            line.clear();
            if (!labels.empty()) {
                line += std::to_string(labels[static_cast<std::size_t>(r)]);
                if (values.cols() > 0)
                    line += ',';
            }
            for (Eigen::Index c = 0; c < values.cols(); ++c) {
                if (c > 0)
                    line += ',';
                appendNumber(line, values(r, c));
            }
            out << line << '\n';
        }
    };
}

} // namespace aelab
