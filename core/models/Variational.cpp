#include "models/Variational.h"

#include "losses/GaussianKl.h"
#include "models/CommonSpecs.h"
#include "models/ConvNetworks.h"

namespace aelab {

VariationalAutoencoder::VariationalAutoencoder(const HyperParams& hp, const ModelContext& context)
    : Autoencoder(hp, context, hp.integer("latent")), m_output(outputModeFor(hp, context)),
      m_beta(hp.real("beta"))
{
    Rng rng(context.seed);
    NetworkPair networks = buildNetworks(hp, context, 2 * m_latent, m_latent, rng);   // dense or conv ("arch")
    m_encoder = std::move(networks.encoder);
    m_decoder = std::move(networks.decoder);
    m_optimizer = optimizerFromSpecs(hp);
}

void VariationalAutoencoder::zeroGrad()
{
    m_encoder.zeroGrad();
    m_decoder.zeroGrad();
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

LossTerms VariationalAutoencoder::computeGradients(const Matrix& batch, Rng& rng)
{
    zeroGrad();
    return objectiveWithNoise(batch, rng.normalMatrix(batch.rows(), m_latent), true);
}

LossTerms VariationalAutoencoder::trainStep(const Matrix& batch, Rng& rng)
{
    LossTerms terms = computeGradients(batch, rng);
    terms.updated = m_optimizer->step(parameters());
    return terms;
}

LossTerms VariationalAutoencoder::evaluate(const Matrix& batch, Rng& rng)
{
    return objectiveWithNoise(batch, rng.normalMatrix(batch.rows(), m_latent), false);
}

Matrix VariationalAutoencoder::encode(const Matrix& x)
{
    return m_encoder.forward(x).leftCols(m_latent);
}

Matrix VariationalAutoencoder::decode(const Matrix& z)
{
    forgetSwitches(m_decoder);   // a code of its own: no encoder pass to unpool with
    return toDataSpace(m_output, m_decoder.forward(z));
}

Matrix VariationalAutoencoder::reconstruct(const Matrix& x)
{
    const Matrix mu = encode(x);
    return toDataSpace(m_output, m_decoder.forward(mu));   // unpools with x's switches
}

Matrix VariationalAutoencoder::samplePrior(int n, Rng& rng) { return decode(rng.normalMatrix(n, m_latent)); }

std::vector<Parameter> VariationalAutoencoder::parameters()
{
    std::vector<Parameter> params;
    appendParameters(params, "encoder", m_encoder);
    appendParameters(params, "decoder", m_decoder);
    return params;
}

void VariationalAutoencoder::setLearningRate(double lr) { m_optimizer->setLearningRate(lr); }

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
    };
}

} // namespace aelab
