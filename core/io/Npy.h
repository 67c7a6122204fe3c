#pragma once
// NumPy .npy files (format 1.0), for exporting embeddings and reconstructions
// to Python: numpy.load reads them as they are.
#include "io/AtomicFile.h"
#include "math/Matrix.h"

#include <cstdint>
#include <istream>
#include <string>
#include <vector>

namespace aelab {

// Writes m as a float32 ('<f4') array of shape (rows, cols) in C order,
// byte-identical to numpy.save of the same float32 array. With Scalar = double
// the values are rounded to float. Atomic; throws Error(Io) on failure.
void writeNpy(const std::string& path, const Matrix& m);

// Writes a 1-D int32 ('<i4') array, e.g. labels or cluster ids. Atomic.
void writeNpyInt(const std::string& path, const std::vector<int>& values);

// The same files as writers for writeFilesAtomically, to replace several
// together (codes and their labels). They keep references to m and values.
StreamWriter npyWriter(const Matrix& m);
StreamWriter npyIntWriter(const std::vector<int>& values);

// Reads a C-order '<f4' or '<f8' array of 1 or 2 dimensions (format 1.0 to
// 3.0). A 1-D array of n values becomes a 1 x n matrix. Throws Error(Io) when
// the file cannot be read and Error(Format), naming the path, when it is not
// such an array or its size does not match its header.
Matrix readNpy(const std::string& path);
// The same from `size` bytes of `in` (an entry of a session file).
Matrix readNpy(std::istream& in, std::uint64_t size, const std::string& path);

// Reads a 1-D '<i4' or '<i8' array whose values fit in an int.
std::vector<int> readNpyInt(const std::string& path);
std::vector<int> readNpyInt(std::istream& in, std::uint64_t size, const std::string& path);

} // namespace aelab
