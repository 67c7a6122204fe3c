#include "train/Split.h"

#include "math/Error.h"
#include "math/Rng.h"

#include <cmath>

namespace aelab {

Matrix gatherRows(const Matrix& x, const std::vector<int>& indices)
{
    Matrix out(Eigen::Index(indices.size()), x.cols());
    for (std::size_t i = 0; i < indices.size(); ++i)
        out.row(Eigen::Index(i)) = x.row(indices[i]);
    return out;
}

Split splitTrainValidation(const Matrix& x, const std::vector<int>& y, double fraction, std::uint64_t seed)
{
    if (!(fraction >= 0 && fraction < 1))
        fail(ErrorKind::InvalidArgument, "--val must be in [0, 1)");
    const int n = int(x.rows());
    int nVal = int(std::lround(fraction * n));
    nVal = std::min(nVal, n - 1);
    Rng rng(seed ^ 0x5b1170ull);
    const std::vector<int> order = rng.permutation(n);
    const std::vector<int> valIdx(order.begin(), order.begin() + std::max(nVal, 0));
    const std::vector<int> trainIdx(order.begin() + std::max(nVal, 0), order.end());
    Split s;
    s.trainX = gatherRows(x, trainIdx);
    s.valX = gatherRows(x, valIdx);
    if (!y.empty()) {
        for (int i : trainIdx)
            s.trainY.push_back(y[i]);
        for (int i : valIdx)
            s.valY.push_back(y[i]);
    }
    return s;
}

} // namespace aelab
