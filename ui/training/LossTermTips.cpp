#include "training/LossTermTips.h"

#include <QCoreApplication>

namespace aelab::ui {

namespace {

QString tip(const char* text) { return QCoreApplication::translate("LossTermTips", text); }

} // namespace

QString lossTermTip(const QString& group)
{
    // QT_TRANSLATE_NOOP marks each for lupdate; tip() translates at run time.
    if (group == "loss")
        return tip(QT_TRANSLATE_NOOP("LossTermTips", "loss: the total the optimizer minimises, the sum of the weighted terms below; per sample, in the units of its parts"));
    if (group == "recon")
        return tip(QT_TRANSLATE_NOOP("LossTermTips", "recon: how far the reconstruction is from the input, summed over a sample's features: nats (sigmoid + BCE) or squared data units (linear + squared error)"));
    if (group == "l1")
        return tip(QT_TRANSLATE_NOOP("LossTermTips", "l1: the sum of the absolute code values per sample (sparse), in code units"));
    if (group == "kl")
        return tip(QT_TRANSLATE_NOOP("LossTermTips", "kl: for vae, KL(q(z|x) || N(0, I)) per sample; for sparse, the sum over code units of KL(rho || mean activation); in nats"));
    if (group == "kl_*")
        return tip(QT_TRANSLATE_NOOP("LossTermTips", "kl_j: the KL of latent dimension j alone, in nats; they add up to kl. A dimension near 0 has collapsed: it carries nothing about x"));
    if (group == "elbo")
        return tip(QT_TRANSLATE_NOOP("LossTermTips", "elbo: -(recon + kl), the evidence lower bound on log p(x), in nats; shown only when the decoder's output is a density"));
    if (group == "mean_activation")
        return tip(QT_TRANSLATE_NOOP("LossTermTips", "mean_activation: the mean of every sigmoid code unit over the batch, in (0, 1); sparse pushes it towards rho"));
    if (group == "contractive")
        return tip(QT_TRANSLATE_NOOP("LossTermTips", "contractive: the squared Frobenius norm of the encoder's Jacobian dh/dx per sample, in (code units / data units)²"));
    if (group == "jacobian_norm")
        return tip(QT_TRANSLATE_NOOP("LossTermTips", "jacobian_norm: the Frobenius norm of dh/dx itself (not squared), in code units / data units; smaller: the code moves less when x does"));
    if (group == "disc")
        return tip(QT_TRANSLATE_NOOP("LossTermTips", "disc: the discriminator's loss (BCE telling prior samples from codes), in nats; log 2 = 0.693 at the equilibrium"));
    if (group == "gen")
        return tip(QT_TRANSLATE_NOOP("LossTermTips", "gen: the encoder's adversarial loss (fooling the discriminator), in nats; log 2 = 0.693 at the equilibrium"));
    if (group == "disc_acc")
        return tip(QT_TRANSLATE_NOOP("LossTermTips", "disc_acc: the fraction of prior samples and codes the discriminator tells apart; 0.5 when the codes look like the prior"));
    if (group == "layer_recon")
        return tip(QT_TRANSLATE_NOOP("LossTermTips", "layer_recon: while pretraining layer k, how well its shallow autoencoder rebuilds the code of the layers below (layer 1: the input)"));
    if (group == "sparsity")
        return tip(QT_TRANSLATE_NOOP("LossTermTips", "sparsity: the pretraining L1 penalty on the code, weight times the mean absolute code value, in code units"));
    if (group == "missing_rmse")
        return tip(QT_TRANSLATE_NOOP("LossTermTips", "missing_rmse: the root mean squared error on the entries the missingness hid, in data units; not trained on"));
    if (group == "bit_recon")
        return tip(QT_TRANSLATE_NOOP("LossTermTips", "bit_recon: the reconstruction loss decoding the hard 0/1 bits instead of the training code; close to recon when the bits carry the information"));
    if (group == "saturation")
        return tip(QT_TRANSLATE_NOOP("LossTermTips", "saturation: how close the code units are to 0 or 1, in [0, 1]; 1: every unit is a bit"));
    if (group == "mmd")
        return tip(QT_TRANSLATE_NOOP("LossTermTips", "mmd: the squared maximum mean discrepancy between a batch's codes and samples of N(0, I), in kernel units (can dip below 0)"));
    return {};
}

QString diagnosticTip(const QString& key)
{
    if (key == "activations")
        return tip(QT_TRANSLATE_NOOP("LossTermTips", "Each code unit's mean activation over the probe set, in (0, 1), against the target rho (dashed)"));
    if (key == "posterior")
        return tip(QT_TRANSLATE_NOOP("LossTermTips", "KL of each latent dimension in nats, and its activity Var(mu_j) in code units squared; a dimension with KL under 0.01 nats has collapsed. With a density output, log p(x) in nats"));
    if (key == "prior")
        return tip(QT_TRANSLATE_NOOP("LossTermTips", "Samples of the prior (grey) under the codes of the probe set (coloured), in code units: the codes should cover the prior"));
    if (key == "jacobian")
        return tip(QT_TRANSLATE_NOOP("LossTermTips", "Singular values of the encoder's Jacobian dh/dx at a sample, in code units / data units, and its leading tangent directions drawn as images"));
    if (key == "field")
        return tip(QT_TRANSLATE_NOOP("LossTermTips", "Arrows r(x) - x on a lattice, in data units; the mean cosine with the direction to the nearest data point is in [-1, 1], 1 when every arrow points at the data"));
    if (key == "imputation")
        return tip(QT_TRANSLATE_NOOP("LossTermTips", "RMSE on the test set's missing entries, in data units, for the autoencoder, mean imputation, regression and complete-case means, under MCAR, MAR and MNAR"));
    if (key == "retrieval")
        return tip(QT_TRANSLATE_NOOP("LossTermTips", "Neighbours of a query by Hamming distance between codes (bits) and by pixel distance (L2); precision within radius r is the fraction of the same class"));
    if (key == "phases")
        return tip(QT_TRANSLATE_NOOP("LossTermTips", "The loss shaded by greedy phase (each layer's pretraining, then fine-tuning) and each layer's filters"));
    if (key == "subspace")
        return tip(QT_TRANSLATE_NOOP("LossTermTips", "Principal angles, in degrees, between the span of the probe set's reconstructions and PCA's top principal directions of the probe set, as many as the code is wide; 0 everywhere: the same subspace"));
    if (key == "switches")
        return tip(QT_TRANSLATE_NOOP("LossTermTips", "Reconstructions with the image's own max-pool switches and with the code alone, their reconstruction terms, and the bits the switches can carry per sample"));
    return {};
}

} // namespace aelab::ui
