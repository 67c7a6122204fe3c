#pragma once
// The drawing pad's numerics: a soft round brush on a small grey image (as
// MNIST's strokes: ~2 pixels of full ink with a one-pixel antialiased edge)
// and what the current model makes of the drawing.
//   coverage of pixel p by a stroke a->b:  c = clamp(r + 1/2 - dist(p, [a, b]), 0, 1)
//   ink     v = max(v, c)          (the pixel is observed again: mask = 1)
//   erase   v = v (1 - c)
//   cut out where c >= 1/2: v = 0 and mask = 0 (missing: what `masked` imputes)
// Pixel centres are at (i + 1/2, j + 1/2) in image coordinates.
#include "data/Corruption.h"
#include "models/Autoencoder.h"
#include "train/Snapshot.h"

#include <cstdint>

namespace aelab {

enum class BrushMode { Ink, Erase, CutOut };

struct Brush {
    BrushMode mode = BrushMode::Ink;
    double radius = 1.0;   // in pixels of the image
};

// One segment of a stroke on `image` and `mask` (both (1, width * height),
// row-major; mask 1 = observed). A dab is a segment from a point to itself.
void brushStroke(Matrix& image, Matrix& mask, int width, int height, double x0, double y0, double x1, double y1,
                 const Brush& brush);

// What the model makes of one drawing (image (1, d) in [0, 1], mask (1, d)):
//   code            encode(x), x with its missing entries NaN for `masked`
//                   (which reads NaN as missing), else with them 0
//   reconstruction  reconstruct(x)
//   corrupted       x corrupted by `noise` (seeded), clamped to [0, 1]
//   denoised        reconstruct(corrupted)
//   imputed         `masked` only, when the mask has missing entries: x with
//                   them filled by the model's estimate, the others kept
struct DrawingReadout {
    RowVector code;
    Matrix reconstruction, corrupted, denoised, imputed;
    int missing = 0;   // entries with mask 0
};

DrawingReadout readDrawing(Autoencoder& model, const Matrix& image, const Matrix& mask, const CorruptionSpec& noise,
                           std::uint64_t seed);

// Where `code` falls on the latent map `map` shows: for 2-D codes the code
// itself; for 1-D codes (z, -1), a strip below the classes' strips; for wider
// codes the PCA of the map's own codes, refitted (the same fit gives the same
// axes) with each axis's sign matched to the map's points, so the point
// lands where the map's projection puts it. NaN when the map has no finite code.
RowVector placeOnMap(const LatentMap& map, const RowVector& code);

} // namespace aelab
