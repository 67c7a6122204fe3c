#include "models/Adversarial.h"

#include "losses/Bce.h"
#include "models/CommonSpecs.h"
#include "models/DenseNetworks.h"

namespace aelab {

namespace {

PriorSpec priorFromSpecs(const HyperParams& hp)
{
    PriorSpec s;
    s.kind = parsePriorKind(hp.choice("prior"));
    s.components = hp.integer("components");
    s.spread = hp.real("prior-spread");
    return s;
}

// The adversarial phases use Adam's beta1 = 0.5, as GANs usually do: a
// shorter momentum memory follows the moving opponent better.
std::unique_ptr<Optimizer> adversarialOptimizer(const HyperParams& hp, double lr)
{
    OptimizerConfig c;
    c.kind = hp.choice("optimizer");
    c.learningRate = lr;
    c.momentum = hp.real("momentum");
    c.beta1 = 0.5;
    c.clipNorm = hp.real("clip");
    return makeOptimizer(c);
}

// Rows with logit > 0 (D says "prior") among the first `real` rows, plus
// rows with logit <= 0 among the rest, over all rows.
double accuracyOf(const Matrix& logits, Eigen::Index real)
{
    Eigen::Index right = 0;
    for (Eigen::Index i = 0; i < logits.rows(); ++i)
        right += (i < real) == (logits(i, 0) > 0);
    return double(right) / double(logits.rows());
}

Matrix stackRows(const Matrix& top, const Matrix& bottom)
{
    Matrix out(top.rows() + bottom.rows(), top.cols());
    out << top, bottom;
    return out;
}

// Targets of D's batch [prior; codes]: 1 for the prior's rows, 0 for the codes'.
Matrix realFakeTargets(Eigen::Index real, Eigen::Index fake)
{
    Matrix t = Matrix::Zero(real + fake, 1);
    t.topRows(real).setOnes();
    return t;
}

} // namespace

AdversarialAutoencoder::AdversarialAutoencoder(const HyperParams& hp, const ModelContext& context)
    : EncoderDecoder(hp, context), m_prior(priorFromSpecs(hp), hp.integer("latent"))
{
    Rng rng(context.seed ^ 0xd15cull);
    m_discriminator = buildMlp(m_latent, hp.intList("disc-hidden"), 1, "leaky-relu", rng);
    m_discOptimizer = adversarialOptimizer(hp, hp.real("lr-disc"));
    m_genOptimizer = adversarialOptimizer(hp, hp.real("lr-gen"));
}

std::vector<Parameter> AdversarialAutoencoder::autoencoderParameters() { return EncoderDecoder::parameters(); }

std::vector<Parameter> AdversarialAutoencoder::encoderParameters()
{
    std::vector<Parameter> params;
    appendParameters(params, "encoder", m_encoder);
    return params;
}

std::vector<Parameter> AdversarialAutoencoder::discriminatorParameters()
{
    std::vector<Parameter> params;
    appendParameters(params, "discriminator", m_discriminator);
    return params;
}

std::vector<Parameter> AdversarialAutoencoder::parameters()
{
    std::vector<Parameter> params = autoencoderParameters();
    appendParameters(params, "discriminator", m_discriminator);
    return params;
}

void AdversarialAutoencoder::applySetting(const std::string& key, const nlohmann::json& value)
{
    // Each phase's rate is its own setting: changing one never moves another.
    if (key == "lr-disc")
        m_discOptimizer->setLearningRate(value.get<double>());
    else if (key == "lr-gen")
        m_genOptimizer->setLearningRate(value.get<double>());
    else
        EncoderDecoder::applySetting(key, value);
}

double AdversarialAutoencoder::discriminatorLoss(const Matrix& batch, const Matrix& priorSample, bool backprop,
                                                 double* accuracy)
{
    const Matrix codes = m_encoder.forward(batch);
    // One pass over [prior; codes] (2B, latent): bce averaged over 2B rows is
    // exactly 1/2 (mean over the prior's rows + mean over the codes' rows).
    const Matrix logits = m_discriminator.forward(stackRows(priorSample, codes));
    const LossValue l = bceWithLogitsLoss(logits, realFakeTargets(priorSample.rows(), codes.rows()));
    if (backprop)
        m_discriminator.backward(l.grad);
    if (accuracy)
        *accuracy = accuracyOf(logits, priorSample.rows());
    return l.value;
}

double AdversarialAutoencoder::generatorLoss(const Matrix& batch, bool backprop)
{
    const Matrix codes = m_encoder.forward(batch);
    const Matrix logits = m_discriminator.forward(codes);
    const LossValue l = bceWithLogitsLoss(logits, Matrix::Ones(logits.rows(), 1));
    if (backprop)
        m_encoder.backward(m_discriminator.backward(l.grad));
    return l.value;
}

LossTerms AdversarialAutoencoder::objective(const Matrix& batch, Rng& rng, bool backprop)
{
    // Forward once through the encoder; its gradient is dRecon/dz + dGen/dz.
    const Matrix codes = m_encoder.forward(batch);
    const Matrix raw = m_decoder.forward(codes);
    const LossValue recon = reconstructionLoss(m_output, raw, batch);
    Matrix dCodes;
    if (backprop)
        dCodes = m_decoder.backward(recon.grad);

    const Matrix fooled = m_discriminator.forward(codes);
    const LossValue gen = bceWithLogitsLoss(fooled, Matrix::Ones(fooled.rows(), 1));
    if (backprop) {
        dCodes += m_discriminator.backward(gen.grad);
        m_discriminator.zeroGrad();   // D does not minimise L_G
    }

    const Matrix priorSample = m_prior.sample(batch.rows(), rng);
    const Matrix logits = m_discriminator.forward(stackRows(priorSample, codes));
    const LossValue disc = bceWithLogitsLoss(logits, realFakeTargets(priorSample.rows(), codes.rows()));
    if (backprop) {
        m_discriminator.backward(disc.grad);
        m_encoder.backward(dCodes);
    }

    LossTerms terms;   // no summed total: each player minimises its own term (LossTerms.h)
    terms.add("recon", recon.value);
    terms.add("disc", disc.value);
    terms.add("gen", gen.value);
    terms.add("disc_acc", accuracyOf(logits, priorSample.rows()));
    return terms;
}

LossTerms AdversarialAutoencoder::computeGradients(const Matrix& batch, Rng& rng)
{
    zeroGrad();
    m_discriminator.zeroGrad();
    return objective(batch, rng, true);
}

LossTerms AdversarialAutoencoder::trainStep(const Matrix& batch, Rng& rng)
{
    // 1. reconstruction
    zeroGrad();
    const Matrix raw = m_decoder.forward(m_encoder.forward(batch));
    const LossValue recon = reconstructionLoss(m_output, raw, batch);
    m_encoder.backward(m_decoder.backward(recon.grad));
    bool updated = m_optimizer->step(autoencoderParameters());

    // 2. discriminator, against the codes of the updated encoder
    m_discriminator.zeroGrad();
    double accuracy = 0;
    const double disc = discriminatorLoss(batch, m_prior.sample(batch.rows(), rng), true, &accuracy);
    updated = m_discOptimizer->step(discriminatorParameters()) && updated;

    // 3. generator: the encoder against the updated discriminator
    m_encoder.zeroGrad();
    const double gen = generatorLoss(batch, true);
    updated = m_genOptimizer->step(encoderParameters()) && updated;

    LossTerms terms;
    terms.add("recon", recon.value);
    terms.add("disc", disc);
    terms.add("gen", gen);
    terms.add("disc_acc", accuracy);
    terms.updated = updated;
    return terms;
}

VariantInfo adversarialVariant()
{
    std::vector<ParamSpec> own;
    own.push_back({.key = "prior", .label = "Prior", .type = ParamType::Choice, .defaultValue = "gaussian",
                   .choices = priorNames(),
                   .help = "Distribution the codes are pushed to; mixture and swiss-roll need latent 2",
                   .group = "Objective"});
    own.push_back({.key = "components", .label = "Mixture components", .type = ParamType::Int,
                   .defaultValue = 10, .min = 1, .max = 100,
                   .help = "Mixture prior: Gaussians evenly spaced on a circle of radius 2", .group = "Objective"});
    own.push_back({.key = "prior-spread", .label = "Prior spread", .type = ParamType::Real, .defaultValue = 0.5,
                   .min = 0.01, .max = 10.0,
                   .help = "Mixture: each component's std; swiss roll: 4x its noise std", .group = "Objective"});
    own.push_back({.key = "disc-hidden", .label = "Discriminator widths", .type = ParamType::IntList,
                   .min = 1, .max = 4096, .help = "Hidden widths of the latent discriminator (leaky ReLU)",
                   .group = "Objective"});
    own.back().defaultValue = parseValue(own.back(), "128,128");
    own.push_back({.key = "lr-disc", .label = "Discriminator rate", .type = ParamType::Real, .defaultValue = 2e-4,
                   .min = 1e-6, .max = 1.0, .help = "Learning rate of the discriminator phase",
                   .logScale = true, .liveTunable = true, .group = "Objective"});
    own.push_back({.key = "lr-gen", .label = "Generator rate", .type = ParamType::Real, .defaultValue = 2e-4,
                   .min = 1e-6, .max = 1.0, .help = "Learning rate of the encoder's fooling (generator) phase",
                   .logScale = true, .liveTunable = true, .group = "Objective"});
    // Why --up unpool is refused here (CommonSpecs.h: the code must be the only path).
    const std::string unpoolRefused =
        "an aae's decoder would read the max-pool switches the encoder recorded on x, so its "
        "reconstructions would not rest on the codes the prior shapes, and a prior sample has no switches"
        " to decode with; use deconv or upsample";
    return {
        .key = "aae",
        .name = "Adversarial autoencoder",
        .summary = "A discriminator on the codes pushes them to follow a chosen prior "
                   "(Gaussian, a ring of Gaussians, a swiss roll)",
        .specs = joinSpecs({denseArchitectureSpecs("512,256", 2), architectureChoiceSpecs(unpoolRefused), std::move(own), trainingSpecs(1e-3, 128)}),
        .create = [](const HyperParams& hp, const ModelContext& c) -> std::unique_ptr<Autoencoder> {
            return std::make_unique<AdversarialAutoencoder>(hp, c);
        },
        .traits = {.diagnostics = {"prior"}},
    };
}

std::vector<OptimizerSlot> AdversarialAutoencoder::optimizerSlots()
{
    return {{"main", m_optimizer.get(), autoencoderParameters()},
            {"disc", m_discOptimizer.get(), discriminatorParameters()},
            {"gen", m_genOptimizer.get(), encoderParameters()}};
}

} // namespace aelab
