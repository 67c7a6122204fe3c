#include "models/Contractive.h"

#include "layers/Activations.h"
#include "layers/Dense.h"
#include "losses/ContractivePenalty.h"
#include "losses/JacobianPenalty.h"
#include "models/CommonSpecs.h"

namespace aelab {

ContractiveAutoencoder::ContractiveAutoencoder(const HyperParams& hp, const ModelContext& context)
    : EncoderDecoder(hp, context), m_lambda(hp.real("lambda")), m_exact(hp.intList("hidden").empty())
{
    m_encoder.emplace<Sigmoid>();   // h = sigmoid(code)
}

Vector ContractiveAutoencoder::jacobianNorms(const Matrix& x)
{
    if (m_exact) {
        auto& dense = dynamic_cast<Dense&>(m_encoder.at(0));
        return sigmoidContractivePenalty(m_encoder.forward(x), dense.weight()).norms;
    }
    return jacobianFrobeniusNorms(m_encoder, x);
}

LossTerms ContractiveAutoencoder::objective(const Matrix& batch, Rng& rng, bool backprop)
{
    const Matrix h = m_encoder.forward(batch);   // (B, latent), sigmoid units
    const Matrix raw = m_decoder.forward(h);
    const LossValue recon = reconstructionLoss(m_output, raw, batch);
    double penalty = 0, meanNorm = 0;
    if (m_exact) {
        auto& dense = dynamic_cast<Dense&>(m_encoder.at(0));
        const ContractiveValue c = sigmoidContractivePenalty(h, dense.weight());
        penalty = c.value;
        meanNorm = c.meanNorm;
        if (backprop) {
            // Through h (the chain continues in Sigmoid and Dense), then W's direct part.
            m_encoder.backward(m_decoder.backward(recon.grad) + Scalar(m_lambda) * c.gradCode);
            dense.parameters().front().grad->noalias() += Scalar(m_lambda) * c.gradWeight;
        }
    } else {
        if (backprop)
            m_encoder.backward(m_decoder.backward(recon.grad));
        // After the backward pass: these re-run the encoder's layers (JacobianPenalty.h).
        const Matrix probes = rng.normalMatrix(batch.rows(), batch.cols());
        penalty = hutchinsonJacobianPenalty(m_encoder, batch, probes, backprop ? m_lambda : 0.0).value;
        meanNorm = double(jacobianFrobeniusNorms(m_encoder, batch).cast<double>().mean());
    }
    LossTerms terms;
    terms.add("loss", recon.value + m_lambda * penalty);
    terms.add("recon", recon.value);
    terms.add("contractive", penalty);
    terms.add("jacobian_norm", meanNorm);
    return terms;
}

VariantInfo contractiveVariant()
{
    std::vector<ParamSpec> own;
    own.push_back({.key = "lambda", .label = "Contraction weight", .type = ParamType::Real,
                   .defaultValue = 1.0, .min = 0.0, .max = 1000.0,
                   .choices = {}, .help = "Weight of the squared Frobenius norm of the encoder's Jacobian; 0 = plain ae",
                   .group = "Objective"});
    auto arch = denseArchitectureSpecs("", 64);
    arch.front().help = "Encoder layer widths before the sigmoid code (none = one layer: exact penalty; "
                        "else a random-projection estimate); the decoder mirrors them";
    return {
        .key = "cae",
        .name = "Contractive autoencoder",
        .summary = "Sigmoid code penalised by the squared Frobenius norm of the encoder's Jacobian, so it is "
                   "insensitive to directions off the data manifold",
        .specs = joinSpecs({arch, own, trainingSpecs(1e-3, 128)}),
        .create = [](const HyperParams& hp, const ModelContext& c) -> std::unique_ptr<Autoencoder> {
            return std::make_unique<ContractiveAutoencoder>(hp, c);
        },
        .traits = {.diagnostics = {"jacobian"}},
    };
}

} // namespace aelab
