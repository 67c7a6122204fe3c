#include "models/Undercomplete.h"

#include "models/CommonSpecs.h"
#include "models/ConvNetworks.h"

namespace aelab {

DenseAutoencoder::DenseAutoencoder(const HyperParams& hp, const ModelContext& context)
    : DenseAutoencoder(hp, context, hp.integer("latent"))
{
}

DenseAutoencoder::DenseAutoencoder(const HyperParams& hp, const ModelContext& context, int encoderOutputs)
    : Autoencoder(hp, context, hp.integer("latent")), m_output(outputModeFor(hp, context))
{
    Rng rng(context.seed);
    // Dense or conv per "arch" (dense when the variant has no such spec). The
    // encoder's input is the data, whose gradient no one needs: its first
    // layer skips dX (a sixth of a step's matrix products for 784-512-256-2).
    NetworkPair networks = buildNetworks(hp, context, encoderOutputs, m_latent, rng);
    m_encoder = std::move(networks.encoder);
    m_decoder = std::move(networks.decoder);
    m_optimizer = optimizerFromSpecs(hp);
}

void DenseAutoencoder::zeroGrad()
{
    m_encoder.zeroGrad();
    m_decoder.zeroGrad();
}

LossTerms DenseAutoencoder::objective(const Matrix& batch, Rng&, bool backprop)
{
    const Matrix code = m_encoder.forward(batch);
    const Matrix raw = m_decoder.forward(code);
    LossValue recon = reconstructionLoss(m_output, raw, batch);
    if (backprop)
        m_encoder.backward(m_decoder.backward(recon.grad));
    LossTerms terms;
    terms.add("loss", recon.value);
    terms.add("recon", recon.value);
    return terms;
}

LossTerms DenseAutoencoder::computeGradients(const Matrix& batch, Rng& rng)
{
    zeroGrad();
    return objective(batch, rng, true);
}

LossTerms DenseAutoencoder::trainStep(const Matrix& batch, Rng& rng)
{
    LossTerms terms = computeGradients(batch, rng);
    terms.updated = m_optimizer->step(parameters());
    return terms;
}

LossTerms DenseAutoencoder::evaluate(const Matrix& batch, Rng& rng) { return objective(batch, rng, false); }

Matrix DenseAutoencoder::encode(const Matrix& x) { return m_encoder.forward(x); }

Matrix DenseAutoencoder::decode(const Matrix& z)
{
    forgetSwitches(m_decoder);   // a code of its own: no encoder pass to unpool with
    return toDataSpace(m_output, m_decoder.forward(z));
}

Matrix DenseAutoencoder::reconstruct(const Matrix& x)
{
    const Matrix code = encode(x);
    return toDataSpace(m_output, m_decoder.forward(code));   // unpools with x's switches
}

std::vector<Parameter> DenseAutoencoder::parameters()
{
    std::vector<Parameter> params;
    appendParameters(params, "encoder", m_encoder);
    appendParameters(params, "decoder", m_decoder);
    return params;
}

void DenseAutoencoder::setLearningRate(double lr) { m_optimizer->setLearningRate(lr); }

VariantInfo undercompleteVariant()
{
    return {
        .key = "ae",
        .name = "Undercomplete autoencoder",
        .summary = "Compresses each input through a narrow code and rebuilds it; "
                   "linear activations recover the PCA subspace",
        .specs = joinSpecs({denseArchitectureSpecs("512,256", 2), architectureChoiceSpecs(), trainingSpecs(1e-3, 128)}),
        .create = [](const HyperParams& hp, const ModelContext& c) -> std::unique_ptr<Autoencoder> {
            return std::make_unique<DenseAutoencoder>(hp, c);
        },
        .traits = {.diagnostics = {"field"}},
    };
}

} // namespace aelab
