#pragma once
// `aae`: the adversarial autoencoder (Makhzani et al., 2016). A discriminator
// D on latent codes learns to tell samples of a chosen prior p(z) from the
// encoder's codes E(x); the encoder learns to fool it, so the codes of the
// data come to follow the prior. Each batch runs three phases, each with its
// own optimizer and learning rate:
//   1. reconstruction  encoder + decoder minimise  recon(x, Dec(E(x)))          (lr)
//   2. discriminator   D minimises  L_D = 1/2 [bce(D(z~p), 1) + bce(D(E(x)), 0)] (lr-disc)
//   3. generator       the encoder minimises  L_G = bce(D(E(x)), 1)              (lr-gen)
// (bce on logits, averaged over the batch; at the equilibrium D outputs 1/2
// and L_D = L_G = log 2.) Reported terms: recon, disc, gen (each the
// objective of its own player, in nats per sample; no total is reported,
// since no player minimises their sum) and disc_acc, the discriminator's
// accuracy on the 2B codes.
#include "models/Priors.h"
#include "models/EncoderDecoder.h"
#include "models/Registry.h"

namespace aelab {

class AdversarialAutoencoder : public EncoderDecoder {
public:
    AdversarialAutoencoder(const HyperParams& hp, const ModelContext& context);

    std::string variant() const override { return "aae"; }
    LossTerms trainStep(const Matrix& batch, Rng& rng) override;
    // The gradient each player follows, at the current weights: encoder
    // d(recon + gen), decoder d recon, discriminator d disc.
    LossTerms computeGradients(const Matrix& batch, Rng& rng) override;
    std::vector<Parameter> parameters() override;   // encoder, decoder, discriminator
    std::vector<OptimizerSlot> optimizerSlots() override;   // main, disc, gen
    bool hasPrior() const override { return true; }
    Matrix samplePrior(int n, Rng& rng) override { return m_prior.sample(n, rng); }
    std::string priorName() const override { return aelab::priorName(m_prior.spec().kind); }

    // L_D on real = priorSample and fake = E(batch), rows of each equal in
    // number; with backprop its gradient is added to the discriminator's
    // parameters only. `accuracy` (optional) receives D's accuracy.
    double discriminatorLoss(const Matrix& batch, const Matrix& priorSample, bool backprop,
                             double* accuracy = nullptr);
    // L_G; with backprop its gradient is added to the encoder's parameters
    // (and, as a side effect, to the discriminator's, which phase 2 clears).
    double generatorLoss(const Matrix& batch, bool backprop);

    Sequential& discriminator() { return m_discriminator; }
    const Prior& prior() const { return m_prior; }

protected:
    LossTerms objective(const Matrix& batch, Rng& rng, bool backprop) override;
    void applySetting(const std::string& key, const nlohmann::json& value) override;   // lr-disc, lr-gen

private:
    std::vector<Parameter> autoencoderParameters();
    std::vector<Parameter> encoderParameters();
    std::vector<Parameter> discriminatorParameters();

    Prior m_prior;
    Sequential m_discriminator;                  // latent -> disc-hidden... -> 1 logit
    std::unique_ptr<Optimizer> m_discOptimizer;
    std::unique_ptr<Optimizer> m_genOptimizer;
};

VariantInfo adversarialVariant();

} // namespace aelab
