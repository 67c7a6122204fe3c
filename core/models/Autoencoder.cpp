#include "models/Autoencoder.h"

#include "math/Error.h"
#include "models/Registry.h"

namespace aelab {

ModelContext contextFor(const Dataset& data, std::uint64_t seed)
{
    ModelContext c;
    c.inputDim = data.features();
    c.shape = data.shape;
    const bool empty = data.trainX.size() == 0;
    if (!empty) {
        c.valueMin = double(data.trainX.minCoeff());
        c.valueMax = double(data.trainX.maxCoeff());
    }
    c.unitInterval = !empty && c.valueMin >= 0 && c.valueMax <= 1;
    c.seed = seed;
    c.dataset = data.name;
    return c;
}

Matrix Autoencoder::reconstruct(const Matrix& x) { return decode(encode(x)); }

std::vector<SampleId> Autoencoder::batchSamples(Eigen::Index rows) const
{
    if (Eigen::Index(m_batchSamples.size()) == rows)
        return m_batchSamples;
    return sampleRange(SampleSet::Train, 0, std::uint64_t(rows));
}

Matrix Autoencoder::samplePrior(int, Rng&)
{
    fail(ErrorKind::Unsupported, variant() + " has no prior to sample: its codes are not pushed towards one");
}

void Autoencoder::changeSetting(const std::string& key, const nlohmann::json& value)
{
    const VariantInfo& info = variantInfo(variant());
    const ParamSpec* spec = findSpec(info.specs, key);
    if (!spec)
        fail(ErrorKind::InvalidArgument, info.key + " has no hyperparameter '" + key + "'");
    if (!spec->liveTunable)
        fail(ErrorKind::InvalidArgument,
             "'" + key + "' cannot change while " + info.key + " trains: it is fixed when the model is built");
    HyperParams next = m_hp;
    next.set(*spec, value);
    next.validate(info.specs);   // the range that applies given the other values
    const nlohmann::json& checked = next.json()[key];
    if (key == "lr")
        setLearningRate(checked.get<double>());
    else
        applySetting(key, checked);
    m_hp = std::move(next);
}

void Autoencoder::applySetting(const std::string& key, const nlohmann::json&)
{
    fail(ErrorKind::InvalidArgument, "'" + key + "' cannot change while " + variant() + " trains");
}

void Autoencoder::beginEpoch(int, int) {}

std::size_t Autoencoder::parameterCount()
{
    std::size_t n = 0;
    for (const auto& p : parameters())
        n += std::size_t(p.value->size());
    return n;
}

} // namespace aelab
