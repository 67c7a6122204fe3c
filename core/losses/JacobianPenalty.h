#pragma once
// The Jacobian J_b = dh/dx of a dense encoder at each sample, for encoders of
// any depth: a Sequential of Dense layers and element-wise activations (ReLU,
// LeakyReLU, Sigmoid, Tanh, Identity). Used by `cae` when the encoder has
// hidden layers (a one-layer sigmoid encoder has the exact closed form in
// ContractivePenalty.h).
//
// Penalty estimate (Hutchinson). For v ~ N(0, I):
//   E ||J v||^2 = E v^T J^T J v = trace(J^T J) = ||J||_F^2,
// so with one probe v_b per sample
//   P^ = (1/B) sum_b ||J_b v_b||^2
// is an unbiased estimate of P = (1/B) sum_b ||J_b||_F^2. J v is computed in
// forward mode (tangent propagation) beside the forward pass:
//   Dense:       a = a' W^T + b,   t = t' W^T
//   activation:  a = f(u),         t = f'(u) .* t'
// and the gradient of P^ is exact, by reverse mode through both passes (P^
// sees the primal values only through f'(u)):
//   gt_L = (2/B) t_L,   ga_L = 0
//   activation:  gu  = ga .* f'(u) + gt .* t' .* f''(u),   gt' = f'(u) .* gt,   ga' = gu
//   Dense:       dW += gt^T t' + ga^T a',   db += 1^T ga,   gt' = gt W,   ga' = ga W
// so the expected gradient is the gradient of P. (ReLU's f'' is 0 almost
// everywhere: through ReLU layers only the tangent path carries gradient.)
//
// Both functions run the network's layers themselves and so overwrite what the
// activation layers kept from the last forward: call them after the model's own
// backward pass.
#include "layers/Sequential.h"

namespace aelab {

struct JacobianEstimate {
    double value = 0;   // P^, the estimate of the mean squared Frobenius norm
};

// probes: v, (B, inputs). With gradScale != 0, adds gradScale * dP^/dtheta to
// the encoder's parameter gradients.
JacobianEstimate hutchinsonJacobianPenalty(Sequential& encoder, const Matrix& x, const Matrix& probes,
                                           double gradScale);

// ||J_b||_F of each sample exactly, by one vector-Jacobian product per code
// unit (cost: `codes` backward passes through the encoder). (B)
Vector jacobianFrobeniusNorms(Sequential& encoder, const Matrix& x);

} // namespace aelab
