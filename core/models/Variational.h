#pragma once
// `vae`: the variational autoencoder (Kingma & Welling, 2014). The encoder
// maps x to the mean and log-variance of a diagonal Gaussian q(z|x); a code is
// drawn by the reparameterisation
//   z = mu + exp(logvar / 2) .* eps,   eps ~ N(0, I)
// so the sample is a differentiable function of the encoder's outputs. The
// decoder's term is the output's (Reconstruction.h): -log p(x|z) in nats for
// the normalised densities (continuous-bernoulli for [0, 1] data, gaussian
// with a stated sigma), BCE or a squared error otherwise. The objective, with
// a weight on the KL term (beta-VAE, Higgins et al., 2017), is
//   loss = recon + beta * KL(q(z|x) || N(0, I))
// the negative ELBO when beta = 1 and the output is a density; with BCE on
// grey data or a squared error it bounds nothing. Reports "loss", "recon",
// "kl" (unweighted), "elbo" = -(recon + kl) (nats; only for a density output,
// where it is a bound on log p(x)) and "kl_0", "kl_1", ...: each latent
// dimension's KL, averaged over the batch. encode() returns mu.
//
// The importance-weighted estimate of log p(x) (Burda et al., 2016): with
// z_1..z_k drawn from q(z|x),
//   w_s = p(x | z_s) p(z_s) / q(z_s | x)
//   IWAE_k = log (1/k) sum_s w_s  <=  log p(x),
// which grows with k towards log p(x) (k = 1: the ELBO in expectation), and
// for the same draws is at least their mean of log w_s (Jensen).
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

    // Per-sample means over x (nats) of the k-draw importance-weighted
    // estimate and of the same draws' ELBO (mean log w), in chunks. Throws
    // Error(Unsupported) unless the output is a density.
    struct LogLikelihoodEstimate {
        int k = 0;
        Eigen::Index samples = 0;
        double elbo = 0;   // mean over x of (1/k) sum_s log w_s
        double iwae = 0;   // mean over x of IWAE_k
    };
    LogLikelihoodEstimate estimateLogLikelihood(const Matrix& x, int k, Rng& rng, int chunk = 256);

protected:
    // A fresh eps ~ N(0, I) for every batch.
    LossTerms objective(const Matrix& batch, Rng& rng, bool backprop) override;

private:
    double m_beta;
};

VariantInfo variationalVariant();

} // namespace aelab
