#pragma once
// The share of predictions that equal the true labels, in [0, 1].
#include <vector>

namespace aelab {

// Throws Error(InvalidArgument) when the sizes differ or there is nothing to score.
double accuracy(const std::vector<int>& predicted, const std::vector<int>& truth);

} // namespace aelab
