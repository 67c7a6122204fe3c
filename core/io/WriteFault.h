#pragma once
// A failure a test can inject into the atomic writer (io/AtomicFile.h): a
// full disk, a file-size limit or a permission error at a chosen step, so the
// fault tests check what a failed save leaves behind without filling a disk
// or needing an unprivileged user (root's writes ignore permissions).
#include <cstddef>
#include <cstdint>
#include <optional>

namespace aelab {

enum class WriteStep { Create, Write, Rename };

struct WriteFault {
    WriteStep step = WriteStep::Write;
    int error = 0;                // the errno the call fails with: ENOSPC, EFBIG, EACCES...
    int file = 1;                 // the file it hits: 1 = the first one the writer reaches that step with
    std::uint64_t afterBytes = 0; // Write: this many bytes of that file go through first
};

// Arms `fault` for the writes that follow (process-wide), or disarms it with
// std::nullopt. For tests only.
void injectWriteFault(std::optional<WriteFault> fault);

namespace fault {
// The writer's side. Create and Rename count their calls since arming and
// return the errno to fail with, or 0; createFile also numbers the file.
int onCreate(int& fileNumber);
int onRename();
// How many of `size` bytes may go to file `fileNumber`, which has `written`
// bytes so far; when fewer than `size`, `error` is the errno after them.
std::size_t allowedWrite(int fileNumber, std::uint64_t written, std::size_t size, int& error);
} // namespace fault

} // namespace aelab
