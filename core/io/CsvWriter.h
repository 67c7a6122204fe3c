#pragma once
// CSV export of a matrix (embeddings, reconstructions, metrics) for
// spreadsheets and pandas.
#include "io/AtomicFile.h"
#include "math/Matrix.h"

#include <string>
#include <vector>

namespace aelab {

// Writes one line per row of `values`, atomically.
// - columnNames: when non-empty, a header line is written first; it must name
//   every column of `values` (the label column is named "label").
// - labels: when non-empty, one per row, written as a first column "label".
// Numbers use the shortest text that reads back to the same Scalar (at most
// 9 significant digits for float, as %.9g would give), whatever the C locale;
// NaN and infinities are written as nan, inf and -inf. Names
// containing a comma, quote or newline are quoted as RFC 4180 says.
// Throws Error(InvalidArgument) for mismatched sizes, Error(Io) on failure.
void writeCsv(const std::string& path, const Matrix& values,
              const std::vector<std::string>& columnNames = {},
              const std::vector<int>& labels = {});

// The same file as a writer for writeFilesAtomically (codes beside their
// arrays); sizes are checked now (`path` names it), and `values` and
// `labels` must outlive the writer.
StreamWriter csvWriter(const std::string& path, const Matrix& values, const std::vector<std::string>& columnNames = {},
                       const std::vector<int>& labels = {});

} // namespace aelab
