#pragma once
// The plane of latent space a 2-D view shows, and the way back from it.
// For codes wider than 2 a user looks either at two chosen dimensions or at
// the first two principal components of the probe set's codes:
//   dims  project: p = (z_a, z_b)          lift: z = base, z_a = p_x, z_b = p_y
//   pca   project: p = (z - mean) [v1 v2]  lift: z = mean + p_x v1 + p_y v2
// `base` fills the dimensions a dims plane does not show: the codes' mean,
// or 0 (a VAE's prior mean) when asked. Latent size 1 is the line (z, 0);
// latent size 2 is always the plane itself.
#include "math/Pca.h"

#include <string>

namespace aelab {

enum class PlaneMode { Pca, Dims };

struct PlaneChoice {
    PlaneMode mode = PlaneMode::Pca;
    int dimX = 0;                  // 0-based; dims mode only
    int dimY = 1;
    bool zeroBase = false;         // dims mode: unseen dimensions at 0, not at the codes' mean
};

struct LatentPlane {
    int latentSize = 0;
    PlaneMode mode = PlaneMode::Dims;
    int dimX = 0, dimY = 1;
    Pca pca;                       // pca mode: the fit (k = 2)
    RowVector base;                // dims mode: (1, latent)
    std::string xLabel, yLabel;

    Matrix project(const Matrix& codes) const;   // (n, latent) -> (n, 2); a non-finite code gives a NaN row
    Matrix lift(const Matrix& points) const;     // (n, 2) -> (n, latent)
};

// The plane `choice` asks for, fitted to `codes` (n >= 1 rows). Dimensions
// out of range throw Error(InvalidArgument). A previous PCA plane of the same
// size keeps the signs of its axes (so a refit does not mirror the view).
LatentPlane fitPlane(const Matrix& codes, const PlaneChoice& choice, const LatentPlane* previous = nullptr);

} // namespace aelab
