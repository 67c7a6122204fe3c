#include "models/EncoderDecoder.h"

#include "models/CommonSpecs.h"
#include "models/ConvNetworks.h"

namespace aelab {

EncoderDecoder::EncoderDecoder(const HyperParams& hp, const ModelContext& context)
    : EncoderDecoder(hp, context, hp.integer("latent"))
{
}

EncoderDecoder::EncoderDecoder(const HyperParams& hp, const ModelContext& context, int encoderOutputs)
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

void EncoderDecoder::zeroGrad()
{
    m_encoder.zeroGrad();
    m_decoder.zeroGrad();
}

LossTerms EncoderDecoder::objective(const Matrix& batch, Rng&, bool backprop)
{
    return reconstructionObjective(batch, batch, backprop);
}

LossTerms EncoderDecoder::reconstructionObjective(const Matrix& input, const Matrix& target, bool backprop)
{
    const Matrix code = m_encoder.forward(input);
    const Matrix raw = m_decoder.forward(code);
    const LossValue recon = reconstructionLoss(m_output, raw, target);
    if (backprop)
        m_encoder.backward(m_decoder.backward(recon.grad));
    LossTerms terms;
    terms.add("loss", recon.value);
    terms.add("recon", recon.value);
    return terms;
}

LossTerms EncoderDecoder::computeGradients(const Matrix& batch, Rng& rng)
{
    zeroGrad();
    return objective(batch, rng, true);
}

LossTerms EncoderDecoder::trainStep(const Matrix& batch, Rng& rng)
{
    LossTerms terms = computeGradients(batch, rng);
    terms.updated = m_optimizer->step(parameters());
    return terms;
}

LossTerms EncoderDecoder::evaluate(const Matrix& batch, Rng& rng) { return objective(batch, rng, false); }

Matrix EncoderDecoder::encode(const Matrix& x) { return m_encoder.forward(x); }

Matrix EncoderDecoder::decode(const Matrix& z)
{
    forgetSwitches(m_decoder);   // a code of its own: no encoder pass to unpool with
    return toDataSpace(m_output, m_decoder.forward(z));
}

Matrix EncoderDecoder::reconstruct(const Matrix& x)
{
    const Matrix code = encode(x);
    return toDataSpace(m_output, m_decoder.forward(code));   // unpools with x's switches
}

std::vector<Parameter> EncoderDecoder::parameters()
{
    std::vector<Parameter> params;
    appendParameters(params, "encoder", m_encoder);
    appendParameters(params, "decoder", m_decoder);
    return params;
}

void EncoderDecoder::setLearningRate(double lr) { m_optimizer->setLearningRate(lr); }

std::vector<OptimizerSlot> EncoderDecoder::optimizerSlots() { return {{"main", m_optimizer.get(), parameters()}}; }

} // namespace aelab
