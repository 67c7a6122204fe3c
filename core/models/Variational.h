#pragma once
// `vae`: the variational autoencoder (Kingma & Welling, 2014). The encoder
// maps x to the mean and log-variance of a diagonal Gaussian q(z|x); a code is
// drawn by the reparameterisation
//   z = mu + exp(logvar / 2) .* eps,   eps ~ N(0, I)
// so the sample is a differentiable function of the encoder's outputs; the
// decoder is Bernoulli (sigmoid + BCE) or Gaussian (linear + MSE) per
// "output". The objective is the negative ELBO with a weight on the KL term
// (beta-VAE, Higgins et al., 2017):
//   loss = recon + beta * KL(q(z|x) || N(0, I))
// Reports "loss", "recon", "kl" (unweighted) and "kl_0", "kl_1", ...: each
// latent dimension's KL, averaged over the batch. encode() returns mu.
#include "models/Priors.h"
#include "models/EncoderDecoder.h"
#include "models/Registry.h"

namespace aelab {

// Training, evaluation, decoding, the parameters and the optimizer are
// EncoderDecoder's; the VAE brings its objective and its code (the mean).
class VariationalAutoencoder : public EncoderDecoder {
public:
    VariationalAutoencoder(const HyperParams& hp, const ModelContext& context);

    std::string variant() const override { return "vae"; }
    Matrix encode(const Matrix& x) override;   // mu; reconstruct() decodes it: the mean reconstruction
    bool hasPrior() const override { return true; }
    Matrix samplePrior(int n, Rng& rng) override;   // N(0, I)
    std::string priorName() const override { return kStandardNormalPriorName; }

    // The objective with the noise given, eps (B, latent); with `backprop`
    // the gradients of the total are ADDED to the parameters' (no zeroing).
    // The stochastic path with eps fixed, for gradient checks and fixtures.
    LossTerms objectiveWithNoise(const Matrix& batch, const Matrix& eps, bool backprop);

    // The encoder's two heads for x: mu and log sigma^2, each (B, latent).
    void posterior(const Matrix& x, Matrix& mu, Matrix& logvar);

    double beta() const { return m_beta; }

protected:
    // A fresh eps ~ N(0, I) for every batch.
    LossTerms objective(const Matrix& batch, Rng& rng, bool backprop) override;

private:
    double m_beta;
};

VariantInfo variationalVariant();

} // namespace aelab
