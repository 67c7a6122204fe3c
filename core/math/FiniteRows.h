#pragma once
// A diverged model's codes can overflow to infinity or NaN while its weights
// are still finite. Fits (PCA, a plane's base) use the finite rows only, and
// projections mark the others NaN so that every view skips the same samples.
#include "math/Matrix.h"

namespace aelab {

// The rows of x whose entries are all finite, in order.
Matrix finiteRows(const Matrix& x);

// Sets every row of x that has a non-finite entry to NaN throughout; returns
// how many there were.
int blankNonFiniteRows(Matrix& x);

} // namespace aelab
