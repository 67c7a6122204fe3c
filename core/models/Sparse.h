#pragma once
// `sparse`: the sparse autoencoder. The code units are sigmoids, and two
// penalties keep few of them active for any one input (Ng's "Sparse
// autoencoder" notes / UFLDL):
//   loss = recon + lambda * L1(h) + beta * sum_j KL(rho || rho_hat_j)
// where rho_hat_j is unit j's mean activation over the batch (Sparsity.h).
// Reports "loss", "recon", "l1" and "kl" (unweighted) and "mean_activation"
// (the mean of all code units over the batch).
#include "models/EncoderDecoder.h"
#include "models/Registry.h"

namespace aelab {

class SparseAutoencoder : public EncoderDecoder {
public:
    SparseAutoencoder(const HyperParams& hp, const ModelContext& context);

    std::string variant() const override { return "sparse"; }

    // rho_hat: each code unit's mean activation over `x`, (1, latent).
    RowVector meanActivations(const Matrix& x);

protected:
    LossTerms objective(const Matrix& batch, Rng& rng, bool backprop) override;

private:
    double m_rho;
    double m_beta;
    double m_lambda;
};

VariantInfo sparseVariant();

} // namespace aelab
