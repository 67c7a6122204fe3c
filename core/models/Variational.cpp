#include "models/Variational.h"

#include "losses/GaussianKl.h"
#include "models/CommonSpecs.h"
#include "models/ConvNetworks.h"

namespace aelab {

VariationalAutoencoder::VariationalAutoencoder(const HyperParams& hp, const ModelContext& context)
    : EncoderDecoder(hp, context, 2 * hp.integer("latent")),   // x -> [mu | logvar]
      m_beta(hp.real("beta"))
{
}

void VariationalAutoencoder::posterior(const Matrix& x, Matrix& mu, Matrix& logvar)
{
    const Matrix heads = m_encoder.forward(x);   // (B, 2 latent)
    mu = heads.leftCols(m_latent);
    logvar = heads.rightCols(m_latent);
}

LossTerms VariationalAutoencoder::objectiveWithNoise(const Matrix& batch, const Matrix& eps, bool backprop)
{
    Matrix mu, logvar;
    posterior(batch, mu, logvar);
    const Matrix sigma = (Scalar(0.5) * logvar.array()).exp().matrix();   // exp(logvar / 2)
    const Matrix z = mu + (sigma.array() * eps.array()).matrix();
    const Matrix raw = m_decoder.forward(z);
    const LossValue recon = reconstructionLoss(m_output, raw, batch);
    const GaussianKlValue kl = gaussianKl(mu, logvar);

    if (backprop) {
        const Matrix dz = m_decoder.backward(recon.grad);
        // dz/dmu = 1;  dz/dlogvar = eps .* exp(logvar / 2) / 2
        Matrix dHeads(batch.rows(), 2 * m_latent);
        dHeads.leftCols(m_latent) = dz + Scalar(m_beta) * kl.gradMu;
        dHeads.rightCols(m_latent) = (dz.array() * eps.array() * sigma.array() * Scalar(0.5)).matrix()
            + Scalar(m_beta) * kl.gradLogvar;
        m_encoder.backward(dHeads);
    }
    LossTerms terms;
    terms.add("loss", recon.value + m_beta * kl.value);
    terms.add("recon", recon.value);
    terms.add("kl", kl.value);
    for (std::size_t j = 0; j < kl.perDimension.size(); ++j)
        terms.add("kl_" + std::to_string(j), kl.perDimension[j]);
    return terms;
}

LossTerms VariationalAutoencoder::objective(const Matrix& batch, Rng& rng, bool backprop)
{
    return objectiveWithNoise(batch, rng.normalMatrix(batch.rows(), m_latent), backprop);
}

Matrix VariationalAutoencoder::samplePrior(int n, Rng& rng) { return rng.normalMatrix(n, m_latent); }

Matrix VariationalAutoencoder::encode(const Matrix& x)
{
    return m_encoder.forward(x).leftCols(m_latent);
}

VariantInfo variationalVariant()
{
    std::vector<ParamSpec> own;
    own.push_back({.key = "beta", .label = "KL weight (beta)", .type = ParamType::Real,
                   .defaultValue = 1.0, .min = 0.0, .max = 1000.0,
                   .choices = {}, .help = "Weight of KL(q(z|x) || N(0, I)); 1 = the ELBO, >1 disentangles, large collapses",
                   .group = "Objective"});
    return {
        .key = "vae",
        .name = "Variational autoencoder",
        .summary = "Encodes each input as a Gaussian over codes, samples by reparameterisation, "
                   "and keeps codes near N(0, I) so the prior can be sampled and decoded",
        .specs = joinSpecs({denseArchitectureSpecs("512,256", 2), architectureChoiceSpecs(), own, trainingSpecs(1e-3, 128)}),
        .create = [](const HyperParams& hp, const ModelContext& c) -> std::unique_ptr<Autoencoder> {
            return std::make_unique<VariationalAutoencoder>(hp, c);
        },
        .traits = {.standardNormalPrior = true, .diagnostics = {"posterior"}},
    };
}

} // namespace aelab
