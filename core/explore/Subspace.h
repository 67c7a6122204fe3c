#pragma once
// How far a model's reconstructions are from PCA's subspace: the principal
// angles between two k-dimensional subspaces of R^d,
//   cos(theta_i) = sigma_i(A^T B),   A, B with orthonormal columns (d, k),
// in degrees, smallest first (0: a shared direction, 90: orthogonal).
// A linear autoencoder with k code units, trained to its minimum on squared
// error, reconstructs inside the span of the data's top k principal
// directions (Baldi & Hornik 1989): every angle falls to 0.
#include "math/Matrix.h"

#include <vector>

namespace aelab {

std::vector<double> principalAnglesDegrees(const Matrix& a, const Matrix& b);

struct SubspaceComparison {
    int k = 0;                            // the subspaces' dimension (the code's width)
    std::vector<double> anglesDegrees;    // k angles, smallest first
    double largestDegrees() const { return anglesDegrees.empty() ? 0 : anglesDegrees.back(); }
};

// The top-k principal directions of `reconstructions` against those of `x`
// (both (n, d), the same rows); k < d.
SubspaceComparison reconstructionSubspace(const Matrix& x, const Matrix& reconstructions, int k);

} // namespace aelab
