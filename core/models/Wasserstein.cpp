#include "models/Wasserstein.h"

#include "losses/Mmd.h"
#include "models/CommonSpecs.h"
#include "models/Priors.h"

namespace aelab {

WassersteinAutoencoder::WassersteinAutoencoder(const HyperParams& hp, const ModelContext& context)
    : EncoderDecoder(hp, context), m_lambda(hp.real("mmd-weight"))
{
}

Matrix WassersteinAutoencoder::samplePrior(int n, Rng& rng) { return rng.normalMatrix(n, m_latent); }

std::string WassersteinAutoencoder::priorName() const { return kStandardNormalPriorName; }

LossTerms WassersteinAutoencoder::objective(const Matrix& batch, Rng& rng, bool backprop)
{
    return objectiveWithPrior(batch, samplePrior(int(batch.rows()), rng), backprop);
}

LossTerms WassersteinAutoencoder::objectiveWithPrior(const Matrix& batch, const Matrix& z, bool backprop)
{
    const Matrix code = m_encoder.forward(batch);
    const Matrix raw = m_decoder.forward(code);
    const LossValue recon = reconstructionLoss(m_output, raw, batch);
    // A batch of one has no pairs to compare: no MMD term then.
    const bool pairs = batch.rows() >= 2;
    const LossValue mmd = pairs ? mmdImq(code, z) : LossValue{0, Matrix::Zero(code.rows(), code.cols())};
    if (backprop) {
        Matrix dCode = m_decoder.backward(recon.grad);
        if (m_lambda != 0)
            dCode += Scalar(m_lambda) * mmd.grad;
        m_encoder.backward(dCode);
    }
    LossTerms terms;
    terms.add("loss", recon.value + m_lambda * mmd.value);
    terms.add("recon", recon.value);
    terms.add("mmd", mmd.value);
    return terms;
}

VariantInfo wassersteinVariant()
{
    std::vector<ParamSpec> own;
    own.push_back({.key = "mmd-weight", .label = "MMD weight (lambda)", .type = ParamType::Real,
                   .defaultValue = 100.0, .min = 0.0, .max = 10000.0,
                   .choices = {}, .help = "Weight lambda of the MMD between a batch's codes and as many samples of N(0, I): "
                                          "~100 beside a BCE summed over 784 pixels (~250 per image), ~1 for 2-D data; 0 = a plain autoencoder",
                   .group = "Objective"});
    // Why --up unpool is refused here (CommonSpecs.h: the code must be the only path).
    const std::string unpoolRefused =
        "a wae's decoder would read the max-pool switches the encoder recorded on x, so its "
        "reconstructions would not rest on the codes the prior shapes, and a prior sample has no switches"
        " to decode with; use deconv or upsample";
    return {
        .key = "wae",
        .name = "Wasserstein autoencoder (WAE-MMD)",
        .summary = "A deterministic autoencoder whose batch of codes is pulled towards N(0, I) by the maximum "
                   "mean discrepancy, so the prior can be sampled while reconstructions stay sharp",
        .specs = joinSpecs({denseArchitectureSpecs("512,256", 8), architectureChoiceSpecs(unpoolRefused), own, trainingSpecs(1e-3, 128)}),
        .create = [](const HyperParams& hp, const ModelContext& c) -> std::unique_ptr<Autoencoder> {
            return std::make_unique<WassersteinAutoencoder>(hp, c);
        },
        .traits = {.standardNormalPrior = true, .diagnostics = {"prior"}},
    };
}

} // namespace aelab
