#pragma once
// How the decoder's last layer meets the data, and the reconstruction term
// every variant's objective starts from:
//   SigmoidBce  x^ = sigmoid(raw), recon = sum_j BCE(x^_j, x_j)   (intensities in [0, 1])
//   LinearMse   x^ = raw,          recon = sum_j (x^_j - x_j)^2   (any real data)
// both summed over a sample's features and averaged over the batch.
#include "losses/Loss.h"
#include "models/HyperParams.h"

namespace aelab {

struct ModelContext;

enum class OutputMode { SigmoidBce, LinearMse };

// "output": auto picks sigmoid+BCE for data in [0, 1], linear+MSE otherwise.
OutputMode outputModeFor(const HyperParams& hp, const ModelContext& context);

// The loss between the decoder's raw output and the target.
LossValue reconstructionLoss(OutputMode mode, const Matrix& raw, const Matrix& target);
// The raw output mapped to data space (sigmoid for BCE, identity for MSE).
Matrix toDataSpace(OutputMode mode, const Matrix& raw);

} // namespace aelab
