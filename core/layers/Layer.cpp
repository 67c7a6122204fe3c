#include "layers/Layer.h"

#include "math/Parallel.h"

#include <algorithm>

namespace aelab {

void Layer::zeroGrad()
{
    // Large gradients are cleared in one range per thread: clearing is bound
    // by memory bandwidth, which one core alone does not saturate.
    for (auto& p : parameters()) {
        Scalar* grad = p.grad->data();
        forEachRange(p.grad->size(), kParallelEntries,
                     [&](Eigen::Index begin, Eigen::Index count) { std::fill_n(grad + begin, count, Scalar(0)); });
    }
}

} // namespace aelab
