#pragma once
// The catalogue of variants. Adding a variant is one file in core/models/
// (which defines a `VariantInfo xxxVariant()`) plus one line in Registry.cpp.
#include "models/Autoencoder.h"
#include "models/ParamSpec.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace aelab {

struct VariantInfo {
    std::string key;       // "ae": what --variant takes
    std::string name;      // "Undercomplete autoencoder"
    std::string summary;   // one line for pickers and `aelab-cli list`
    std::vector<ParamSpec> specs;
    std::function<std::unique_ptr<Autoencoder>(const HyperParams&, const ModelContext&)> create;
};

const std::vector<VariantInfo>& variants();
const VariantInfo& variantInfo(const std::string& key);   // throws Error for an unknown key

// Validates `hp` against the variant's specs (filling defaults) and builds it.
std::unique_ptr<Autoencoder> createModel(const std::string& key, HyperParams hp,
                                         const ModelContext& context);

} // namespace aelab
