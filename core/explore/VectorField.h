#pragma once
// The reconstruction field of an autoencoder on 2-D data: at each point x of
// a lattice over the plane, the arrow r(x) - x with r = g(f(x)).
// Only for a denoising autoencoder trained with Gaussian noise of small
// sigma and squared error does r(x) - x estimate the score,
//   r(x) - x ~ sigma^2 d log p(x) / dx   (Alain & Bengio, 2014),
// so that the arrows point up the data's density. For anything else (a plain
// ae, masking or salt-and-pepper noise, a BCE output, a contractive ae, which
// penalises the encoder's Jacobian rather than corrupting its input) the
// arrows are only where the model sends each point, with no density behind
// them.
#include "explore/Lattice.h"
#include "models/Autoencoder.h"

namespace aelab {

struct VectorField {
    Matrix points;    // (n^2, 2), gridLattice order
    Matrix deltas;    // (n^2, 2): r(x) - x
};

// The data's bounding box, widened by `margin` of its size on each side.
PlaneRect dataBounds(const Matrix& x, double margin = 0.15);

// The sigma of the score reading r(x) - x ~ sigma^2 grad log p(x): a dae
// with Gaussian corruption and a squared-error output; 0 for every other
// model (no score reading).
double scoreNoiseSigma(const Autoencoder& model);

// Needs a model of 2-D data (Error(InvalidArgument) otherwise).
VectorField reconstructionField(Autoencoder& model, const PlaneRect& rect, int n);

// Mean of |r(x) - x| over the points, and the mean cosine between the arrow
// and the direction to the nearest of `data`'s rows (1: all point at the data).
struct FieldAgreement {
    double meanLength = 0;
    double meanCosineToData = 0;
};
FieldAgreement fieldAgreement(const VectorField& field, const Matrix& data);

} // namespace aelab
