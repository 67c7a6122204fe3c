#include "io/Destination.h"

#include "math/Error.h"

#include <cerrno>
#include <cstring>
#include <filesystem>

#include <stdlib.h>
#include <unistd.h>

namespace aelab {

void checkCanWrite(const std::string& path, const std::string& what)
{
    namespace fs = std::filesystem;
    if (path.empty())
        fail(ErrorKind::InvalidArgument, what + " needs a file name");
    std::error_code ec;
    if (fs::is_directory(path, ec))
        fail(ErrorKind::Io, what + " " + path + " is a folder; give a file name");
    const fs::path parent = fs::path(path).parent_path();
    const fs::path folder = parent.empty() ? fs::path(".") : parent;
    if (!fs::is_directory(folder, ec))
        fail(ErrorKind::Io, what + " " + path + ": the folder " + folder.string() + " does not exist");
    std::string probe = (folder / ".aelab-write-test-XXXXXX").string();
    const int fd = ::mkstemp(probe.data());
    if (fd < 0) {
        const int error = errno;
        fail(ErrorKind::Io, what + " " + path + ": cannot write in " + folder.string() + " ("
             + std::strerror(error) + ")");
    }
    ::close(fd);
    ::unlink(probe.c_str());
}

} // namespace aelab
