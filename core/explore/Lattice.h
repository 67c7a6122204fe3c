#pragma once
// Points to decode: lattices over a rectangle of a latent plane, Gaussian
// quantile lattices (Kingma & Welling's manifold figure), and straight paths
// between two codes.
#include "math/Matrix.h"

namespace aelab {

struct PlaneRect {
    double xMin = -1, xMax = 1, yMin = -1, yMax = 1;
};

// The inverse of the standard normal CDF, Phi^-1(p) for p in (0, 1)
// (Acklam's rational approximation refined by one Halley step: |error| < 1e-12).
// Throws Error(InvalidArgument) outside (0, 1).
double normalQuantile(double p);

// n x n cell centres of `rect`, as (n^2, 2) rows in reading order: row r
// (from the top, y falling) then column c (x rising), so tile r * n + c of a
// mosaic sits where its point sits in the plot:
//   x_c = xMin + (c + 1/2) (xMax - xMin) / n,   y_r = yMax - (r + 1/2) (yMax - yMin) / n
Matrix gridLattice(const PlaneRect& rect, int n);

// The same reading order over Gaussian quantiles on both axes:
//   x_c = Phi^-1((c + 1/2) / n),  y_r = Phi^-1(1 - (r + 1/2) / n)
Matrix gaussianLattice(int n);

// `steps` points from a to b (both included), evenly spaced:
//   z_t = (1 - t) a + t b,  t = i / (steps - 1).   (steps, latent)
Matrix interpolationPath(const RowVector& a, const RowVector& b, int steps);

} // namespace aelab
