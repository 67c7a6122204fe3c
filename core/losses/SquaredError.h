#pragma once
#include "losses/Loss.h"

namespace aelab {

// The squared error summed over a sample's features, averaged over the batch
// (a per-sample sum, not a mean over features: for 784 pixels it is 784
// times the pixel MSE):
//   L = (1/B) sum_i ||y_i - t_i||^2,  dL/dy = (2/B) (y - t).
// With a Gaussian decoder of fixed variance sigma^2 it is 2 sigma^2 times
// -log p(x | z) less a constant: a likelihood only up to both
// (losses/Likelihoods.h has the Gaussian negative log-likelihood itself).
LossValue squaredErrorLoss(const Matrix& prediction, const Matrix& target);

// The same on selected entries only (mask 1 = counted, 0 = ignored), used for
// missing data; averaged over the batch like squaredErrorLoss.
LossValue maskedSquaredErrorLoss(const Matrix& prediction, const Matrix& target, const Matrix& mask);

} // namespace aelab
