#include "io/InputFile.h"

#include "math/Error.h"

#include <cerrno>
#include <cstring>
#include <filesystem>

namespace aelab {

std::uint64_t openForReading(std::ifstream& in, const std::string& path)
{
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (!std::filesystem::exists(status))
        throw Error(ErrorKind::Io, path + ": no such file");
    if (!std::filesystem::is_regular_file(status))
        throw Error(ErrorKind::Io, path + ": not a regular file");
    in.open(path, std::ios::binary);
    if (!in)
        throw Error(ErrorKind::Io, "cannot open " + path + ": " + std::strerror(errno));
    in.seekg(0, std::ios::end);
    const std::streamoff end = in.tellg();
    in.seekg(0, std::ios::beg);
    if (end < 0 || !in)
        throw Error(ErrorKind::Io, "cannot read " + path);
    return static_cast<std::uint64_t>(end);
}

} // namespace aelab
