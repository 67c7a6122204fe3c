#include "models/DenseNetworks.h"

#include "layers/Activations.h"
#include "layers/Dense.h"
#include "losses/Bce.h"
#include "losses/Mse.h"
#include "math/Error.h"
#include "models/Autoencoder.h"
#include "optim/Optimizer.h"

namespace aelab {

Sequential buildMlp(int in, const std::vector<int>& hidden, int out,
                    const std::string& activation, Rng& rng)
{
    const Init init = (activation == "relu" || activation == "leaky-relu") ? Init::He : Init::Xavier;
    Sequential net;
    int width = in;
    for (int h : hidden) {
        net.add(std::make_unique<Dense>(width, h, rng, init));
        net.add(makeActivation(activation));
        width = h;
    }
    net.add(std::make_unique<Dense>(width, out, rng, Init::Xavier));
    return net;
}

OutputMode outputModeFor(const HyperParams& hp, const ModelContext& context)
{
    const std::string mode = hp.has("output") ? hp.choice("output") : "auto";
    if (mode == "sigmoid-bce") {
        if (!context.unitInterval)
            fail(ErrorKind::InvalidArgument,
                 "--output sigmoid-bce needs data in [0, 1]; this dataset has values outside it "
                 "(use linear-mse or auto)");
        return OutputMode::SigmoidBce;
    }
    if (mode == "linear-mse")
        return OutputMode::LinearMse;
    return context.unitInterval ? OutputMode::SigmoidBce : OutputMode::LinearMse;
}

LossValue reconstructionLoss(OutputMode mode, const Matrix& raw, const Matrix& target)
{
    return mode == OutputMode::SigmoidBce ? bceWithLogitsLoss(raw, target) : mseLoss(raw, target);
}

Matrix toDataSpace(OutputMode mode, const Matrix& raw)
{
    return mode == OutputMode::SigmoidBce ? sigmoid(raw) : raw;
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

void appendParameters(std::vector<Parameter>& out, const std::string& prefix, Layer& net)
{
    for (auto p : net.parameters()) {
        p.name = prefix + "." + p.name;
        out.push_back(p);
    }
}

} // namespace aelab
