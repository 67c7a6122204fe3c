#pragma once
// The contractive penalty (Rifai et al., 2011) of a one-layer sigmoid
// encoder, exactly:
//   h_b = sigmoid(W x_b + b),  W (m, n),  s_bj = h_bj (1 - h_bj)
//   J_b = dh_b/dx_b = diag(s_b) W
//   ||J_b||_F^2 = sum_j s_bj^2 w_j,  with w_j = sum_i W_ji^2
//   P = (1/B) sum_b ||J_b||_F^2                 (averaged over the batch)
//
// Gradient. P depends on W twice: directly through w_j, and through h.
//   Direct (h held fixed):  dP/dW_ji = (2/B) sum_b s_bj^2 W_ji
//   Through h (W held fixed): ds/dh = 1 - 2h, so
//                            dP/dh_bj = (2/B) s_bj (1 - 2 h_bj) w_j
// The caller adds lambda * dP/dh to the code's gradient before back-propagating
// through the encoder (Sigmoid then Dense), which completes the chain rule:
//   dP/da_bj = dP/dh_bj * s_bj = (2/B) s_bj^2 (1 - 2 h_bj) w_j   (a = W x + b)
//   dP/dW_ji += sum_b dP/da_bj x_bi,   dP/db_j = sum_b dP/da_bj
// and adds lambda * the direct part to W's gradient itself.
#include "math/Matrix.h"

namespace aelab {

struct ContractiveValue {
    double value = 0;      // P, the mean squared Frobenius norm
    double meanNorm = 0;   // (1/B) sum_b ||J_b||_F, for reporting
    Vector norms;          // ||J_b||_F of each sample, (B)
    Matrix gradCode;       // dP/dh, (B, m)
    Matrix gradWeight;     // the direct dP/dW, (m, n)
};

// code: h = sigmoid(x W^T + b), (B, m); weight: W, (m, n).
ContractiveValue sigmoidContractivePenalty(const Matrix& code, const Matrix& weight);

} // namespace aelab
