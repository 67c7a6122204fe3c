#pragma once
// `cae`: the contractive autoencoder (Rifai et al., 2011). The code h(x) is a
// layer of sigmoid units, and the objective penalises the encoder's
// sensitivity to its input, the squared Frobenius norm of its Jacobian:
//   loss = recon + lambda * (1/B) sum_b ||dh/dx (x_b)||_F^2
// - One-layer encoder (hidden = none, the default and the classic CAE): the
//   penalty and its gradient are exact, in closed form (ContractivePenalty.h).
// - Deeper encoders: the penalty is an unbiased random-projection
//   (Hutchinson) estimate with one Gaussian probe per sample, its gradient
//   exact for that estimate (JacobianPenalty.h); the probes are drawn from the
//   rng of the step. The "jacobian_norm" report is then computed exactly with
//   one extra backward pass through the encoder per code unit, so a deep cae
//   with a wide code trains several times slower than `ae`.
// Reports "loss", "recon", "contractive" (the mean squared norm, unweighted)
// and "jacobian_norm" (the mean Frobenius norm over the batch).
#include "models/EncoderDecoder.h"
#include "models/Registry.h"

namespace aelab {

class ContractiveAutoencoder : public EncoderDecoder {
public:
    ContractiveAutoencoder(const HyperParams& hp, const ModelContext& context);

    std::string variant() const override { return "cae"; }

    // ||dh/dx (x_b)||_F of each sample, exactly, for any depth. (B)
    Vector jacobianNorms(const Matrix& x);
    // Whether the penalty is exact (a one-layer encoder) or estimated.
    bool exactPenalty() const { return m_exact; }

protected:
    LossTerms objective(const Matrix& batch, Rng& rng, bool backprop) override;

private:
    double m_lambda;
    bool m_exact;
};

VariantInfo contractiveVariant();

} // namespace aelab
