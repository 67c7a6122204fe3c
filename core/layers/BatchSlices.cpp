#include "layers/BatchSlices.h"

#include "math/Parallel.h"

#include <algorithm>

namespace aelab {

void runSlices(Eigen::Index batch, Eigen::Index workPerSample, SliceFunction f, const void* context)
{
    const Eigen::Index slices = std::clamp<Eigen::Index>(batch, 1, kBatchSlices);
    const auto slice = [&](std::ptrdiff_t s) {
        const Eigen::Index first = s * batch / slices, end = (s + 1) * batch / slices;
        if (end > first)
            f(context, int(s), first, end - first);
    };
    if (batch * workPerSample < kMinSlicedWork || threadCount() <= 1) {
        for (Eigen::Index s = 0; s < slices; ++s)
            slice(s);
        return;
    }
    forEachPart(slices, slice);
}

void SliceSums::reset(Eigen::Index rows, Eigen::Index cols)
{
    for (std::size_t s = 0; s < m_partial.size(); ++s) {
        m_partial[s].resize(rows, cols);
        m_started[s] = 0;
    }
}

Matrix& SliceSums::at(int slice)
{
    Matrix& partial = m_partial[std::size_t(slice)];
    if (!m_started[std::size_t(slice)]) {
        m_started[std::size_t(slice)] = 1;
        partial.setZero();
    }
    return partial;
}

void SliceSums::addTo(Matrix& target) const
{
    for (std::size_t s = 0; s < m_partial.size(); ++s)
        if (m_started[s])
            target += m_partial[s];
}

} // namespace aelab
