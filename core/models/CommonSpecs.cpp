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

std::vector<ParamSpec> denseArchitectureSpecs(const std::string& defaultHidden, int defaultLatent)
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
                     .help = "Non-linearity after each hidden layer; linear makes the model PCA-like"});
    specs.push_back({.key = "output", .label = "Output", .type = ParamType::Choice,
                     .defaultValue = "auto", .choices = {"auto", "sigmoid-bce", "linear-mse"},
                     .help = "sigmoid+BCE for intensities in [0,1], linear+MSE otherwise; auto picks by data"});
    return specs;
}

std::vector<ParamSpec> architectureChoiceSpecs(const std::string& defaultChannels)
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
    specs.push_back({.key = "up", .label = "Conv upsampling", .type = ParamType::Choice, .defaultValue = "deconv",
                     .choices = upModeNames(),
                     .help = "Conv only: unpool (max-pool switches) + conv, deconv (transposed conv), or upsample (nearest) + conv",
                     .appliesWhen = ParamCondition{"arch", {"conv"}}});
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
