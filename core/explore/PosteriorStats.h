#pragma once
// How much of its latent space a VAE uses, from the posterior q(z|x) =
// N(mu(x), diag exp(logvar(x))) over a set of inputs:
//   KL_j     = mean_x 1/2 (mu_j^2 + exp(logvar_j) - 1 - logvar_j)   (nats)
//   A_j      = Var_x(mu_j)          activity (Burda et al., 2016)
//   active   = #{ j : A_j > activeThreshold }   (they use 0.01)
// Posterior collapse: a dimension whose KL is below klThreshold carries
// (almost) no information about x; the posterior has collapsed when every
// dimension has, and partly when some have.
#include "math/Matrix.h"

#include <vector>

namespace aelab {

struct PosteriorStats {
    std::vector<double> klPerDimension;
    std::vector<double> activity;
    int activeUnits = 0;
    std::vector<int> collapsed;    // dimensions (0-based) with KL < klThreshold
    double totalKl = 0;
    bool fullyCollapsed() const { return !klPerDimension.empty() && collapsed.size() == klPerDimension.size(); }
};

PosteriorStats posteriorStats(const Matrix& mu, const Matrix& logvar, double activeThreshold = 0.01,
                              double klThreshold = 0.01);

} // namespace aelab
