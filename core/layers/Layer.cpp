#include "layers/Layer.h"

#include "math/Parallel.h"

#include <algorithm>

namespace aelab {

std::vector<std::ptrdiff_t> entryCounts(const std::vector<Parameter>& params)
{
    std::vector<std::ptrdiff_t> counts;
    for (const auto& p : params)
        counts.push_back(p.value->size());
    return counts;
}

void Layer::zeroGrad()
{
    // All gradients in one loop, large ones shared among the threads:
    // clearing is bound by memory bandwidth, which one core alone does not
    // saturate.
    const auto params = parameters();
    forEachChunk(entryCounts(params), kParallelEntries / 4, [&](std::size_t i, std::ptrdiff_t begin, std::ptrdiff_t count) {
        std::fill_n(params[i].grad->data() + begin, count, Scalar(0));
    });
}

void appendParameters(std::vector<Parameter>& out, const std::string& prefix, Layer& net)
{
    for (auto p : net.parameters()) {
        p.name = prefix + "." + p.name;
        out.push_back(p);
    }
}

} // namespace aelab
