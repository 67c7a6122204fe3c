#pragma once
// Sparsity penalties on a code h (B rows, one unit per column).
#include "losses/Loss.h"

namespace aelab {

// L1: L = (1/B) sum_b sum_j |h_bj|,  dL/dh = sign(h) / B (0 at 0).
LossValue l1Penalty(const Matrix& code);

// The KL sparsity penalty of the classic sparse autoencoder (Ng, "Sparse
// autoencoder" lecture notes / UFLDL), for activations h in (0, 1):
//   rho_hat_j = (1/B) sum_b h_bj                  (mean activation of unit j)
//   L = sum_j KL(rho || rho_hat_j)
//     = sum_j rho log(rho / rho_hat_j) + (1 - rho) log((1 - rho) / (1 - rho_hat_j))
//   dL/dh_bj = (1/B) (-rho / rho_hat_j + (1 - rho) / (1 - rho_hat_j))
// It is a property of the batch, not a per-sample sum. rho_hat is kept in
// [1e-6, 1 - 1e-6] so that a saturated unit gives a large finite value and
// gradient rather than infinity (the clamp is far from any working point).
LossValue klSparsityPenalty(const Matrix& activations, double rho);

// rho_hat: the mean of each column over the batch, (1, units).
RowVector meanActivation(const Matrix& activations);

} // namespace aelab
