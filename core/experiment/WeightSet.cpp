#include "experiment/WeightSet.h"

#include "math/Error.h"
#include "models/Autoencoder.h"

namespace aelab {

long long WeightSet::count() const
{
    long long n = 0;
    for (const auto& [name, value] : values)
        n += value.size();
    return n;
}

WeightSet weightsOf(Autoencoder& model)
{
    WeightSet w;
    for (const Parameter& p : model.parameters())
        w.values.emplace_back(p.name, *p.value);
    return w;
}

bool fitsModel(const WeightSet& weights, Autoencoder& model)
{
    const std::vector<Parameter> params = model.parameters();
    if (params.size() != weights.values.size())
        return false;
    for (std::size_t i = 0; i < params.size(); ++i) {
        const auto& [name, value] = weights.values[i];
        if (params[i].name != name || params[i].value->rows() != value.rows()
            || params[i].value->cols() != value.cols())
            return false;
    }
    return true;
}

void loadWeights(Autoencoder& model, const WeightSet& weights)
{
    if (!fitsModel(weights, model))
        fail(ErrorKind::InvalidArgument, "the kept weights do not fit this model (its layers differ)");
    const std::vector<Parameter> params = model.parameters();
    for (std::size_t i = 0; i < params.size(); ++i)
        *params[i].value = weights.values[i].second;
}

} // namespace aelab
