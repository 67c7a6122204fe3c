#pragma once
// Softmax cross-entropy on logits z (batch, classes) with integer labels y:
//   p = softmax(z),   l(z, y) = logsumexp(z) - z_y = -log p_y
//   dl/dz = p - onehot(y)
// averaged over the batch (the loss convention of Loss.h: one value per
// sample). logsumexp subtracts each row's maximum first, so it never
// overflows.
#include "losses/Loss.h"

#include <vector>

namespace aelab {

// Throws Error(InvalidArgument) when a label is outside [0, classes) or the
// batch sizes differ.
LossValue softmaxCrossEntropyLoss(const Matrix& logits, const std::vector<int>& labels);

// Each row's softmax (rows sum to 1).
Matrix softmax(const Matrix& logits);

// Each row's arg max: the predicted class.
std::vector<int> argmaxRows(const Matrix& scores);

} // namespace aelab
