#pragma once
// A loss returns its value and its gradient with respect to its first
// argument. Convention throughout aelab: a loss is summed over a sample's
// features and averaged over the batch, so its value is "per sample" and the
// terms of a variant (reconstruction, KL, penalties) add up on one scale.
#include "math/Matrix.h"

namespace aelab {

struct LossValue {
    double value = 0;
    Matrix grad;   // d value / d prediction, same shape as the prediction
};

} // namespace aelab
