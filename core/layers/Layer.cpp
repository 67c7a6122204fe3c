#include "layers/Layer.h"

#include "math/Parallel.h"

#include <algorithm>

namespace aelab {

void Layer::zeroGrad()
{
    // All gradients in one loop, large ones shared among the threads:
    // clearing is bound by memory bandwidth, which one core alone does not
    // saturate.
    const auto params = parameters();
    std::vector<std::ptrdiff_t> sizes;
    for (const auto& p : params)
        sizes.push_back(p.grad->size());
    forEachChunk(sizes, kParallelEntries / 4, [&](std::size_t i, std::ptrdiff_t begin, std::ptrdiff_t count) {
        std::fill_n(params[i].grad->data() + begin, count, Scalar(0));
    });
}

} // namespace aelab
