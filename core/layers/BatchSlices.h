#pragma once
// How the image layers spread a batch over the core's threads (math/Parallel.h).
//
// A batch of B samples is cut into kBatchSlices fixed slices of consecutive
// samples, and a layer's pass is ONE parallel loop over them: for each sample
// of its slice a part does all of the layer's work (lowering, matrix
// products, bias, the adjoint scatter) while that sample's data is in its
// cache. Coarse parts matter on two cores: a loop of one part per image
// plane (thousands per step) spent more in claiming parts, two contended
// atomics each, than the parts did (bench/README.md, "Conv on two cores").
//
// Sixteen slices rather than one per thread: a thread the system slows
// down (this host's two vCPUs often differ by a third in speed) then claims
// fewer, and the loop's end waits for at most a sixteenth of it (measured:
// 6% faster 2-thread steps than with eight; 32 no better).
//
// The slices do not depend on the thread count, and sums over the batch (a
// kernel's gradient) are kept per slice and added in slice order
// (SliceSums): the same numbers on any number of threads, run after run.
#include "layers/ImageShape.h"
#include "math/Matrix.h"

#include <vector>

namespace aelab {

inline constexpr int kBatchSlices = 16;

// Runs the slices on the calling thread alone below this much work (a rough
// count of values touched): handing them out would cost more.
inline constexpr Eigen::Index kMinSlicedWork = 1 << 15;

using SliceFunction = void (*)(const void* context, int slice, Eigen::Index first, Eigen::Index count);

// f(context, slice, first, count) for every non-empty slice of [0, batch).
void runSlices(Eigen::Index batch, Eigen::Index workPerSample, SliceFunction f, const void* context);

// runSlices for any callable: body(slice, first, count).
template <typename Body> void forEachBatchSlice(Eigen::Index batch, Eigen::Index workPerSample, const Body& body)
{
    runSlices(batch, workPerSample,
              [](const void* context, int slice, Eigen::Index first, Eigen::Index count) {
                  (*static_cast<const Body*>(context))(slice, first, count);
              },
              &body);
}

// body(b) for every sample b, slice by slice. Each call must write only its
// own sample's outputs.
template <typename Body> void forEachSample(Eigen::Index batch, Eigen::Index workPerSample, const Body& body)
{
    forEachBatchSlice(batch, workPerSample, [&](int, Eigen::Index first, Eigen::Index count) {
        for (Eigen::Index b = first; b < first + count; ++b)
            body(b);
    });
}

// body(b, c) for every image plane of a batch of `shape` images (sample b,
// channel c), sample by sample. Each call must write only its own plane.
template <typename Body> void forEachPlane(Eigen::Index batch, const ImageShape& shape, const Body& body)
{
    forEachSample(batch, shape.size(), [&](Eigen::Index b) {
        for (int c = 0; c < shape.channels; ++c)
            body(b, c);
    });
}

// A sum over the batch kept as one partial sum per slice: a slice adds its
// samples into at(slice) in order (the first call of a pass clears it, in
// that slice's own part), and addTo() adds the partials in slice order, so
// the total does not depend on which thread ran which slice.
class SliceSums {
public:
    // A new pass: every partial (rows, cols), none started.
    void reset(Eigen::Index rows, Eigen::Index cols);
    // Slice `slice`'s partial, zeroed on the pass's first call for it.
    Matrix& at(int slice);
    // target += the started partials, in slice order.
    void addTo(Matrix& target) const;

private:
    std::vector<Matrix> m_partial = std::vector<Matrix>(kBatchSlices);
    std::vector<char> m_started = std::vector<char>(kBatchSlices, 0);
};

} // namespace aelab
