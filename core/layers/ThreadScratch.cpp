#include "layers/ThreadScratch.h"

#include <array>
#include <vector>

namespace aelab {

Eigen::Map<Matrix> threadScratch(ScratchSlot slot, Eigen::Index rows, Eigen::Index cols)
{
    // Aligned as Eigen aligns matrices, the same on every thread (Eigen's
    // vectorised sums start at the first aligned value: the layers' own sums
    // do not depend on it, ChannelSums.h, but nothing should).
    using Buffer = std::vector<Scalar, Eigen::aligned_allocator<Scalar>>;
    thread_local std::array<Buffer, std::size_t(ScratchSlot::Count)> buffers;
    auto& buffer = buffers[std::size_t(slot)];
    const auto size = std::size_t(rows * cols);
    if (buffer.size() < size)
        buffer.resize(size);
    return {buffer.data(), rows, cols};
}

} // namespace aelab
