#include "models/CommonSpecs.h"

#include "layers/Activations.h"
#include "models/ConvNetworks.h"
#include "models/HyperParams.h"
#include "optim/Optimizer.h"

namespace aelab {

std::vector<ParamSpec> trainingSpecs(double defaultLr, int defaultBatch)
{
    std::vector<ParamSpec> specs;
    specs.push_back({.key = "optimizer", .label = "Optimizer", .type = ParamType::Choice,
                     .defaultValue = "adam", .choices = {"adam", "sgd"},
                     .help = "Adam adapts each weight's step; SGD uses momentum", .group = "Training"});
    specs.push_back({.key = "lr", .label = "Learning rate", .type = ParamType::Real,
                     .defaultValue = defaultLr, .min = 1e-6, .max = 1.0,
                     .help = "Step size of the optimizer", .logScale = true, .liveTunable = true,
                     .group = "Training"});
    specs.push_back({.key = "momentum", .label = "Momentum", .type = ParamType::Real,
                     .defaultValue = 0.9, .min = 0.0, .max = 0.999,
                     .help = "SGD only: fraction of the previous step kept", .group = "Training",
                     .appliesWhen = ParamCondition{"optimizer", {"sgd"}}});
    specs.push_back({.key = "batch", .label = "Batch size", .type = ParamType::Int,
                     .defaultValue = defaultBatch, .min = 1, .max = 8192,
                     .help = "Samples per gradient step", .group = "Training"});
    specs.push_back({.key = "clip", .label = "Gradient clip", .type = ParamType::Real,
                     .defaultValue = 0.0, .min = 0.0, .max = 1e6,
                     .help = "Scale the gradient down to this global norm (0 = off)", .group = "Training"});
    return specs;
}

std::vector<ParamSpec> denseArchitectureSpecs(const std::string& defaultHidden, int defaultLatent, bool likelihoods)
{
    std::vector<ParamSpec> specs;
    specs.push_back({.key = "hidden", .label = "Hidden widths", .type = ParamType::IntList,
                     .min = 1, .max = 4096,
                     .help = "Encoder layer widths, e.g. 512,256; the decoder mirrors them"});
    specs.back().defaultValue = parseValue(specs.back(), defaultHidden);
    specs.push_back({.key = "latent", .label = "Latent size", .type = ParamType::Int,
                     .defaultValue = defaultLatent, .min = 1, .max = 1024,
                     .help = "Width of the code layer; 2 draws the latent map directly"});
    specs.push_back({.key = "activation", .label = "Hidden activation", .type = ParamType::Choice,
                     .defaultValue = "relu", .choices = activationNames(),
                     .help = "Non-linearity after each hidden layer; linear, with output linear-mse (picked with "
                             "it), makes the code span the PCA subspace (Baldi & Hornik 1989)"});
    specs.back().implies.push_back({.value = "linear", .key = "output", .to = "linear-mse"});
    specs.push_back({.key = "output", .label = "Output", .type = ParamType::Choice,
                     .defaultValue = "auto", .choices = {"auto", "sigmoid-bce", "linear-mse"},
                     .help = "sigmoid+BCE for intensities in [0,1] (a likelihood only for 0/1 data), linear + "
                             "squared error summed over features otherwise; auto picks by data"});
    if (likelihoods) {
        specs.back().choices.push_back("continuous-bernoulli");
        specs.back().choices.push_back("gaussian");
        specs.back().help = "The decoder's likelihood. sigmoid-bce: BCE, a likelihood only for 0/1 data; linear-mse: "
                            "squared error, a Gaussian up to a hidden variance and constant; continuous-bernoulli: "
                            "the normalised density for [0,1] data (Loaiza-Ganem & Cunningham 2019); gaussian: "
                            "N(x; output, sigma^2), constant included. Only the last two make the ELBO a bound on "
                            "log p(x); auto picks sigmoid-bce or linear-mse by data";
        specs.push_back({.key = "sigma", .label = "Gaussian sigma", .type = ParamType::Real, .defaultValue = 0.1,
                         .min = 1e-3, .max = 100.0,
                         .help = "Gaussian output: the decoder's standard deviation per feature, in the data's units",
                         .logScale = true, .appliesWhen = ParamCondition{"output", {"gaussian"}}});
    }
    return specs;
}

std::vector<ParamSpec> architectureChoiceSpecs(const std::string& unpoolRefused, const std::string& defaultChannels)
{
    std::vector<ParamSpec> specs;
    specs.push_back({.key = "arch", .label = "Architecture", .type = ParamType::Choice, .defaultValue = "dense",
                     .choices = {"dense", "conv"},
                     .help = "dense: fully connected layers (hidden); conv: convolutions and pooling for images (channels, up)"});
    specs.push_back({.key = "channels", .label = "Conv channels", .type = ParamType::IntList,
                     .defaultValue = nullptr, .min = 1, .max = 512, .choices = {},
                     .help = "Conv only: channels of each 3x3 conv + 2x2 max-pool level, e.g. 16,32; the decoder mirrors them",
                     .appliesWhen = ParamCondition{"arch", {"conv"}}});
    specs.back().defaultValue = parseValue(specs.back(), defaultChannels);
    ParamSpec up{.key = "up", .label = "Conv upsampling", .type = ParamType::Choice, .defaultValue = "deconv",
                 .choices = upModeNames(),
                 .help = "Conv only: deconv (transposed conv) or upsample (nearest) + conv; unpool + conv puts values "
                         "back where the encoder's max-pools found them, as SegNet's decoder does on purpose: those "
                         "switches tell the decoder about x past the code (Diagnostics shows how much)",
                 .appliesWhen = ParamCondition{"arch", {"conv"}}};
    if (!unpoolRefused.empty()) {
        std::erase(up.choices, "unpool");
        up.refused.push_back({"unpool", unpoolRefused});
        up.help = "Conv only: deconv (transposed conv) or upsample (nearest) + conv; unpool is refused here: "
                  "its max-pool switches would carry x to the decoder past the code";
    }
    specs.push_back(std::move(up));
    return specs;
}

std::unique_ptr<Optimizer> optimizerFromSpecs(const HyperParams& hp, double lrScale)
{
    OptimizerConfig c;
    c.kind = hp.choice("optimizer");
    c.learningRate = hp.real("lr") * lrScale;
    c.momentum = hp.real("momentum");
    c.clipNorm = hp.real("clip");
    return makeOptimizer(c);
}

std::vector<ParamSpec> joinSpecs(std::vector<std::vector<ParamSpec>> parts)
{
    std::vector<ParamSpec> all;
    for (auto& part : parts)
        for (auto& spec : part)
            all.push_back(std::move(spec));
    return all;
}

} // namespace aelab
