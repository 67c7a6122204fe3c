#pragma once
// Write-and-rename: a file is either its old bytes or its complete new bytes,
// never a torn mix, even if the program dies or the disk fills up mid-write.
#include <functional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace aelab {

using StreamWriter = std::function<void(std::ostream&)>;

// Runs `writer` on a stream into a temporary file beside `path`
// (path + ".tmp-<pid>-<n>", see io/TemporaryFiles.h), flushes and fsyncs it,
// checks for write errors, then renames it over `path`. On any failure,
// including `writer` throwing, the temporary is removed, `path` is left
// untouched and an Error is thrown (ErrorKind::Io, naming the path and the
// cause: a full disk, the file-size limit, permissions; an aelab::Error
// thrown by `writer` passes through as is). A file-size limit (ulimit -f) is
// an error like the others: the first call stops SIGXFSZ from killing the
// process. Each call also removes what saves of `path` killed mid-write left.
void writeFileAtomically(const std::string& path, const StreamWriter& writer);

// The same for bytes already in memory.
void writeFileAtomically(const std::string& path, std::string_view bytes);

// Several files that belong together (codes and their labels): every
// temporary is written completely before any file is replaced, and a rename
// that fails puts back the files already replaced, so either all change or
// none does (a crash between the renames can still leave a mix).
struct FileWrite {
    std::string path;
    StreamWriter writer;
};
void writeFilesAtomically(const std::vector<FileWrite>& files);

} // namespace aelab
