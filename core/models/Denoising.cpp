#include "models/Denoising.h"

#include "models/CommonSpecs.h"

#include <algorithm>

namespace aelab {

namespace {
// The level's limit per kind is spec data made from Corruption.h's one
// number per kind, so the form, the CLI, live changes and corrupt() agree:
// a fraction of the inputs (at most 1) for masking and salt-and-pepper.
ParamSpec noiseLevelSpec()
{
    ParamSpec spec{.key = "noise", .label = "Noise level", .type = ParamType::Real, .defaultValue = 0.3,
                   .min = 0.0, .max = 0.0, .choices = {},
                   .help = "Sigma for gaussian; the fraction of inputs hit (at most 1) for masking and salt-pepper",
                   .liveTunable = true, .group = "Objective"};
    for (CorruptionKind kind : corruptionKinds())
        spec.max = std::max(spec.max, maxCorruptionLevel(kind));
    for (CorruptionKind kind : corruptionKinds())
        if (maxCorruptionLevel(kind) < spec.max)
            spec.rangesWhen.push_back({.when = {"corruption", {corruptionKindName(kind)}},
                                       .min = 0.0, .max = maxCorruptionLevel(kind),
                                       .why = "a fraction of the inputs"});
    return spec;
}
} // namespace

DenoisingAutoencoder::DenoisingAutoencoder(const HyperParams& hp, const ModelContext& context)
    : EncoderDecoder(hp, context)
{
    m_corruption.kind = parseCorruptionKind(hp.choice("corruption"));
    m_corruption.level = hp.real("noise");   // its range per kind was checked with the specs
    m_corruption.clampUnit = context.unitInterval;
    m_corruption.low = context.valueMin;    // salt and pepper: the data's extremes
    m_corruption.high = context.valueMax;
}

void DenoisingAutoencoder::applySetting(const std::string& key, const nlohmann::json& value)
{
    if (key != "noise") {
        EncoderDecoder::applySetting(key, value);
        return;
    }
    m_corruption.level = value.get<double>();
}

LossTerms DenoisingAutoencoder::objective(const Matrix& batch, Rng& rng, bool backprop)
{
    const Matrix noisy = corrupt(batch, m_corruption, rng);   // a fresh draw for every batch
    return reconstructionObjective(noisy, batch, backprop);      // against the CLEAN input
}

VariantInfo denoisingVariant()
{
    std::vector<ParamSpec> own;
    own.push_back({.key = "corruption", .label = "Corruption", .type = ParamType::Choice,
                   .defaultValue = "gaussian", .choices = {"gaussian", "masking", "salt-pepper"},
                   .help = "gaussian adds N(0, noise^2); masking zeroes a fraction; salt-pepper sets a fraction to 0 or 1",
                   .group = "Objective"});
    own.push_back(noiseLevelSpec());
    // Why --up unpool is refused here (CommonSpecs.h: the code must be the only path).
    const std::string unpoolRefused =
        "a dae's decoder would read the max-pool switches of the corrupted input, a path around the code,"
        " so the code need not carry the structure that undoes the noise; use deconv or upsample";
    return {
        .key = "dae",
        .name = "Denoising autoencoder",
        .summary = "Rebuilds the clean input from a corrupted copy (Gaussian noise, masking, "
                   "salt-and-pepper), drawn afresh for every batch",
        .specs = joinSpecs({denseArchitectureSpecs("512,256", 32), architectureChoiceSpecs(unpoolRefused), own, trainingSpecs(1e-3, 128)}),
        .create = [](const HyperParams& hp, const ModelContext& c) -> std::unique_ptr<Autoencoder> {
            return std::make_unique<DenoisingAutoencoder>(hp, c);
        },
        .traits = {.diagnostics = {"field"}},
    };
}

} // namespace aelab
