#include "ToyClusters.h"

#include "math/Rng.h"

namespace aelab::test {

namespace {

void fill(Matrix& x, std::vector<int>& y, int n, const ToyClusterOptions& o, Rng& rng)
{
    const int d = o.signalFeatures + o.noiseFeatures;
    x = Matrix::Zero(n, d);
    y.resize(std::size_t(n));
    for (int i = 0; i < n; ++i) {
        const int c = i % o.classes;
        y[std::size_t(i)] = c;
        for (int j = 0; j < d; ++j)
            x(i, j) = Scalar((j < o.signalFeatures ? o.spread : o.noiseSpread) * rng.normal());
        x(i, c % o.signalFeatures) += Scalar(o.distance);
    }
}

} // namespace

Dataset toyClusters(const ToyClusterOptions& o)
{
    Dataset d;
    d.name = "toy clusters";
    Rng rng(o.seed);
    fill(d.trainX, d.trainY, o.train, o, rng);
    fill(d.testX, d.testY, o.test, o, rng);
    d.shape = {1, 1, o.signalFeatures + o.noiseFeatures};
    for (int c = 0; c < o.classes; ++c)
        d.classNames.push_back("cluster " + std::to_string(c));
    d.fingerprint = "toy-" + std::to_string(o.seed);
    return d;
}

} // namespace aelab::test
