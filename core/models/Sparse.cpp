#include "models/Sparse.h"

#include "layers/Activations.h"
#include "losses/Sparsity.h"
#include "models/CommonSpecs.h"

namespace aelab {

SparseAutoencoder::SparseAutoencoder(const HyperParams& hp, const ModelContext& context)
    : EncoderDecoder(hp, context), m_rho(hp.real("rho")), m_beta(hp.real("beta")),
      m_lambda(hp.real("lambda"))
{
    m_encoder.emplace<Sigmoid>();   // h = sigmoid(code): activations in (0, 1)
}

RowVector SparseAutoencoder::meanActivations(const Matrix& x)
{
    return meanActivation(m_encoder.forward(x));
}

LossTerms SparseAutoencoder::objective(const Matrix& batch, Rng&, bool backprop)
{
    const Matrix h = m_encoder.forward(batch);                 // (B, latent), in (0, 1)
    const Matrix raw = m_decoder.forward(h);
    const LossValue recon = reconstructionLoss(m_output, raw, batch);
    const LossValue l1 = l1Penalty(h);
    const LossValue kl = klSparsityPenalty(h, m_rho);
    if (backprop) {
        Matrix dh = m_decoder.backward(recon.grad);
        if (m_lambda != 0)
            dh += Scalar(m_lambda) * l1.grad;
        if (m_beta != 0)
            dh += Scalar(m_beta) * kl.grad;
        m_encoder.backward(dh);
    }
    LossTerms terms;
    terms.add("loss", recon.value + m_lambda * l1.value + m_beta * kl.value);
    terms.add("recon", recon.value);
    terms.add("l1", l1.value);
    terms.add("kl", kl.value);
    terms.add("mean_activation", double(meanActivation(h).cast<double>().mean()));
    return terms;
}

VariantInfo sparseVariant()
{
    std::vector<ParamSpec> own;
    own.push_back({.key = "rho", .label = "Target activation", .type = ParamType::Real,
                   .defaultValue = 0.05, .min = 0.001, .max = 0.999,
                   .choices = {}, .help = "Mean activation rho each sigmoid code unit is pushed towards",
                   .logScale = true, .group = "Objective"});
    own.push_back({.key = "beta", .label = "KL weight", .type = ParamType::Real,
                   .defaultValue = 50.0, .min = 0.0, .max = 1000.0,
                   .choices = {}, .help = "Weight beta of sum_j KL(rho || mean activation of unit j); tens for images, 0 = off",
                   .group = "Objective"});
    own.push_back({.key = "lambda", .label = "L1 weight", .type = ParamType::Real,
                   .defaultValue = 0.0, .min = 0.0, .max = 100.0,
                   .choices = {}, .help = "Weight lambda of the L1 norm of the code, per sample; 0 = off",
                   .group = "Objective"});
    return {
        .key = "sparse",
        .name = "Sparse autoencoder",
        .summary = "Sigmoid code units kept mostly silent by a KL penalty towards a target "
                   "mean activation and/or an L1 penalty",
        .specs = joinSpecs({denseArchitectureSpecs("256", 64), own, trainingSpecs(1e-3, 128)}),
        .create = [](const HyperParams& hp, const ModelContext& c) -> std::unique_ptr<Autoencoder> {
            return std::make_unique<SparseAutoencoder>(hp, c);
        },
        .traits = {.diagnostics = {"activations"}},
    };
}

} // namespace aelab
