#include "io/TemporaryFiles.h"

#include <atomic>
#include <cerrno>
#include <charconv>
#include <csignal>
#include <filesystem>
#include <optional>
#include <string_view>
#include <system_error>
#include <unistd.h>

namespace aelab {

namespace {

constexpr std::string_view kMarker = ".tmp-";

// The pid in "<base>.tmp-<pid>-<n>", or nothing when `name` is not a
// temporary of `base`.
std::optional<pid_t> temporaryOwner(std::string_view name, std::string_view base)
{
    if (!name.starts_with(base) || !name.substr(base.size()).starts_with(kMarker))
        return std::nullopt;
    const std::string_view rest = name.substr(base.size() + kMarker.size());
    const std::size_t dash = rest.find('-');
    if (dash == std::string_view::npos || dash == 0 || dash + 1 == rest.size())
        return std::nullopt;
    pid_t pid = 0;
    const auto [end, ec] = std::from_chars(rest.data(), rest.data() + dash, pid);
    if (ec != std::errc() || end != rest.data() + dash || pid <= 0)
        return std::nullopt;
    const std::string_view counter = rest.substr(dash + 1);
    for (const char c : counter)
        if (c < '0' || c > '9')
            return std::nullopt;
    return pid;
}

// kill(pid, 0) fails with ESRCH only when no such process exists; EPERM
// means it exists under another user.
bool processExists(pid_t pid) { return ::kill(pid, 0) == 0 || errno != ESRCH; }

} // namespace

std::string temporaryPathFor(const std::string& path)
{
    static std::atomic<unsigned> counter{0};
    return path + std::string(kMarker) + std::to_string(::getpid()) + "-" + std::to_string(counter++);
}

void removeStaleTemporaries(const std::string& path, std::chrono::seconds quiet)
{
    namespace fs = std::filesystem;
    const fs::path target(path);
    const std::string base = target.filename().string();
    const fs::path folder = target.has_parent_path() ? target.parent_path() : fs::path(".");
    std::error_code ec;
    fs::directory_iterator it(folder, ec);
    if (ec)
        return;
    const auto now = fs::file_time_type::clock::now();
    for (const fs::directory_entry& entry : it) {
        const std::optional<pid_t> owner = temporaryOwner(entry.path().filename().string(), base);
        if (!owner || *owner == ::getpid() || processExists(*owner))
            continue;
        if (!entry.is_regular_file(ec) || entry.is_symlink(ec))
            continue;
        const auto changed = entry.last_write_time(ec);
        if (ec || now - changed < quiet)
            continue;
        fs::remove(entry.path(), ec);
    }
}

} // namespace aelab
