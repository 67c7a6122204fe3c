#include "layers/ChannelSums.h"

namespace aelab {

void addChannelSums(const Scalar* x, Eigen::Index channels, Eigen::Index plane, Scalar* sums)
{
    constexpr int kLanes = 16;
    for (Eigen::Index c = 0; c < channels; ++c) {
        const Scalar* row = x + c * plane;
        Scalar lane[kLanes] = {};
        Eigen::Index p = 0;
        for (; p + kLanes <= plane; p += kLanes)
            for (int l = 0; l < kLanes; ++l)
                lane[l] += row[p + l];
        for (int l = 0; p + l < plane; ++l)
            lane[l] += row[p + l];
        Scalar total = 0;
        for (int l = 0; l < kLanes; ++l)
            total += lane[l];
        sums[c] += total;
    }
}

} // namespace aelab
