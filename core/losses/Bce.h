#pragma once
#include "losses/Loss.h"

namespace aelab {

// Binary cross-entropy on logits z with targets t in [0, 1]:
//   l(z, t) = max(z, 0) - z t + log(1 + exp(-|z|))   (never overflows)
//   dl/dz   = sigmoid(z) - t
// summed over features, averaged over the batch.
LossValue bceWithLogitsLoss(const Matrix& logits, const Matrix& target);

// The same on selected entries only (mask 1 = counted).
LossValue maskedBceWithLogitsLoss(const Matrix& logits, const Matrix& target, const Matrix& mask);

} // namespace aelab
