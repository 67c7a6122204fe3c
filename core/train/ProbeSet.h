#pragma once
// The probe set: a fixed sample of held-out data that a run's views show
// (the latent map's points, the reconstruction and denoising row), chosen
// once so the map moves coherently instead of jittering, and so two runs on
// the same data and seed show the same samples.
#include "data/Dataset.h"

#include <cstdint>
#include <vector>

namespace aelab {

struct Split;

// The fixed sample that every snapshot of one run shows, chosen once so the
// latent map moves coherently instead of jittering.
struct ProbeSet {
    Matrix points;                 // (n, features): the latent map's samples
    std::vector<int> pointLabels;  // empty when the data is unlabelled
    Matrix images;                 // (m, features): the reconstruction/denoising row
    std::vector<int> imageLabels;
};

// Up to `points` seeded random rows of x, and a row of up to `images` samples
// taken from them: one per class first (in class order) when labelled.
ProbeSet chooseProbeSet(const Matrix& x, const std::vector<int>& labels, int points, int images,
                        std::uint64_t seed);

// The probe of a run: from the test set, else the validation part, else
// the training part.
ProbeSet heldOutProbe(const Dataset& data, const Split& split, int points, int images, std::uint64_t seed);

} // namespace aelab
