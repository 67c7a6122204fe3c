#pragma once
// The catalogue of variants. Adding a variant is one file pair in
// core/models/ (which defines a `VariantInfo xxxVariant()`) plus one line in
// Registry.cpp; the form, the CLI's flags, the file's metadata and the
// strings to translate all come from here.
#include "models/Autoencoder.h"
#include "models/ParamSpec.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace aelab {

// What a variant is, for the front ends: the window asks these, never the
// variant's name. (Which architectures and up-sampling modes a variant
// allows are its specs' choices: "arch", "up".)
struct VariantTraits {
    // The codes are pushed towards N(0, I) (vae, wae): the manifold grid
    // walks the prior's quantiles, and latent dimensions not shown sit at 0.
    bool standardNormalPrior = false;
    // Its encoder's layers are trained one after another (stacked): each
    // has filters of its own to show.
    bool layerwise = false;
    // The Diagnostics panels that apply, first the one shown: "activations",
    // "posterior", "prior", "jacobian", "field", "imputation", "retrieval",
    // "phases", "switches", "subspace".
    std::vector<std::string> diagnostics;
};

struct VariantInfo {
    std::string key;       // "ae": what --variant takes
    std::string name;      // "Undercomplete autoencoder"
    std::string summary;   // one line for pickers and `aelab-cli list`
    std::vector<ParamSpec> specs;
    std::function<std::unique_ptr<Autoencoder>(const HyperParams&, const ModelContext&)> create;
    VariantTraits traits;

    bool offers(const std::string& specKey) const;   // "arch": it can be convolutional
    bool hasDiagnostic(const std::string& panel) const;
};

const std::vector<VariantInfo>& variants();
const VariantInfo& variantInfo(const std::string& key);   // throws Error for an unknown key

// Validates `hp` against the variant's specs (filling defaults) and builds it.
std::unique_ptr<Autoencoder> createModel(const std::string& key, HyperParams hp,
                                         const ModelContext& context);

} // namespace aelab
