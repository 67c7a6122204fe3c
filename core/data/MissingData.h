#pragma once
// Missing-data masks (1 = observed, 0 = missing), the three mechanisms of
// Rubin's taxonomy:
//   MCAR  each entry goes missing with probability p, whatever the data.
//   MAR   only the first half of the features can go missing (the top half of
//         an image); entry j goes missing with a probability driven by its
//         partner in the second half (the pixel half an image below), which
//         is always observed: missingness depends on observed values only.
//   MNAR  entry j goes missing with a probability driven by its own value
//         (bright pixels go missing more often): missingness depends on the
//         very values that are missing.
// The driven probabilities, per sample (row): z = the drivers standardised
// within the row, w = exp(strength * z), pi = min(1, q w / mean(w)), rescaled
// so that mean(pi) = q. q is chosen so that a fraction `rate` of ALL entries
// goes missing (MAR: q = rate * features / maskable, so rate <= about 1/2).
//
// Each row's mask is drawn from an Rng seeded by `seed` and the sample the
// row is (data/SampleId.h: its index in its set): a sample always loses the
// same entries, whichever batch it comes in and however often it is seen,
// which is what "missing" means; and the draw never reads the values, so
// under MCAR the mask is independent of them (two identical rows are two
// samples and lose different entries), and under MAR and MNAR the values
// enter only through the probabilities above.
#include "data/SampleId.h"
#include "math/Matrix.h"

#include <cstdint>
#include <string>
#include <vector>

namespace aelab {

enum class MissingKind { Mcar, Mar, Mnar };

struct MissingSpec {
    MissingKind kind = MissingKind::Mcar;
    double rate = 0.3;        // expected fraction of all entries missing
    double strength = 2.0;    // MAR/MNAR: how strongly the driver matters (0 = MCAR-like)
    std::uint64_t seed = 1;
};

// Throws Error(InvalidArgument) when `spec` cannot be met for `features`
// features (a rate outside [0, 1), MAR with a rate above its maskable share).
void checkMissingSpec(const MissingSpec& spec, int features);

// (n, features) -> (n, features) of 0/1, row i being sample samples[i].
// Non-finite entries of x are reported missing too (NaN codes data that is
// already missing).
Matrix missingMask(const Matrix& x, const MissingSpec& spec, const std::vector<SampleId>& samples);
// Row i being sample i of `set`.
Matrix missingMask(const Matrix& x, const MissingSpec& spec, SampleSet set);

// 1 where x is finite, 0 where it is NaN or infinite.
Matrix finiteMask(const Matrix& x);
// x with NaN where mask == 0: the NaN coding of missing data.
Matrix withMissing(const Matrix& x, const Matrix& mask);
// x with 0 where mask == 0 (and where x is not finite).
Matrix zeroMissing(const Matrix& x, const Matrix& mask);

std::string missingKindName(MissingKind kind);       // "mcar", "mar", "mnar"
MissingKind parseMissingKind(const std::string& name);
std::vector<std::string> missingKindNames();

} // namespace aelab
