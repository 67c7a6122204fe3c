#pragma once
// What a contractive encoder keeps at a point x: the Jacobian J = dh/dx of
// its code (latent, inputs), its singular values s_1 >= s_2 >= ... and the
// right singular vectors v_k (input space). J v_k = s_k u_k: the directions
// with large s_k are the ones the code still responds to, the tangents of the
// manifold the encoder has learnt; everything orthogonal is contracted away
// (Rifai et al., 2011, "The manifold tangent classifier").
// J is measured by central differences on encode(), so it works for every
// variant and never touches the parameters' gradients:
//   J[:, i] = (h(x + eps e_i) - h(x - eps e_i)) / (2 eps)
#include "models/Autoencoder.h"

#include <vector>

namespace aelab {

// (latent, inputs), with all 2 * inputs shifted copies in one chunked encode.
Matrix encoderJacobian(Autoencoder& model, const RowVector& x, double eps = 1e-3);

struct TangentSpace {
    std::vector<double> singularValues;   // all min(latent, inputs), falling
    Matrix directions;                    // (k, inputs): v_1 .. v_k, unit rows
};

// The SVD of J, keeping the first k right singular vectors (k clamped to the rank bound).
TangentSpace tangentSpace(const Matrix& jacobian, int k);

// A direction as an image row: 0.5 + 0.5 v / max|v| (so 0 is mid-grey).
Matrix signedToUnit(const Matrix& rows);

} // namespace aelab
