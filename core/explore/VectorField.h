#pragma once
// The reconstruction field of an autoencoder on 2-D data: at each point x of
// a lattice over the plane, the arrow r(x) - x with r = g(f(x)). For a
// denoising or contractive autoencoder r(x) - x estimates the score
// sigma^2 d log p(x) / dx (Alain & Bengio, 2014): the arrows point back to
// the data manifold.
#include "explore/Lattice.h"
#include "models/Autoencoder.h"

namespace aelab {

struct VectorField {
    Matrix points;    // (n^2, 2), gridLattice order
    Matrix deltas;    // (n^2, 2): r(x) - x
};

// The data's bounding box, widened by `margin` of its size on each side.
PlaneRect dataBounds(const Matrix& x, double margin = 0.15);

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
