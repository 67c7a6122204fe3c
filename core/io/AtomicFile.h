#pragma once
// Write-and-rename: a file is either its old bytes or its complete new bytes,
// never a torn mix, even if the program dies or the disk fills up mid-write.
#include <functional>
#include <ostream>
#include <string>
#include <string_view>

namespace aelab {

// Runs `writer` on a stream into a temporary file beside `path`
// (path + ".tmp-<pid>-<n>"), flushes and fsyncs it, checks for write errors,
// then renames it over `path`. On any failure, including `writer` throwing,
// the temporary is removed, `path` is left untouched and an Error is thrown
// (ErrorKind::Io; an aelab::Error thrown by `writer` passes through as is).
void writeFileAtomically(const std::string& path,
                         const std::function<void(std::ostream&)>& writer);

// The same for bytes already in memory.
void writeFileAtomically(const std::string& path, std::string_view bytes);

} // namespace aelab
