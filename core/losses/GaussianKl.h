#pragma once
// The KL divergence of a diagonal Gaussian posterior from the standard normal
// prior, the regulariser of a VAE (Kingma & Welling 2014, appendix B):
//   KL(N(mu, diag exp(logvar)) || N(0, I)) = 1/2 sum_j (mu_j^2 + exp(logvar_j) - 1 - logvar_j)
// summed over the latent dimensions, averaged over the batch (B rows):
//   dKL/dmu = mu / B,   dKL/dlogvar = (exp(logvar) - 1) / (2 B)
#include "math/Matrix.h"

#include <vector>

namespace aelab {

struct GaussianKlValue {
    double value = 0;
    std::vector<double> perDimension;   // each latent dimension's KL, averaged over the batch (they sum to value)
    Matrix gradMu;                      // (B, latent)
    Matrix gradLogvar;                  // (B, latent)
};

// mu, logvar: (B, latent).
GaussianKlValue gaussianKl(const Matrix& mu, const Matrix& logvar);

} // namespace aelab
