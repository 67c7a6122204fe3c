#include "models/Reconstruction.h"

#include "layers/Activations.h"
#include "losses/Bce.h"
#include "losses/Likelihoods.h"
#include "losses/SquaredError.h"
#include "math/Error.h"
#include "models/Autoencoder.h"

namespace aelab {

OutputMode outputModeFor(const HyperParams& hp, const ModelContext& context)
{
    const std::string name = hp.has("output") ? hp.choice("output") : "auto";
    OutputMode mode;
    if (name == "sigmoid-bce" || name == "continuous-bernoulli") {
        if (!context.unitInterval)
            fail(ErrorKind::InvalidArgument,
                 "--output " + name + " needs data in [0, 1]; this dataset has values outside it "
                 "(use linear-mse, gaussian or auto)");
        mode.kind = name == "sigmoid-bce" ? OutputKind::SigmoidBce : OutputKind::ContinuousBernoulli;
    } else if (name == "linear-mse") {
        mode.kind = OutputKind::LinearSquaredError;
    } else if (name == "gaussian") {
        mode.kind = OutputKind::Gaussian;
    } else {
        mode.kind = context.unitInterval ? OutputKind::SigmoidBce : OutputKind::LinearSquaredError;
    }
    if (hp.has("sigma"))
        mode.sigma = hp.real("sigma");
    return mode;
}

LossValue reconstructionLoss(const OutputMode& mode, const Matrix& raw, const Matrix& target)
{
    switch (mode.kind) {
    case OutputKind::SigmoidBce: return bceWithLogitsLoss(raw, target);
    case OutputKind::LinearSquaredError: return squaredErrorLoss(raw, target);
    case OutputKind::ContinuousBernoulli: return continuousBernoulliNll(raw, target);
    case OutputKind::Gaussian: return gaussianNll(raw, target, mode.sigma);
    }
    fail(ErrorKind::InvalidArgument, "unknown output mode");
}

Matrix toDataSpace(const OutputMode& mode, const Matrix& raw)
{
    switch (mode.kind) {
    case OutputKind::SigmoidBce: return sigmoid(raw);
    case OutputKind::ContinuousBernoulli: return continuousBernoulliMean(raw);
    case OutputKind::LinearSquaredError:
    case OutputKind::Gaussian: return raw;
    }
    return raw;
}

std::string reconstructionTermName(const OutputMode& mode)
{
    switch (mode.kind) {
    case OutputKind::SigmoidBce: return "BCE summed over features (nats; a likelihood only for 0/1 data)";
    case OutputKind::LinearSquaredError: return "squared error summed over features";
    case OutputKind::ContinuousBernoulli: return "-log p(x|z), continuous Bernoulli (nats)";
    case OutputKind::Gaussian: return "-log p(x|z), Gaussian (nats)";
    }
    return "";
}

} // namespace aelab
