#pragma once
// The maximum mean discrepancy between the codes Q (n, d) of a batch and
// samples P (m, d) of the prior, as the Wasserstein autoencoder measures it
// (Tolstikhin et al. 2018, WAE-MMD): the unbiased U-statistic of Gretton et
// al. 2012,
//   MMD^2 = 1/(n(n-1)) sum_{i!=j} k(q_i, q_j) + 1/(m(m-1)) sum_{i!=j} k(p_i, p_j)
//           - 2/(n m) sum_{i,j} k(q_i, p_j),
// with the inverse multiquadratic kernel summed over scales, as in the
// paper's code:
//   k(a, b) = sum_s C_s / (C_s + ||a - b||^2),   C_s = 2 d s,  s in {0.1, 0.2, 0.5, 1, 2, 5, 10}
// (2 d is E||a - b||^2 for a, b ~ N(0, I): the kernel looks at the prior's
// own scale and the scales around it; its heavy tails keep a gradient for
// codes far from the prior, where a Gaussian kernel's vanishes).
// The gradient is with respect to Q (the prior's samples are constants):
//   dk/da = -sum_s 2 C_s (a - b) / (C_s + ||a - b||^2)^2
// It is a statistic of the whole batch, not a per-sample sum; an unbiased
// estimate, so it can dip below 0 when the two samples are close.
#include "losses/Loss.h"

namespace aelab {

// Q (n, d), P (m, d); n, m >= 2. Returns MMD^2 and d MMD^2 / dQ (n, d).
LossValue mmdImq(const Matrix& q, const Matrix& p);

} // namespace aelab
