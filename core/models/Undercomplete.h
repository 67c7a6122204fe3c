#pragma once
// `ae`: the undercomplete autoencoder. A dense encoder squeezes the input
// through a narrow code; a mirrored decoder rebuilds it. With linear
// activations and MSE it learns the PCA subspace (Baldi & Hornik, 1989).
//
// DenseAutoencoder is also the base of the other variants: they override
// objective() to add their terms (and the VAE encode(), its code being the
// mean of two heads). Despite its name it also holds a convolutional
// encoder/decoder when the variant offers "arch" and it is "conv"
// (ConvNetworks.h); the objectives do not change.
#include "models/DenseNetworks.h"
#include "models/Registry.h"
#include "optim/Optimizer.h"

namespace aelab {

class DenseAutoencoder : public Autoencoder {
public:
    DenseAutoencoder(const HyperParams& hp, const ModelContext& context);

    std::string variant() const override { return "ae"; }
    LossTerms trainStep(const Matrix& batch, Rng& rng) override;
    LossTerms evaluate(const Matrix& batch, Rng& rng) override;
    LossTerms computeGradients(const Matrix& batch, Rng& rng) override;
    Matrix encode(const Matrix& x) override;
    Matrix decode(const Matrix& z) override;
    Matrix reconstruct(const Matrix& x) override;   // decodes with x's unpooling switches
    std::vector<Parameter> parameters() override;
    void setLearningRate(double lr) override;

    Sequential& encoder() { return m_encoder; }
    Sequential& decoder() { return m_decoder; }
    OutputMode outputMode() const { return m_output; }

protected:
    // An encoder with `encoderOutputs` outputs (the VAE's two heads) before a
    // decoder from the latent size.
    DenseAutoencoder(const HyperParams& hp, const ModelContext& context, int encoderOutputs);

    // The forward pass and every term of the objective; with `backprop` the
    // gradients of the total are accumulated into the parameters too.
    virtual LossTerms objective(const Matrix& batch, Rng& rng, bool backprop);
    void zeroGrad();

    Sequential m_encoder;
    Sequential m_decoder;
    OutputMode m_output;
    std::unique_ptr<Optimizer> m_optimizer;
};

VariantInfo undercompleteVariant();

} // namespace aelab
