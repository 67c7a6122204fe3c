#include "layers/Layer.h"

#include "math/Parallel.h"

#include <algorithm>

namespace aelab {

void Layer::zeroGrad()
{
    // Large gradients are cleared in one part per thread: clearing is bound
    // by memory bandwidth, which one core alone does not saturate.
    constexpr Eigen::Index kParallelEntries = 1 << 16;
    for (auto& p : parameters()) {
        Matrix& grad = *p.grad;
        const Eigen::Index n = grad.size(), parts = n >= kParallelEntries ? threadCount() : 1;
        forEachPart(parts, [&](Eigen::Index part) {
            const Eigen::Index begin = part * n / parts, end = (part + 1) * n / parts;
            std::fill(grad.data() + begin, grad.data() + end, Scalar(0));
        });
    }
}

} // namespace aelab
