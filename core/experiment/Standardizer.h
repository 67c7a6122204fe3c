#pragma once
// Per-feature standardisation: x' = (x - mean) / sd, with the mean and
// standard deviation of a reference set (the unlabelled training features:
// no labels are used). A constant feature (sd ~ 0) is only centred.
#include "math/Matrix.h"

namespace aelab {

struct Standardizer {
    RowVector mean;
    RowVector scale;   // 1 / sd, or 1 for a constant feature

    static Standardizer fit(const Matrix& reference);
    Matrix apply(const Matrix& x) const;
};

} // namespace aelab
