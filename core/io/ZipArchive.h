#pragma once
// Zip archives in memory, through libzip (Debian's libzip-dev): the container
// of session files. Writing builds the whole archive in memory, so the caller
// hands the bytes to writeFileAtomically; reading checks every size and count
// against the file and against limits before it inflates anything, and
// refuses with an Error(Format) naming what is wrong.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace aelab {

struct ZipEntry {
    std::string name;    // "session.json", "runs/1/final.safetensors"
    std::string bytes;
};

// The archive's bytes: entries deflated, in the given order. Throws
// Error(InvalidArgument) for an empty or duplicate name.
std::string zipBytes(const std::vector<ZipEntry>& entries);

// What a reader accepts. A zip bomb (a few kB that inflate to gigabytes)
// declares its sizes in the central directory; they are checked against
// these before anything is inflated, and each entry is inflated no further
// than its declared size.
struct ZipLimits {
    std::uint64_t maxFileBytes = 8ull << 30;    // the archive itself
    std::size_t maxEntries = 100000;
    std::uint64_t maxEntryBytes = 4ull << 30;   // one entry, inflated
    std::uint64_t maxTotalBytes = 8ull << 30;   // all entries, inflated
};

// Every entry of the zip file at `path`, by name. Throws Error(Io) when the
// file cannot be read and Error(Format), naming the path and the entry, when
// it is not a zip archive, is corrupt (CRC, truncated data) or exceeds a limit.
std::map<std::string, std::string> readZip(const std::string& path, const ZipLimits& limits = {});

} // namespace aelab
