#pragma once
// How the codes of a sample spread along each latent dimension:
//   mean_j = 1/n sum_i z_ij,   std_j = sqrt(1/n sum_i (z_ij - mean_j)^2)
// over the rows whose codes are finite (a diverged model's overflowing
// codes are left out, as everywhere else). A dimension with no spread
// carries nothing about the input (a dead unit, or a VAE's collapsed
// posterior mean); codes pushed towards N(0, I) (vae, wae) have std ~1.
#include "math/Matrix.h"

#include <vector>

namespace aelab {

struct CodeSpread {
    std::vector<double> mean;     // per latent dimension
    std::vector<double> stddev;   // population standard deviation
    int samples = 0;              // finite rows it is over
};

CodeSpread codeSpread(const Matrix& codes);

} // namespace aelab
