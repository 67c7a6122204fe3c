#pragma once
// Vectorised 2x2, stride-2 max pooling of one image plane and its gradient,
// for the float build on machines with AVX-512 (every pool aelab builds).
// 16 windows at a time: their top and bottom rows are loaded as 32 values
// each and split into even and odd columns, so the four candidates of each
// window sit in four vectors; the comparisons are those of the plain loop
// (MaxPool2d.cpp: ties to the first in row-major order), the same values
// and switches.
#include "math/Matrix.h"

#include <cstdint>

namespace aelab {

// in (H, W) -> out (H/2, W/2) and each maximum's position iy W + ix in `where`;
// false (and nothing done) without a vector path.
bool maxPool2x2Runs(const Scalar* in, int H, int W, Scalar* out, std::int32_t* where);

// The gradient: dx (H, W), every value written: dy at each window's switch,
// 0 elsewhere (windows do not overlap). false without a vector path.
bool maxPool2x2GradientRuns(const Scalar* dy, const std::int32_t* where, int H, int W, Scalar* dx);

} // namespace aelab
