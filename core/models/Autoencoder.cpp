#include "models/Autoencoder.h"

#include "math/Error.h"

namespace aelab {

ModelContext contextFor(const Dataset& data, std::uint64_t seed)
{
    ModelContext c;
    c.inputDim = data.features();
    c.shape = data.shape;
    const bool empty = data.trainX.size() == 0;
    c.unitInterval = !empty && data.trainX.minCoeff() >= 0 && data.trainX.maxCoeff() <= 1;
    c.seed = seed;
    c.dataset = data.name;
    return c;
}

Matrix Autoencoder::reconstruct(const Matrix& x) { return decode(encode(x)); }

void Autoencoder::setLiveParam(const std::string& key, double)
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
