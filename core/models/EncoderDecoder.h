#pragma once
// An encoder and a mirrored decoder, dense (DenseNetworks.h) or, when the
// variant offers "arch" and it is "conv", convolutional (ConvNetworks.h),
// trained to reconstruct their input:
//   code = E(x),  x^ = D(code),  loss = recon = L(x^, x)   (Reconstruction.h)
// It is the `ae` variant (Undercomplete.cpp) and the base of the others:
// they override objective() to add their terms (and the VAE encode(), its
// code being the mean of two heads); the networks do not change.
#include "models/Autoencoder.h"
#include "models/Reconstruction.h"
#include "layers/Sequential.h"
#include "optim/Optimizer.h"

#include <memory>

namespace aelab {

class EncoderDecoder : public Autoencoder {
public:
    EncoderDecoder(const HyperParams& hp, const ModelContext& context);

    std::string variant() const override { return "ae"; }
    LossTerms trainStep(const Matrix& batch, Rng& rng) override;
    LossTerms evaluate(const Matrix& batch, Rng& rng) override;
    LossTerms computeGradients(const Matrix& batch, Rng& rng) override;
    Matrix encode(const Matrix& x) override;
    Matrix decode(const Matrix& z) override;
    Matrix reconstruct(const Matrix& x) override;   // decodes with x's unpooling switches
    std::vector<Parameter> parameters() override;
    std::vector<OptimizerSlot> optimizerSlots() override;
    void setLearningRate(double lr) override;

    Sequential& encoder() { return m_encoder; }
    Sequential& decoder() { return m_decoder; }
    OutputMode outputMode() const { return m_output; }

protected:
    // An encoder with `encoderOutputs` outputs (the VAE's two heads) before a
    // decoder from the latent size.
    EncoderDecoder(const HyperParams& hp, const ModelContext& context, int encoderOutputs);

    // The forward pass and every term of the objective; with `backprop` the
    // gradients of the total are accumulated into the parameters too.
    virtual LossTerms objective(const Matrix& batch, Rng& rng, bool backprop);
    // The encoder on `input`, the decoder's output scored against `target`
    // (the input itself; for dae the clean input behind a corrupted one):
    // terms loss = recon, with the gradients when asked.
    LossTerms reconstructionObjective(const Matrix& input, const Matrix& target, bool backprop);
    void zeroGrad();

    Sequential m_encoder;
    Sequential m_decoder;
    OutputMode m_output;
    std::unique_ptr<Optimizer> m_optimizer;
};

} // namespace aelab
