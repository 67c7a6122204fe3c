#pragma once
// How much memory a dataset may take, checked before it is loaded: a 2 MB
// gzip file can expand to 2 GiB of pixels, 8 GiB as floats, and the OOM
// killer ends the process without a word. A loader estimates what it will
// hold (datasetBytesEstimate) and refuses with both figures (requireMemory)
// when that is more than the budget.
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace aelab {

struct MemoryBudget {
    std::uint64_t bytes = std::numeric_limits<std::uint64_t>::max();
    std::string source = "no limit";   // where the figure came from, for messages
};

// The environment's AELAB_MEMORY_BUDGET when set (bytes, or with a K, M or
// G suffix: "512M"); else the memory available now: MemAvailable in
// /proc/meminfo, or what the process's cgroup limit leaves if that is less;
// else no limit.
MemoryBudget machineMemoryBudget();

// What loading and training on `values` numbers takes: each as a Scalar
// twice (the dataset, and the train/test split's or a training run's
// train/validation copies of it), plus `heldWhileReading` (a file's bytes or
// text, held while it is converted).
std::uint64_t datasetBytesEstimate(std::uint64_t values, std::uint64_t heldWhileReading = 0);

// Throws Error(Unsupported) when `bytes` exceed the budget, e.g. "<what>
// needs about 8.0 GiB of memory, more than the 3.1 GiB available
// (MemAvailable in /proc/meminfo); <advice>".
void requireMemory(const MemoryBudget& budget, std::uint64_t bytes, const std::string& what,
                   const std::string& advice);

// "512 bytes", "3.1 GiB".
std::string formatBytes(std::uint64_t bytes);

// Parsing, exposed for the tests: a byte count with an optional K, M or G
// suffix (powers of 1024); MemAvailable of /proc/meminfo's text, in bytes.
std::optional<std::uint64_t> parseByteCount(std::string_view text);
std::optional<std::uint64_t> memAvailableIn(std::string_view meminfo);

} // namespace aelab
