#pragma once
// Specs most variants share, so each variant file declares only what is
// its own.
#include "models/HyperParams.h"
#include "models/ParamSpec.h"

#include <memory>

namespace aelab {

// optimizer, lr, momentum, batch, clip ("Training" group).
std::vector<ParamSpec> trainingSpecs(double defaultLr = 1e-3, int defaultBatch = 128);

// hidden, latent, activation, output ("Model" group) of a dense
// encoder/decoder pair mirrored around the code layer.
std::vector<ParamSpec> denseArchitectureSpecs(const std::string& defaultHidden = "512,256",
                                              int defaultLatent = 2);

// arch, channels, up ("Model" group): the choice between the dense networks
// above and convolutional ones (ConvNetworks.h), for the variants whose
// objective works with either.
std::vector<ParamSpec> architectureChoiceSpecs(const std::string& defaultChannels = "16,32");

class Optimizer;

// The optimizer the training specs ask for ("optimizer", "lr", "momentum",
// "clip"), its rate scaled by lrScale.
std::unique_ptr<Optimizer> optimizerFromSpecs(const HyperParams& hp, double lrScale = 1.0);

// Concatenation helper for building a variant's spec list.
std::vector<ParamSpec> joinSpecs(std::vector<std::vector<ParamSpec>> parts);

} // namespace aelab
