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
    for (Matrix& m : m_partial)
        m.setZero(rows, cols);
}

void SliceSums::addTo(Matrix& target) const
{
    for (const Matrix& m : m_partial)
        target += m;
}

} // namespace aelab
