#pragma once
// Before a long run: can a file be written at `path`? A run whose model
// cannot be saved should fail in its first second, not after an hour.
#include <string>

namespace aelab {

// Throws Error(Io) naming the cause (no such folder, a folder given as the
// file, no permission, a read-only file system) unless a file can be created
// beside `path`. It creates and removes an empty probe file there: the only
// test that holds for root, read-only mounts and access-control lists alike.
// `what` names the destination in the message ("--save").
void checkCanWrite(const std::string& path, const std::string& what);

} // namespace aelab
