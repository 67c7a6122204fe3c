#pragma once
// `wae`: the Wasserstein autoencoder, WAE-MMD (Tolstikhin et al., 2018). A
// deterministic encoder and a decoder, like `ae`; but where a VAE pulls each
// sample's posterior towards the prior (a per-sample KL) and an AAE asks a
// discriminator, the WAE pulls the distribution of a whole batch's codes
// towards the prior N(0, I) by their maximum mean discrepancy with as many
// prior samples (losses/Mmd.h):
//   loss = recon(x, D(E(x))) + lambda * MMD^2({E(x_i)}, {z_i ~ N(0, I)})
// (fresh z for every batch). Codes of different inputs may stay apart, so
// reconstructions stay sharp, while together they fill the prior, which can
// then be sampled and decoded. Terms: loss, recon, mmd (unweighted MMD^2).
#include "models/EncoderDecoder.h"
#include "models/Registry.h"

namespace aelab {

class WassersteinAutoencoder : public EncoderDecoder {
public:
    WassersteinAutoencoder(const HyperParams& hp, const ModelContext& context);

    std::string variant() const override { return "wae"; }
    bool hasPrior() const override { return true; }
    Matrix samplePrior(int n, Rng& rng) override;   // N(0, I)
    std::string priorName() const override;

    // The objective with the prior's samples given, z (B, latent); with
    // `backprop` the gradients of the total are ADDED to the parameters'.
    // The stochastic path with z fixed, for gradient checks.
    LossTerms objectiveWithPrior(const Matrix& batch, const Matrix& z, bool backprop);

protected:
    LossTerms objective(const Matrix& batch, Rng& rng, bool backprop) override;

private:
    double m_lambda;
};

VariantInfo wassersteinVariant();

} // namespace aelab
