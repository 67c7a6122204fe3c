#pragma once
// The (C, H, W) geometry the image layers share. A batch of images is a
// (batch, C*H*W) matrix whose rows hold each image in (C, H, W) order: a
// contiguous NCHW tensor of PyTorch with its last three axes flattened. So
// image layers fit in a Sequential like any other layer, and a Dense layer
// after them sees exactly what nn.Flatten would give it. Also the two
// threading helpers the image layers share (parallelFor, forSlices).
#include "math/Matrix.h"
#include "math/Parallel.h"

#include <algorithm>
#include <string>

namespace aelab {

struct ImageShape {
    int channels = 1;
    int height = 1;
    int width = 1;

    int plane() const { return height * width; }
    int size() const { return channels * height * width; }
    std::string text() const;   // "16x14x14"
    bool operator==(const ImageShape&) const = default;
};

// Throws Error(InvalidArgument) unless every dimension is at least 1 and the
// size stays far below what an int index can address.
void checkImageShape(const ImageShape& shape, const std::string& layer);

// Length of the output of a window of `kernel` sliding by `stride` over `n`
// entries padded by `padding` zeros on each side:
//   floor((n + 2 padding - kernel) / stride) + 1.
// Throws Error(InvalidArgument) naming `layer` when the window does not fit.
int slidingOutputLength(int n, int kernel, int stride, int padding, const std::string& layer);

// Throws Error(InvalidArgument) unless x has shape.size() columns.
void checkImageBatch(const Matrix& x, const ImageShape& shape, const std::string& layer);

// f(0), ..., f(n - 1), spread over the core's threads (math/Parallel.h)
// when the whole job is large enough to pay for them: `workPerItem` is a
// rough count of the values one call touches. Each f(i) must write only its
// own outputs.
template <typename F>
void parallelFor(Eigen::Index n, Eigen::Index workPerItem, const F& f)
{
    constexpr Eigen::Index kMinParallelWork = 1 << 15;
    if (n * workPerItem < kMinParallelWork || threadCount() <= 1) {
        for (Eigen::Index i = 0; i < n; ++i)
            f(i);
        return;
    }
    forEachPart(n, f);
}

// f(slice, begin, count) over kChunks fixed slices of [0, n), spread over the
// threads like parallelFor. The image layers split their large matrix
// products this way instead of letting Eigen thread each product (Eigen's
// threads work in lockstep inside a product, which on a busy machine costs
// far more than the product); slices only meet once, at the end, and a
// thread that is slow to start claims fewer. The slices do not depend on the thread count,
// so neither do the numbers.
inline constexpr Eigen::Index kChunks = 8;

template <typename F>
void forSlices(Eigen::Index n, Eigen::Index workPerItem, const F& f)
{
    const Eigen::Index slices = std::min(kChunks, std::max<Eigen::Index>(n, 1));
    parallelFor(slices, (n / slices) * workPerItem, [&](Eigen::Index s) {
        const Eigen::Index begin = s * n / slices, end = (s + 1) * n / slices;
        if (end > begin)
            f(s, begin, end - begin);
    });
}

} // namespace aelab
