#include "layers/ThreadScratch.h"

#include <array>
#include <vector>

namespace aelab {

Eigen::Map<Matrix> threadScratch(ScratchSlot slot, Eigen::Index rows, Eigen::Index cols)
{
    thread_local std::array<std::vector<Scalar>, std::size_t(ScratchSlot::Count)> buffers;
    auto& buffer = buffers[std::size_t(slot)];
    const auto size = std::size_t(rows * cols);
    if (buffer.size() < size)
        buffer.resize(size);
    return {buffer.data(), rows, cols};
}

} // namespace aelab
