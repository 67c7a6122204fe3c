#pragma once
// A bias gradient's share of one sample: the sums of each channel's plane.
#include "math/Matrix.h"

namespace aelab {

// sums[c] += sum_p x[c plane + p] for c < channels. Each plane is summed in
// kLanes interleaved running sums (lane l takes p = l, l + kLanes, ...)
// added up in order at the end: vectorised, and the same numbers wherever x
// lies in memory. (Eigen's vectorised sums start at the first aligned
// value, so a sample summed in a thread's buffer and in the batch matrix
// would round differently: chained and unchained layers would disagree.)
void addChannelSums(const Scalar* x, Eigen::Index channels, Eigen::Index plane, Scalar* sums);

} // namespace aelab
