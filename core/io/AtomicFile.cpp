#include "io/AtomicFile.h"

#include "math/Error.h"

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <streambuf>
#include <unistd.h>
#include <vector>

namespace aelab {

namespace {

std::string errnoText(int err) { return std::strerror(err); }

// A buffered output streambuf over a POSIX descriptor, so the data can be
// fsync'ed (std::ofstream gives no access to its descriptor). It remembers the
// first write error; the stream then goes bad.
class FdOutBuf : public std::streambuf {
public:
    explicit FdOutBuf(int fd) : m_fd(fd), m_buffer(1 << 16)
    {
        setp(m_buffer.data(), m_buffer.data() + m_buffer.size());
    }
    int error() const { return m_error; }

protected:
    int_type overflow(int_type ch) override
    {
        if (!drain())
            return traits_type::eof();
        if (!traits_type::eq_int_type(ch, traits_type::eof())) {
            *pptr() = traits_type::to_char_type(ch);
            pbump(1);
        }
        return traits_type::not_eof(ch);
    }

    int sync() override { return drain() ? 0 : -1; }

private:
    bool drain()
    {
        if (m_error != 0)
            return false;
        const char* p = pbase();
        std::size_t left = static_cast<std::size_t>(pptr() - pbase());
        while (left > 0) {
            const ssize_t n = ::write(m_fd, p, left);
            if (n < 0) {
                if (errno == EINTR)
                    continue;
                m_error = errno;
                return false;
            }
            p += n;
            left -= static_cast<std::size_t>(n);
        }
        setp(m_buffer.data(), m_buffer.data() + m_buffer.size());
        return true;
    }

    int m_fd;
    int m_error = 0;
    std::vector<char> m_buffer;
};

// Owns the temporary: closes and unlinks it unless the rename went through.
class TempFile {
public:
    explicit TempFile(std::string path) : m_path(std::move(path)) {}
    ~TempFile()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        if (!m_committed)
            ::unlink(m_path.c_str());
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;

    int m_fd = -1;
    std::string m_path;
    bool m_committed = false;
};

std::string tempPathFor(const std::string& path)
{
    // The pid keeps processes apart, the counter keeps threads apart.
    static std::atomic<unsigned> counter{0};
    return path + ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter++);
}

// Makes the rename itself durable. Best effort: some filesystems refuse
// fsync on a directory, and the data is already safe either way.
void syncParentDirectory(const std::string& path)
{
    std::filesystem::path parent = std::filesystem::path(path).parent_path();
    if (parent.empty())
        parent = ".";
    const int dirFd = ::open(parent.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (dirFd >= 0) {
        ::fsync(dirFd);
        ::close(dirFd);
    }
}

} // namespace

void writeFileAtomically(const std::string& path,
                         const std::function<void(std::ostream&)>& writer)
{
    if (path.empty())
        throw Error(ErrorKind::InvalidArgument, "cannot write a file with an empty path");

    TempFile temp(tempPathFor(path));
    temp.m_fd = ::open(temp.m_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    if (temp.m_fd < 0)
        throw Error(ErrorKind::Io, "cannot write " + path + ": cannot create " + temp.m_path
                                       + ": " + errnoText(errno));

    FdOutBuf buf(temp.m_fd);
    std::ostream out(&buf);
    try {
        writer(out);
    } catch (const Error&) {
        throw;
    } catch (const std::exception& e) {
        throw Error(ErrorKind::Io, "cannot write " + path + ": " + e.what());
    }
    out.flush();
    if (!out || buf.error() != 0) {
        const int err = buf.error();
        throw Error(ErrorKind::Io, "cannot write " + path + ": "
                                       + (err != 0 ? errnoText(err) : std::string("stream error")));
    }
    if (::fsync(temp.m_fd) != 0)
        throw Error(ErrorKind::Io, "cannot write " + path + ": fsync failed: " + errnoText(errno));
    const int fd = temp.m_fd;
    temp.m_fd = -1;
    if (::close(fd) != 0)
        throw Error(ErrorKind::Io, "cannot write " + path + ": close failed: " + errnoText(errno));
    if (std::rename(temp.m_path.c_str(), path.c_str()) != 0)
        throw Error(ErrorKind::Io, "cannot write " + path + ": rename failed: " + errnoText(errno));
    temp.m_committed = true;
    syncParentDirectory(path);
}

void writeFileAtomically(const std::string& path, std::string_view bytes)
{
    writeFileAtomically(path, [bytes](std::ostream& out) {
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    });
}

} // namespace aelab
