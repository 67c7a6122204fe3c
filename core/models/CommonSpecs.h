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
// encoder/decoder pair mirrored around the code layer. Picking a linear
// activation brings output linear-mse with it (ParamImplication: the PCA
// subspace needs both, Baldi & Hornik 1989). `likelihoods`: output offers
// the normalised decoder densities too (continuous-bernoulli, gaussian, with
// "sigma"; Reconstruction.h), for the objectives that are likelihoods (vae).
std::vector<ParamSpec> denseArchitectureSpecs(const std::string& defaultHidden = "512,256",
                                              int defaultLatent = 2, bool likelihoods = false);

// arch, channels, up ("Model" group): the choice between the dense networks
// above and convolutional ones (ConvNetworks.h), for the variants whose
// objective works with either. `unpoolRefused` empty: "up" offers unpool (the
// decoder reads the encoder's max-pool switches of x, which skip the code;
// only `ae` keeps it, to show that leak); otherwise unpool is refused with
// this reason (the variant's meaning needs the code to be the only path).
std::vector<ParamSpec> architectureChoiceSpecs(const std::string& unpoolRefused = {},
                                               const std::string& defaultChannels = "16,32");

class Optimizer;

// The optimizer the training specs ask for ("optimizer", "lr", "momentum",
// "clip"), its rate scaled by lrScale.
std::unique_ptr<Optimizer> optimizerFromSpecs(const HyperParams& hp, double lrScale = 1.0);

// Concatenation helper for building a variant's spec list.
std::vector<ParamSpec> joinSpecs(std::vector<std::vector<ParamSpec>> parts);

} // namespace aelab
