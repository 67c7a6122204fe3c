#include "models/Reconstruction.h"

#include "layers/Activations.h"
#include "losses/Bce.h"
#include "losses/Mse.h"
#include "math/Error.h"
#include "models/Autoencoder.h"

namespace aelab {

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

} // namespace aelab
