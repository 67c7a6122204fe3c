#pragma once
// Corruption of clean inputs: what a denoising autoencoder learns to undo and
// what the denoising view applies to its fixed images. Every kind is seeded
// through the caller's Rng, so the same seed gives the same corrupted batch.
//   Gaussian    x~ = x + level * N(0, 1)            (level: noise sigma)
//   Masking     x~ = 0 with probability level, else x  (dropout-style masking noise)
//   SaltPepper  x~ = the data's minimum or maximum (even odds) with
//               probability level, else x (Vincent et al., 2010: 0 and 1
//               only for data in [0, 1])
#include "math/Matrix.h"
#include "math/Rng.h"

#include <string>
#include <vector>

namespace aelab {

enum class CorruptionKind { Gaussian, Masking, SaltPepper };

struct CorruptionSpec {
    CorruptionKind kind = CorruptionKind::Gaussian;
    double level = 0.3;        // sigma for Gaussian, a fraction in [0, 1] otherwise
    bool clampUnit = false;    // clamp the result to [0, 1] (images stay images)
    double low = 0, high = 1;  // salt-and-pepper's values: the data's minimum and maximum
};

// (batch, features) -> (batch, features). Throws Error(InvalidArgument) for a
// level outside [0, maxCorruptionLevel(kind)].
Matrix corrupt(const Matrix& clean, const CorruptionSpec& spec, Rng& rng);

// Peak signal-to-noise ratio with peak 1: 10 log10(1 / mean((a - b)^2)) in dB.
// +infinity for identical matrices; throws for different shapes or empty input.
double psnr(const Matrix& a, const Matrix& b);

std::string corruptionKindName(CorruptionKind kind);       // "gaussian", "masking", "salt-pepper"
std::string corruptionKindLabel(CorruptionKind kind);      // "Gaussian noise", ...
CorruptionKind parseCorruptionKind(const std::string& name);  // throws for an unknown name
std::vector<CorruptionKind> corruptionKinds();
double maxCorruptionLevel(CorruptionKind kind);             // 2 for Gaussian sigma, 1 for fractions

} // namespace aelab
