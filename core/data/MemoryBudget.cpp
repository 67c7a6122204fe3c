#include "data/MemoryBudget.h"

#include "math/Error.h"
#include "math/Matrix.h"

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <vector>

namespace aelab {

namespace {

std::string readSmallFile(const std::string& path)
{
    std::ifstream in(path);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::optional<std::uint64_t> parseUnsigned(std::string_view text)
{
    while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
        text.remove_suffix(1);
    std::uint64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || text.empty())
        return std::nullopt;
    return value;
}

// A cgroup limit less its usage, read from `dir` (one of the places the
// process's cgroup may be mounted); nothing when there is no limit there.
std::optional<std::uint64_t> cgroupRoom(const std::string& dir, const char* limitFile, const char* usageFile)
{
    const auto limit = parseUnsigned(readSmallFile(dir + "/" + limitFile));   // "max": none
    const auto usage = parseUnsigned(readSmallFile(dir + "/" + usageFile));
    if (!limit || !usage || *limit >= (std::uint64_t(1) << 60))
        return std::nullopt;
    return *limit > *usage ? *limit - *usage : 0;
}

// What the process's cgroup (v2, or v1's memory controller) still allows.
std::optional<std::uint64_t> cgroupMemoryRoom()
{
    std::istringstream lines(readSmallFile("/proc/self/cgroup"));
    for (std::string line; std::getline(lines, line);) {
        const std::size_t first = line.find(':');
        const std::size_t second = line.find(':', first + 1);
        if (first == std::string::npos || second == std::string::npos)
            continue;
        const std::string controllers = line.substr(first + 1, second - first - 1);
        const std::string path = line.substr(second + 1);
        // Inside a container the cgroup is often mounted as the root itself.
        if (controllers.empty())
            for (const std::string& dir : {"/sys/fs/cgroup" + path, std::string("/sys/fs/cgroup")})
                if (const auto room = cgroupRoom(dir, "memory.max", "memory.current"))
                    return room;
        if (("," + controllers + ",").find(",memory,") != std::string::npos)
            for (const std::string& dir : {"/sys/fs/cgroup/memory" + path, std::string("/sys/fs/cgroup/memory")})
                if (const auto room = cgroupRoom(dir, "memory.limit_in_bytes", "memory.usage_in_bytes"))
                    return room;
    }
    return std::nullopt;
}

} // namespace

std::optional<std::uint64_t> parseByteCount(std::string_view text)
{
    std::uint64_t scale = 1;
    if (!text.empty()) {
        switch (text.back()) {
        case 'K': case 'k': scale = std::uint64_t(1) << 10; break;
        case 'M': case 'm': scale = std::uint64_t(1) << 20; break;
        case 'G': case 'g': scale = std::uint64_t(1) << 30; break;
        default: break;
        }
        if (scale > 1)
            text.remove_suffix(1);
    }
    const auto value = parseUnsigned(text);
    if (!value || *value > std::numeric_limits<std::uint64_t>::max() / scale)
        return std::nullopt;
    return *value * scale;
}

std::optional<std::uint64_t> memAvailableIn(std::string_view meminfo)
{
    constexpr std::string_view key = "MemAvailable:";
    const std::size_t at = meminfo.find(key);
    if (at == std::string_view::npos)
        return std::nullopt;
    std::string_view rest = meminfo.substr(at + key.size());
    while (!rest.empty() && rest.front() == ' ')
        rest.remove_prefix(1);
    const std::size_t end = rest.find(' ');
    if (end == std::string_view::npos || !rest.substr(end).starts_with(" kB"))
        return std::nullopt;
    const auto kib = parseUnsigned(rest.substr(0, end));
    if (!kib)
        return std::nullopt;
    return *kib * 1024;
}

MemoryBudget machineMemoryBudget()
{
    if (const char* env = std::getenv("AELAB_MEMORY_BUDGET"); env && *env) {
        const auto bytes = parseByteCount(env);
        if (!bytes)
            fail(ErrorKind::InvalidArgument, std::string("AELAB_MEMORY_BUDGET='") + env
                     + "' is not a size; give bytes, or a number with K, M or G (e.g. 512M)");
        return {*bytes, "AELAB_MEMORY_BUDGET"};
    }
    MemoryBudget budget;
    if (const auto available = memAvailableIn(readSmallFile("/proc/meminfo")))
        budget = {*available, "MemAvailable in /proc/meminfo; AELAB_MEMORY_BUDGET overrides it"};
    if (const auto room = cgroupMemoryRoom(); room && *room < budget.bytes)
        budget = {*room, "what the cgroup's memory limit leaves; AELAB_MEMORY_BUDGET overrides it"};
    return budget;
}

std::uint64_t datasetBytesEstimate(std::uint64_t values, std::uint64_t heldWhileReading)
{
    return 2 * values * sizeof(Scalar) + heldWhileReading;
}

std::string formatBytes(std::uint64_t bytes)
{
    if (bytes < 1024)
        return std::to_string(bytes) + " bytes";
    const char* units[] = {"KiB", "MiB", "GiB", "TiB"};
    double value = double(bytes) / 1024;
    int unit = 0;
    while (value >= 1024 && unit < 3) {
        value /= 1024;
        ++unit;
    }
    char text[32];
    std::snprintf(text, sizeof text, "%.1f %s", value, units[unit]);
    return text;
}

void requireMemory(const MemoryBudget& budget, std::uint64_t bytes, const std::string& what,
                   const std::string& advice)
{
    if (bytes <= budget.bytes)
        return;
    fail(ErrorKind::Unsupported, what + " needs about " + formatBytes(bytes) + " of memory, more than the "
             + formatBytes(budget.bytes) + " available (" + budget.source + "); " + advice);
}

} // namespace aelab
