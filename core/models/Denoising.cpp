#include "models/Denoising.h"

#include "math/Error.h"
#include "models/CommonSpecs.h"

#include <sstream>

namespace aelab {

namespace {
double checkedLevel(CorruptionKind kind, double level)
{
    const double max = maxCorruptionLevel(kind);
    if (!(level >= 0 && level <= max)) {
        std::ostringstream s;
        s << "--noise " << level << " is out of range for " << corruptionKindName(kind) << " corruption: expected ["
          << 0 << ", " << max << "]" << (max < 2 ? " (a fraction of the inputs)" : " (the noise sigma)");
        fail(ErrorKind::InvalidArgument, s.str());
    }
    return level;
}
} // namespace

DenoisingAutoencoder::DenoisingAutoencoder(const HyperParams& hp, const ModelContext& context)
    : DenseAutoencoder(hp, context)
{
    m_corruption.kind = parseCorruptionKind(hp.choice("corruption"));
    m_corruption.level = checkedLevel(m_corruption.kind, hp.real("noise"));
    m_corruption.clampUnit = context.unitInterval;
}

void DenoisingAutoencoder::setLiveParam(const std::string& key, double value)
{
    if (key != "noise") {
        DenseAutoencoder::setLiveParam(key, value);
        return;
    }
    m_corruption.level = checkedLevel(m_corruption.kind, value);
}

LossTerms DenoisingAutoencoder::objective(const Matrix& batch, Rng& rng, bool backprop)
{
    const Matrix noisy = corrupt(batch, m_corruption, rng);   // a fresh draw for every batch
    const Matrix code = m_encoder.forward(noisy);
    const Matrix raw = m_decoder.forward(code);
    const LossValue recon = reconstructionLoss(m_output, raw, batch);   // against the CLEAN input
    if (backprop)
        m_encoder.backward(m_decoder.backward(recon.grad));
    LossTerms terms;
    terms.add("loss", recon.value);
    terms.add("recon", recon.value);
    return terms;
}

VariantInfo denoisingVariant()
{
    std::vector<ParamSpec> own;
    own.push_back({.key = "corruption", .label = "Corruption", .type = ParamType::Choice,
                   .defaultValue = "gaussian", .choices = {"gaussian", "masking", "salt-pepper"},
                   .help = "gaussian adds N(0, noise^2); masking zeroes a fraction; salt-pepper sets a fraction to 0 or 1",
                   .group = "Objective"});
    own.push_back({.key = "noise", .label = "Noise level", .type = ParamType::Real,
                   .defaultValue = 0.3, .min = 0.0, .max = 2.0,
                   .choices = {}, .help = "Sigma for gaussian; the fraction of inputs hit (at most 1) for masking and salt-pepper",
                   .liveTunable = true, .group = "Objective"});
    return {
        .key = "dae",
        .name = "Denoising autoencoder",
        .summary = "Rebuilds the clean input from a corrupted copy (Gaussian noise, masking, "
                   "salt-and-pepper), drawn afresh for every batch",
        .specs = joinSpecs({denseArchitectureSpecs("512,256", 32), architectureChoiceSpecs(), own, trainingSpecs(1e-3, 128)}),
        .create = [](const HyperParams& hp, const ModelContext& c) -> std::unique_ptr<Autoencoder> {
            return std::make_unique<DenoisingAutoencoder>(hp, c);
        },
    };
}

} // namespace aelab
