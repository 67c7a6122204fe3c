#pragma once
// Vectorised im2col and col2im (Im2col.h) for the float build on machines
// with AVX-512, strides 1 and 2 (every convolution aelab builds).
//
// The runs of cols are short (an output row: 7 to 28 values): memcpy calls,
// or loops whose vectorised body a short run never reaches, cost more than
// the copying. Here a run moves in vectors of 16 lanes; lanes that fall in
// the padding or past the run are masked (a masked load reads nothing and
// gives 0, a masked store writes nothing), so nothing outside the image or
// the run is touched. Stride 2 gathers every other value with a permute.
// col2im is done as a gather: each block of an image row adds the k x k runs
// that cover it, so every image value is read and written once.
#include "layers/Im2col.h"

namespace aelab {

// im2col / col2im for g when this build and g's stride have a vector path;
// false (and nothing done) otherwise.
bool im2colRuns(const Scalar* x, const ConvGeometry& g, Scalar* cols);
bool col2imRuns(const Scalar* cols, const ConvGeometry& g, Scalar* x);

} // namespace aelab
