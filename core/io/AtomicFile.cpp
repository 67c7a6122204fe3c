#include "io/AtomicFile.h"

#include "io/TemporaryFiles.h"
#include "io/WriteFault.h"
#include "math/Error.h"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <memory>
#include <mutex>
#include <set>
#include <streambuf>
#include <sys/resource.h>
#include <unistd.h>

namespace aelab {

namespace {

// What a failed call means for the user, with what to do where it is clear.
std::string causeText(int err)
{
    switch (err) {
    case ENOSPC:
        return "the disk is full (no space left on the device)";
    case EDQUOT:
        return "the disk quota is used up";
    case EFBIG: {
        rlimit limit{};
        const bool known = ::getrlimit(RLIMIT_FSIZE, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY;
        return "the file would pass the file-size limit (ulimit -f"
               + (known ? ": " + std::to_string(limit.rlim_cur) + " bytes" : std::string()) + ")";
    }
    case EACCES:
        return "permission denied (this user may not write in that folder)";
    case EROFS:
        return "the file system is read-only";
    case EISDIR:
        return "it is a folder";
    case ENOENT:
        return "the folder does not exist";
    default:
        return std::strerror(err);
    }
}

[[noreturn]] void failWrite(const std::string& path, const std::string& what, int err)
{
    throw Error(ErrorKind::Io, "cannot write " + path + ": " + what + (what.empty() ? "" : ": ") + causeText(err));
}

// Past the file-size limit the kernel sends SIGXFSZ, whose default action
// kills the process without a word (exit 153). Ignored, write() fails with
// EFBIG instead, which the writer reports. A handler someone installed is
// left alone.
void letFileSizeLimitFailWrites()
{
    static std::once_flag once;
    std::call_once(once, [] {
        struct sigaction current {};
        if (::sigaction(SIGXFSZ, nullptr, &current) == 0 && current.sa_handler == SIG_DFL)
            std::signal(SIGXFSZ, SIG_IGN);
    });
}

// A buffered output streambuf over a POSIX descriptor, so the data can be
// fsync'ed (std::ofstream gives no access to its descriptor). It remembers the
// first write error; the stream then goes bad.
class FdOutBuf : public std::streambuf {
public:
    FdOutBuf(int fd, int fileNumber) : m_fd(fd), m_fileNumber(fileNumber), m_buffer(1 << 16)
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
            int injected = 0;
            const std::size_t allowed = fault::allowedWrite(m_fileNumber, m_written, left, injected);
            if (allowed == 0) {
                m_error = injected;
                return false;
            }
            const ssize_t n = ::write(m_fd, p, allowed);
            if (n < 0) {
                if (errno == EINTR)
                    continue;
                m_error = errno;
                return false;
            }
            p += n;
            left -= static_cast<std::size_t>(n);
            m_written += static_cast<std::uint64_t>(n);
        }
        setp(m_buffer.data(), m_buffer.data() + m_buffer.size());
        return true;
    }

    int m_fd;
    int m_fileNumber;
    std::uint64_t m_written = 0;
    int m_error = 0;
    std::vector<char> m_buffer;
};

// A temporary beside its target, complete once written: its destructor
// closes and removes it unless it was renamed over the target.
class TempFile {
public:
    explicit TempFile(const std::string& target) : m_target(target), m_path(temporaryPathFor(target)) {}
    ~TempFile()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        if (!m_renamed)
            ::unlink(m_path.c_str());
    }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;

