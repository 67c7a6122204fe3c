#pragma once
// A convolution lowered to one matrix product per batch (im2col), and the
// adjoint that scatters columns back into images (col2im).
//
// Geometry: a square kernel k slides with stride s over an input image
// (C, H, W) padded with p zeros on each side; the output plane is (OH, OW),
// OH = (H + 2p - k) / s + 1. For a batch of B images the column matrix is
//   cols (C k k, B OH OW), row-major, one row per (c, i, j), one column per
//   (b, oy, ox):  cols[(c,i,j), (b,oy,ox)] = x[b, c, oy s - p + i, ox s - p + j]
// (zero where that falls in the padding), so that a convolution with weights
// W (O, C k k) is the single product W cols, (O, B OH OW).
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
    int outPlane() const { return outHeight * outWidth; }            // OH OW
};

// Checks the arguments (throwing Error(InvalidArgument) naming `layer`) and
// computes the output plane.
ConvGeometry convGeometry(const ImageShape& input, int kernel, int stride, int padding, const std::string& layer);

// x: `batch` images of C H W values each; cols: (C k k, batch OH OW), filled.
void im2col(const Scalar* x, Eigen::Index batch, const ConvGeometry& g, Scalar* cols);

// The adjoint of im2col: every entry of cols is ADDED to the image entry
// im2col copied it from (entries that came from the padding are dropped).
// x must hold `batch` images and is not cleared first.
void col2im(const Scalar* cols, Eigen::Index batch, const ConvGeometry& g, Scalar* x);

// The same lowering with patches as rows ("im2row"), for Conv2d:
//   rows (B OH OW, C k k), row-major: rows[(b,oy,ox), (c,i,j)] = cols[(c,i,j), (b,oy,ox)]
// so each output position's patch is contiguous, which the sparse backward
// of Conv2d needs. x: `batch` images; rows: filled.
void im2row(const Scalar* x, Eigen::Index batch, const ConvGeometry& g, Scalar* rows);

// The adjoint of im2row: every entry of rows is ADDED to the image entry
// im2row copied it from. x is not cleared first.
void row2im(const Scalar* rows, Eigen::Index batch, const ConvGeometry& g, Scalar* x);

// (batch, C, P) -> (C, batch P): out[c, b P + p] = x[b, c P + p].
void toChannelMajor(const Scalar* x, Eigen::Index batch, int channels, Eigen::Index plane, Scalar* out);

// (C, batch P) -> (batch, C P): out[b, c P + p] = in[c, b P + p] + bias[c]
// (no bias when `bias` is null).
void toBatchMajor(const Scalar* in, Eigen::Index batch, int channels, Eigen::Index plane, Scalar* out,
                  const Scalar* bias = nullptr);

// Per-channel sums of a batch (batch, C P): the gradient of a per-channel
// bias, ADDED to grad (1, C).
void addChannelSums(const Matrix& dy, int channels, Matrix& grad);

} // namespace aelab
