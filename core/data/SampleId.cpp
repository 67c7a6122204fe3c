#include "data/SampleId.h"

namespace aelab {

SampleId sampleId(SampleSet set, std::uint64_t index)
{
    return (std::uint64_t(set) << 56) | (index & ((std::uint64_t(1) << 56) - 1));
}

std::vector<SampleId> sampleRange(SampleSet set, std::uint64_t first, std::uint64_t n)
{
    std::vector<SampleId> ids(n);
    for (std::uint64_t i = 0; i < n; ++i)
        ids[i] = sampleId(set, first + i);
    return ids;
}

} // namespace aelab
