#pragma once
// Which sample a row is: its index in the set it comes from, with the set,
// for what is drawn once per sample and must be drawn the same every time
// that sample is seen, whatever batch it comes in (the masked variant's
// missing entries, data/MissingData.h). Seeding by the sample, not by its
// values, keeps such draws independent of the values: two identical rows
// are two samples and lose different entries.
#include <cstdint>
#include <vector>

namespace aelab {

enum class SampleSet : std::uint8_t { Train, Validation, Test };

using SampleId = std::uint64_t;

// set in the top byte, the index below.
SampleId sampleId(SampleSet set, std::uint64_t index);
// first, first + 1, ..., first + n - 1 of `set`.
std::vector<SampleId> sampleRange(SampleSet set, std::uint64_t first, std::uint64_t n);

} // namespace aelab