    void write(const StreamWriter& writer)
    {
        int fileNumber = 0;
        int err = fault::onCreate(fileNumber);
        if (err == 0) {
            m_fd = ::open(m_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
            err = m_fd < 0 ? errno : 0;
        }
        if (err != 0)
            failWrite(m_target, "cannot create a file beside it", err);

        FdOutBuf buf(m_fd, fileNumber);
        std::ostream out(&buf);
        try {
            writer(out);
        } catch (const Error&) {
            throw;
        } catch (const std::exception& e) {
            throw Error(ErrorKind::Io, "cannot write " + m_target + ": " + e.what());
        }
        out.flush();
        if (buf.error() != 0)
            failWrite(m_target, "", buf.error());
        if (!out)
            throw Error(ErrorKind::Io, "cannot write " + m_target + ": stream error");
        if (::fsync(m_fd) != 0)
            failWrite(m_target, "fsync failed", errno);
        const int fd = m_fd;
        m_fd = -1;
        if (::close(fd) != 0)
            failWrite(m_target, "close failed", errno);
    }

    // Renames the temporary over the target; the errno on failure, else 0.
    int rename()
    {
        int err = fault::onRename();
        if (err == 0 && std::rename(m_path.c_str(), m_target.c_str()) != 0)
            err = errno;
        m_renamed = err == 0;
        return err;
    }

private:
    int m_fd = -1;
    std::string m_target;
    std::string m_path;
    bool m_renamed = false;
};

// A hard link to a target's old bytes, taken before a group of renames so a
// failed rename can put back the files replaced before it. Removed when
// dropped; the old file is then only reachable through it, or gone.
class Backup {
public:
    explicit Backup(const std::string& target) : m_target(target), m_path(temporaryPathFor(target))
    {
        std::error_code ec;
        m_existed = std::filesystem::exists(target, ec);
        m_linked = m_existed && ::link(target.c_str(), m_path.c_str()) == 0;
    }
    ~Backup()
    {
        if (m_linked)
            ::unlink(m_path.c_str());
    }
    Backup(const Backup&) = delete;
    Backup& operator=(const Backup&) = delete;

    // Puts the old file back (or removes the new one when there was none);
    // false when the old bytes could not be kept (no hard links there).
    bool restore()
    {
        if (!m_existed)
            return ::unlink(m_target.c_str()) == 0;
        if (!m_linked || std::rename(m_path.c_str(), m_target.c_str()) != 0)
            return false;
        m_linked = false;
        return true;
    }

private:
    std::string m_target;
    std::string m_path;
    bool m_existed = false;
    bool m_linked = false;
};

// Makes the renames themselves durable. Best effort: some filesystems refuse
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

// Renames every temporary over its target; on a failure, the targets
// replaced so far get their old bytes back.
void renameAll(const std::vector<FileWrite>& files, std::vector<std::unique_ptr<TempFile>>& temps)
{
    std::vector<std::unique_ptr<Backup>> backups;
    if (files.size() > 1)
        for (const FileWrite& f : files)
            backups.push_back(std::make_unique<Backup>(f.path));
    for (std::size_t i = 0; i < files.size(); ++i) {
        const int err = temps[i]->rename();
        if (err == 0)
            continue;
        bool restored = true;
        for (std::size_t j = 0; j < i; ++j)
            restored = backups[j]->restore() && restored;
        const std::string others = i == 0 ? std::string()
            : restored ? "; the files written before it were put back as they were"
                       : "; the files written before it could not all be put back";
        throw Error(ErrorKind::Io, "cannot write " + files[i].path + ": rename failed: " + causeText(err) + others);
    }
}

} // namespace

void writeFilesAtomically(const std::vector<FileWrite>& files)
{
    for (const FileWrite& f : files)
        if (f.path.empty())
            throw Error(ErrorKind::InvalidArgument, "cannot write a file with an empty path");
    letFileSizeLimitFailWrites();
    for (const FileWrite& f : files)
        removeStaleTemporaries(f.path);

    std::vector<std::unique_ptr<TempFile>> temps;
    for (const FileWrite& f : files) {
        temps.push_back(std::make_unique<TempFile>(f.path));
        temps.back()->write(f.writer);
    }
    renameAll(files, temps);
    std::set<std::filesystem::path> folders;
    for (const FileWrite& f : files)
        if (folders.insert(std::filesystem::path(f.path).parent_path()).second)
            syncParentDirectory(f.path);
}

void writeFileAtomically(const std::string& path, const StreamWriter& writer)
{
    writeFilesAtomically({{path, writer}});
}

void writeFileAtomically(const std::string& path, std::string_view bytes)
{
    writeFileAtomically(path, [bytes](std::ostream& out) {
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    });
}

} // namespace aelab
