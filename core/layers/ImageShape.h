#pragma once
// The (C, H, W) geometry the image layers share. A batch of images is a
// (batch, C*H*W) matrix whose rows hold each image in (C, H, W) order: a
// contiguous NCHW tensor of PyTorch with its last three axes flattened. So
// image layers fit in a Sequential like any other layer, and a Dense layer
// after them sees exactly what nn.Flatten would give it.
#include "math/Matrix.h"

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

// Throws Error(InvalidArgument) unless x has shape.size() columns (a row of
// `values` has shape.size() values).
void checkImageBatch(const Matrix& x, const ImageShape& shape, const std::string& layer);
void checkImageWidth(Eigen::Index values, const ImageShape& shape, const std::string& layer);

} // namespace aelab
