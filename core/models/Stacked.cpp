#include "models/Stacked.h"

#include "losses/SquaredError.h"
#include "math/Error.h"
#include "models/CommonSpecs.h"

#include <algorithm>

namespace aelab {

// Layout: the encoder is [Dense, act, Dense, act, ..., Dense] (2L - 1
// layers for L Dense ones), the decoder the same, mirrored. Encoder Dense k
// (0-based) sits at 2k, its activation at 2k + 1 (none after the code layer);
// its decoder partner is decoder Dense L-1-k at 2(L-1-k), followed by an
// activation unless it is the output layer (k = 0).

StackedAutoencoder::StackedAutoencoder(const HyperParams& hp, const ModelContext& context)
    : EncoderDecoder(hp, context), m_layers(int(hp.intList("hidden").size()) + 1),
      m_pretrainEpochs(hp.integer("pretrain-epochs")), m_noise(hp.real("pretrain-noise")),
      m_sparsity(hp.real("pretrain-sparsity"))
{
}

int StackedAutoencoder::stageForEpoch(int epoch, int totalEpochs) const
{
    (void)totalEpochs;   // the budget per layer is never shrunk (checkSchedule refuses short runs)
    const int perLayer = m_pretrainEpochs;
    if (perLayer == 0 || epoch < 1)
        return -1;
    const int stage = (epoch - 1) / perLayer;
    return stage < m_layers ? stage : -1;
}

void StackedAutoencoder::checkSchedule(int totalEpochs) const
{
    if (m_pretrainEpochs == 0 || totalEpochs >= epochsNeeded())
        return;
    fail(ErrorKind::InvalidArgument,
         "stacked pretrains " + std::to_string(m_layers) + " layers for " + std::to_string(m_pretrainEpochs)
             + " epochs each and fine-tunes for at least 1: the run needs " + std::to_string(epochsNeeded())
             + " epochs but has " + std::to_string(totalEpochs)
             + " (raise the epochs, or lower the pretraining epochs per layer; 0 = no pretraining)");
}

void StackedAutoencoder::beginEpoch(int epoch, int totalEpochs)
{
    const int stage = stageForEpoch(epoch, totalEpochs);
    if (stage != m_stage)
        enterStage(stage);
}

void StackedAutoencoder::enterStage(int stage)
{
    m_stage = stage;
    // Each phase starts with a fresh optimizer: Adam's moments of one
    // shallow problem mean nothing to the next. Its rate is the setting's
    // value now (a live change is in m_hp).
    if (stage >= 0)
        m_stageOptimizer = optimizerFromSpecs(m_hp);
    else
        m_optimizer = optimizerFromSpecs(m_hp);
}

std::string StackedAutoencoder::phase() const
{
    if (m_stage < 0)
        return "fine-tuning";
    return "pretraining layer " + std::to_string(m_stage + 1) + " of " + std::to_string(m_layers);
}

void StackedAutoencoder::setLearningRate(double lr)
{
    m_optimizer->setLearningRate(lr);
    if (m_stageOptimizer)
        m_stageOptimizer->setLearningRate(lr);
}

std::vector<OptimizerSlot> StackedAutoencoder::optimizerSlots()
{
    std::vector<OptimizerSlot> slots = EncoderDecoder::optimizerSlots();
    if (m_stage >= 0 && m_stageOptimizer)
        slots.push_back({"stage", m_stageOptimizer.get(), stageParameters(m_stage)});
    return slots;
}

std::vector<Parameter> StackedAutoencoder::stageParameters(int k)
{
    std::vector<Parameter> params;
    const std::size_t enc = std::size_t(2 * k), dec = std::size_t(2 * (m_layers - 1 - k));
    for (auto p : m_encoder.at(enc).parameters()) {
        p.name = "encoder." + std::to_string(enc) + "." + p.name;
        params.push_back(p);
    }
    for (auto p : m_decoder.at(dec).parameters()) {
        p.name = "decoder." + std::to_string(dec) + "." + p.name;
        params.push_back(p);
    }
    return params;
}

LossTerms StackedAutoencoder::pretrainObjective(int k, const Matrix& batch, Rng& rng, bool backprop)
{
    const std::size_t enc = std::size_t(2 * k), dec = std::size_t(2 * (m_layers - 1 - k));
    const bool codeLayer = k == m_layers - 1, outputLayer = k == 0;

    // The whole stack's reconstruction, reported in every phase.
    const double stackRecon = reconstructionLoss(m_output, m_decoder.forward(m_encoder.forward(batch)), batch).value;

    // h = h_{k-1}: the input as the frozen layers below see it.
    Matrix h = batch;
    for (std::size_t i = 0; i < enc; ++i)
        h = m_encoder.at(i).forward(h);
    // Denoising: masking noise, each entry zeroed with probability m_noise.
    Matrix noisy = h;
    if (m_noise > 0)
        for (Eigen::Index j = 0; j < noisy.size(); ++j)
            if (rng.uniform() < m_noise)
                noisy.data()[j] = 0;

    // code = act(E_k h~);  out = act(D_k code) (the output layer: raw)
    Matrix code = m_encoder.at(enc).forward(noisy);
    if (!codeLayer)
        code = m_encoder.at(enc + 1).forward(code);
    Matrix out = m_decoder.at(dec).forward(code);
    if (!outputLayer)
        out = m_decoder.at(dec + 1).forward(out);
    const LossValue recon = outputLayer ? reconstructionLoss(m_output, out, h) : squaredErrorLoss(out, h);
    // Sparsity: s * (1/B) sum |code|,  d/dcode = s sign(code) / B
    const double batchSize = double(batch.rows());
    const double sparsity = m_sparsity * double(code.cwiseAbs().sum()) / batchSize;

    if (backprop) {
        Matrix d = recon.grad;
        if (!outputLayer)
            d = m_decoder.at(dec + 1).backward(d);
        d = m_decoder.at(dec).backward(d);
        if (m_sparsity > 0)
            d += code.unaryExpr([](Scalar v) { return Scalar((v > 0) - (v < 0)); }) * Scalar(m_sparsity / batchSize);
        if (!codeLayer)
            d = m_encoder.at(enc + 1).backward(d);
        m_encoder.at(enc).backward(d);
    }

    LossTerms terms;
    terms.add("loss", recon.value + sparsity);
    terms.add("layer_recon", recon.value);
    if (m_sparsity > 0)
        terms.add("sparsity", sparsity);
    terms.add("recon", stackRecon);
    return terms;
}

LossTerms StackedAutoencoder::objective(const Matrix& batch, Rng& rng, bool backprop)
{
    if (m_stage >= 0)
        return pretrainObjective(m_stage, batch, rng, backprop);
    return EncoderDecoder::objective(batch, rng, backprop);
}

LossTerms StackedAutoencoder::computeGradients(const Matrix& batch, Rng& rng)
{
    zeroGrad();
    return objective(batch, rng, true);
}

LossTerms StackedAutoencoder::trainStep(const Matrix& batch, Rng& rng)
{
    LossTerms terms = computeGradients(batch, rng);
    terms.updated = m_stage >= 0 ? m_stageOptimizer->step(stageParameters(m_stage))
                                 : m_optimizer->step(parameters());
    return terms;
}

VariantInfo stackedVariant()
{
    std::vector<ParamSpec> own;
    own.push_back({.key = "pretrain-epochs", .label = "Pretraining epochs", .type = ParamType::Int,
                   .defaultValue = 1, .min = 0, .max = 1000,
                   .help = "Epochs per layer of greedy pretraining (0 = none); the remaining epochs fine-tune",
                   .group = "Objective"});
    own.push_back({.key = "pretrain-noise", .label = "Pretraining noise", .type = ParamType::Real,
                   .defaultValue = 0.0, .min = 0.0, .max = 0.9,
                   .help = "Masking noise on each shallow autoencoder's input (denoising; 0 = off)",
                   .group = "Objective"});
    own.push_back({.key = "pretrain-sparsity", .label = "Pretraining sparsity", .type = ParamType::Real,
                   .defaultValue = 0.0, .min = 0.0, .max = 10.0,
                   .help = "L1 weight on each shallow autoencoder's code (sparse; 0 = off)",
                   .group = "Objective"});
    return {
        .key = "stacked",
        .name = "Stacked autoencoder",
        .summary = "Pretrains each layer greedily as a shallow (denoising or sparse) autoencoder, "
                   "then fine-tunes the whole stack",
        .specs = joinSpecs({denseArchitectureSpecs("512,256", 2), std::move(own), trainingSpecs(1e-3, 128)}),
        .create = [](const HyperParams& hp, const ModelContext& c) -> std::unique_ptr<Autoencoder> {
            return std::make_unique<StackedAutoencoder>(hp, c);
        },
        .traits = {.layerwise = true, .diagnostics = {"phases"}},
    };
}

} // namespace aelab
