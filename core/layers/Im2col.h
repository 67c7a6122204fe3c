#pragma once
// A convolution lowered to matrix products, one sample at a time (im2col),
// and the adjoint that scatters the lowered values back into an image
// (col2im).
//
// Geometry: a square kernel k slides with stride s over an input image
// (C, H, W) padded with p zeros on each side; the output plane is (OH, OW),
// OH = (H + 2p - k) / s + 1, P = OH OW positions. For one image the column
// matrix is
//   cols (C k k, P), row-major, one row per (c, i, j), one column per
//   (oy, ox):  cols[(c,i,j), (oy,ox)] = x[c, oy s - p + i, ox s - p + j]
// (zero where that falls in the padding), so that a convolution with weights
// W (O, C k k) is the product W cols, (O, P): the sample's output in (C, H, W)
// order, as a batch row holds it. Its transpose, patches as rows ("im2row"),
//   rows (P, C k k):  rows[(oy,ox), (c,i,j)] = cols[(c,i,j), (oy,ox)]
// holds each position's patch contiguously. im2col and col2im take the
// vector paths of Im2colRuns.h where they apply, plain loops elsewhere.
#include "layers/ImageShape.h"

#include <string>

namespace aelab {

struct ConvGeometry {
    ImageShape input;   // (C, H, W) of the image the kernel slides over
    int kernel = 1;
    int stride = 1;
    int padding = 0;
    int outHeight = 1;
    int outWidth = 1;

    int patch() const { return input.channels * kernel * kernel; }   // rows of cols: C k k
    int outPlane() const { return outHeight * outWidth; }            // P = OH OW
};

// Checks the arguments (throwing Error(InvalidArgument) naming `layer`) and
// computes the output plane.
ConvGeometry convGeometry(const ImageShape& input, int kernel, int stride, int padding, const std::string& layer);

// x: one image of C H W values; cols: (C k k, P), filled.
void im2col(const Scalar* x, const ConvGeometry& g, Scalar* cols);

// The adjoint of im2col: every entry of cols is ADDED to the image entry
// im2col copied it from (entries that came from the padding are dropped).
// x is not cleared first.
void col2im(const Scalar* cols, const ConvGeometry& g, Scalar* x);

// x: one image; rows: (P, C k k), filled.
void im2row(const Scalar* x, const ConvGeometry& g, Scalar* rows);

// The adjoint of im2row: every entry of rows is ADDED to the image entry
// im2row copied it from. x is not cleared first.
void row2im(const Scalar* rows, const ConvGeometry& g, Scalar* x);

} // namespace aelab
