#include "models/Undercomplete.h"

#include "models/CommonSpecs.h"
#include "models/EncoderDecoder.h"

namespace aelab {

VariantInfo undercompleteVariant()
{
    return {
        .key = "ae",
        .name = "Undercomplete autoencoder",
        .summary = "Compresses each input through a narrow code and rebuilds it; with linear activations, a "
                   "linear output and squared error (output linear-mse) its code spans the PCA subspace",
        .specs = joinSpecs({denseArchitectureSpecs("512,256", 2), architectureChoiceSpecs(), trainingSpecs(1e-3, 128)}),
        .create = [](const HyperParams& hp, const ModelContext& c) -> std::unique_ptr<Autoencoder> {
            return std::make_unique<EncoderDecoder>(hp, c);
        },
        .traits = {.diagnostics = {"field", "switches", "subspace"}},
    };
}

} // namespace aelab
