#include "models/Registry.h"

#include "math/Error.h"
#include "models/Undercomplete.h"
#include "models/Denoising.h"
#include "models/Sparse.h"
#include "models/Contractive.h"
#include "models/Variational.h"
#include "models/Adversarial.h"
#include "models/Stacked.h"
#include "models/Masked.h"
#include "models/Hashing.h"
#include "models/Wasserstein.h"

#include <algorithm>

namespace aelab {

const std::vector<VariantInfo>& variants()
{
    static const std::vector<VariantInfo> all{
        undercompleteVariant(),
        denoisingVariant(),
        sparseVariant(),
        contractiveVariant(),
        variationalVariant(),
        adversarialVariant(),
        stackedVariant(),
        maskedVariant(),
        hashingVariant(),
        wassersteinVariant(),
    };
    return all;
}

bool VariantInfo::offers(const std::string& specKey) const { return findSpec(specs, specKey) != nullptr; }

bool VariantInfo::hasDiagnostic(const std::string& panel) const
{
    return std::find(traits.diagnostics.begin(), traits.diagnostics.end(), panel) != traits.diagnostics.end();
}

const VariantInfo& variantInfo(const std::string& key)
{
    for (const auto& v : variants())
        if (v.key == key)
            return v;
    std::string known;
    for (const auto& v : variants())
        known += (known.empty() ? "" : ", ") + v.key;
    fail(ErrorKind::InvalidArgument, "unknown variant '" + key + "' (known: " + known + ")");
}

std::unique_ptr<Autoencoder> createModel(const std::string& key, HyperParams hp,
                                         const ModelContext& context)
{
    const VariantInfo& info = variantInfo(key);
    hp.validate(info.specs);
    if (context.inputDim <= 0)
        fail(ErrorKind::InvalidArgument, "the dataset has no features");
    return info.create(hp, context);
}

} // namespace aelab
