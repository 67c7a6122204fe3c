#pragma once
// Built-in toy datasets that need no files: 2-D sets for the latent map and
// vector-field views, 3-D manifolds for the manifold views. Each takes the
// sample count, a noise level (standard deviation of added Gaussian noise,
// in the data's units) and a seeded Rng, so the same seed gives the same set.
//
// The 2-D sets are centred near the origin with a spread of about 1; the
// 3-D manifolds lie within about [-2, 2]. Classes are balanced
// (sample i belongs to class i % k) except for the manifolds, whose label is
// the position along the manifold, binned, so a latent map can be coloured.
#include "data/Samples.h"
#include "math/Rng.h"

namespace aelab {

Samples makeMoons(int n, double noise, Rng& rng);               // 2 classes
Samples makeCircles(int n, double noise, Rng& rng, double innerRadius = 0.5); // outer, inner
Samples makeSpiral(int n, int arms, double noise, Rng& rng);    // `arms` classes
Samples makeGaussians(int n, int blobs, double noise, Rng& rng); // blob stddev = noise
Samples makeSwissRoll(int n, double noise, Rng& rng, int bins = 5);
Samples makeSCurve(int n, double noise, Rng& rng, int bins = 5);

} // namespace aelab
