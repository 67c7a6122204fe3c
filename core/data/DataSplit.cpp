#include "data/DataSplit.h"

#include "math/Error.h"
#include "math/Rng.h"

#include <algorithm>
#include <cmath>

namespace aelab {

namespace {

void gather(const Matrix& x, const std::vector<int>& y, const std::vector<int>& rows,
            Matrix& xOut, std::vector<int>& yOut)
{
    xOut.resize(Eigen::Index(rows.size()), x.cols());
    yOut.clear();
    for (std::size_t i = 0; i < rows.size(); ++i) {
        xOut.row(Eigen::Index(i)) = x.row(rows[i]);
        if (!y.empty())
            yOut.push_back(y[std::size_t(rows[i])]);
    }
}

} // namespace

int testRowCount(int n, double testFraction)
{
    if (!(testFraction >= 0 && testFraction < 1))
        fail(ErrorKind::InvalidArgument, "test fraction must be in [0, 1)");
    int testCount = int(std::floor(n * testFraction));
    if (n >= 2 && testFraction > 0)
        testCount = std::clamp(testCount, 1, n - 1);
    return testCount;
}

RowSplit splitRows(int n, double testFraction, std::uint64_t seed)
{
    const int testCount = testRowCount(n, testFraction);
    Rng rng(seed);
    const std::vector<int> order = rng.permutation(n);
    return {std::vector<int>(order.begin() + testCount, order.end()),
            std::vector<int>(order.begin(), order.begin() + testCount)};
}

void splitTrainTest(Dataset& dataset, double testFraction, std::uint64_t seed)
{
    const RowSplit rows = splitRows(int(dataset.trainX.rows()), testFraction, seed);
    Matrix trainX, testX;
    std::vector<int> trainY, testY;
    gather(dataset.trainX, dataset.trainY, rows.train, trainX, trainY);
    gather(dataset.trainX, dataset.trainY, rows.test, testX, testY);
    dataset.trainX = std::move(trainX);
    dataset.trainY = std::move(trainY);
    dataset.testX = std::move(testX);
    dataset.testY = std::move(testY);
}

void keepFirst(Matrix& x, std::vector<int>& y, int limit)
{
    if (limit < 0 || limit >= x.rows())
        return;
    x.conservativeResize(limit, Eigen::NoChange);
    if (y.size() > std::size_t(limit))
        y.resize(std::size_t(limit));
}

void keepFirst(std::vector<int>& rows, int limit)
{
    if (limit >= 0 && std::size_t(limit) < rows.size())
        rows.resize(std::size_t(limit));
}

} // namespace aelab
