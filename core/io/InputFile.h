#pragma once
// Opening a file for binary reading, with the checks every reader makes
// first: it exists, it is a regular file, it opens, and its size is known.
#include <cstdint>
#include <fstream>
#include <string>

namespace aelab {

// Opens `path` into `in` and returns its size in bytes; throws Error(Io)
// with the path in the message otherwise.
std::uint64_t openForReading(std::ifstream& in, const std::string& path);

} // namespace aelab
