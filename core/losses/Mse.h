#pragma once
#include "losses/Loss.h"

namespace aelab {

// Squared error: L = (1/B) sum_i ||y_i - t_i||^2,  dL/dy = (2/B) (y - t).
LossValue mseLoss(const Matrix& prediction, const Matrix& target);

// The same on selected entries only (mask 1 = counted, 0 = ignored), used for
// missing data; averaged over the batch like mseLoss.
LossValue maskedMseLoss(const Matrix& prediction, const Matrix& target, const Matrix& mask);

} // namespace aelab
