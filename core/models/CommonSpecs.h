#pragma once
// Specs most variants share, so each variant file declares only what is
// its own.
#include "models/ParamSpec.h"

namespace aelab {

// optimizer, lr, momentum, batch, clip ("Training" group).
std::vector<ParamSpec> trainingSpecs(double defaultLr = 1e-3, int defaultBatch = 128);

// hidden, latent, activation, output ("Model" group) of a dense
// encoder/decoder pair mirrored around the code layer.
std::vector<ParamSpec> denseArchitectureSpecs(const std::string& defaultHidden = "512,256",
                                              int defaultLatent = 2);

// Concatenation helper for building a variant's spec list.
std::vector<ParamSpec> joinSpecs(std::vector<std::vector<ParamSpec>> parts);

} // namespace aelab
