#include "train/Evaluate.h"

#include <algorithm>
#include <functional>

namespace aelab {

LossTerms evaluateSet(Autoencoder& model, const Matrix& x, Rng rng, int chunk, SampleSet set)
{
    LossTerms sum;
    if (x.rows() == 0)
        return sum;
    for (Eigen::Index begin = 0; begin < x.rows(); begin += chunk) {
        const Eigen::Index rows = std::min<Eigen::Index>(chunk, x.rows() - begin);
        model.setBatchSamples(sampleRange(set, std::uint64_t(begin), std::uint64_t(rows)));
        sum.accumulate(model.evaluate(x.middleRows(begin, rows), rng), double(rows));
    }
    model.setBatchSamples({});
    sum.scale(1.0 / double(x.rows()));
    return sum;
}

namespace {
Matrix mapChunks(const Matrix& x, int chunk, const std::function<Matrix(const Matrix&)>& f)
{
    Matrix out;
    for (Eigen::Index begin = 0; begin < x.rows(); begin += chunk) {
        const Eigen::Index rows = std::min<Eigen::Index>(chunk, x.rows() - begin);
        const Matrix y = f(x.middleRows(begin, rows));
        if (out.size() == 0)
            out.resize(x.rows(), y.cols());
        out.middleRows(begin, rows) = y;
    }
    return out;
}
} // namespace

Matrix encodeSet(Autoencoder& model, const Matrix& x, int chunk)
{
    return mapChunks(x, chunk, [&](const Matrix& m) { return model.encode(m); });
}

Matrix reconstructSet(Autoencoder& model, const Matrix& x, int chunk)
{
    return mapChunks(x, chunk, [&](const Matrix& m) { return model.reconstruct(m); });
}

} // namespace aelab
