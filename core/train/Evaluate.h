#pragma once
// Whole-set evaluation in chunks: every loss term averaged over samples.
#include "models/Autoencoder.h"

namespace aelab {

// Row i of x is sample i of `set` (Autoencoder::setBatchSamples).
LossTerms evaluateSet(Autoencoder& model, const Matrix& x, Rng rng, int chunk = 1024,
                      SampleSet set = SampleSet::Test);

// encode / reconstruct a whole set in chunks (bounded memory for big sets).
Matrix encodeSet(Autoencoder& model, const Matrix& x, int chunk = 1024);
Matrix reconstructSet(Autoencoder& model, const Matrix& x, int chunk = 1024);

} // namespace aelab
