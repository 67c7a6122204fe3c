#pragma once
// Principal component analysis of a small table (latent codes, 2-D/3-D toy
// data): the projection the latent map uses for codes wider than 2.
//   C = (X - mean)^T (X - mean) / (n - 1),  C v_k = lambda_k v_k
//   projection = (X - mean) [v_1 .. v_k]
#include "math/Matrix.h"

#include <vector>

namespace aelab {

struct Pca {
    RowVector mean;                     // (1, features)
    Matrix components;                  // (features, k): unit columns, by falling variance
    std::vector<double> variance;       // lambda_k of each kept component
    double totalVariance = 0;           // trace of C

    int features() const { return int(components.rows()); }
    int kept() const { return int(components.cols()); }
    double explainedFraction(int k) const;   // variance[k] / totalVariance (0 if none)
};

// The top k components of the finite rows of x (k <= features); rows with a
// NaN or infinite entry are left out. Needs >= 1 finite row.
Pca fitPca(const Matrix& x, int k);

// (n, features) -> (n, k).
Matrix projectPca(const Pca& pca, const Matrix& x);

// Flips each component's sign to point the way the reference's does, so a
// projection refitted on slightly changed data does not mirror from one
// fit to the next. Shapes must match (else nothing changes).
void alignPca(Pca& pca, const Pca& reference);

} // namespace aelab
