#pragma once
// Reader for numeric CSV files: one sample per row, every cell a number
// except an optional class-label column (numbers or names).
//
// - The delimiter is detected from the first row: tab, else ';', else ','.
//   With ';', decimal commas ("1,5") are accepted.
// - The first row is a header when it has text where the next row has a
//   number (or, alone, when it has any text).
// - Blank lines and lines starting with '#' are skipped; "..." quoting works
//   within a line.
// - Errors name the place as "file:line:column" (column = character, 1-based).
#include "data/Dataset.h"
#include "data/MemoryBudget.h"

#include <cstdint>
#include <string>

namespace aelab {

struct CsvOptions {
    // "auto": a header column named label/labels/class/target/category, else the
    //         one column holding text; otherwise no labels.
    // "none", "last", a header name, or a 0-based column index.
    std::string labelColumn = "auto";
    char delimiter = 0;                          // 0: detect
    std::uint64_t maxBytes = std::uint64_t(512) << 20;
    std::uint64_t maxCells = std::uint64_t(1) << 28;
    int maxClasses = 1000;                       // more distinct labels: not a class column
    MemoryBudget memory;                         // the file, then its values as floats, must fit
};

// All rows go into trainX/trainY; the test part and the fingerprint are left
// for the caller (the catalog splits and fingerprints). Labels are remapped
// to 0..k-1 in sorted order (numerically when all are numbers), and
// classNames holds the original values.
Dataset readCsv(const std::string& path, const CsvOptions& options = {});

} // namespace aelab
