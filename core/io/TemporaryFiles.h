#pragma once
// The temporaries of atomic writes: `<path>.tmp-<pid>-<n>` beside the file
// they will replace. A save killed mid-write (kill -9, a power cut) leaves
// one behind, as large as the file; the next save of that path removes it.
#include <chrono>
#include <string>

namespace aelab {

// A fresh temporary name for `path`: the pid keeps processes apart, the
// counter keeps threads apart.
std::string temporaryPathFor(const std::string& path);

// Removes the temporaries of `path` (that exact path and aelab's naming
// only) whose process no longer exists and which have not changed for
// `quiet`. The quiet time guards a writer kill() cannot see: one in another
// PID namespace (a container sharing the folder) looks dead but keeps
// writing. Best effort: what cannot be removed stays, silently.
void removeStaleTemporaries(const std::string& path,
                            std::chrono::seconds quiet = std::chrono::seconds(60));

} // namespace aelab
