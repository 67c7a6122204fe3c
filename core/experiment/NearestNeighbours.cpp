#include "experiment/NearestNeighbours.h"

#include "math/Error.h"
#include "math/Parallel.h"
#include "train/Control.h"

#include <algorithm>
#include <numeric>

namespace aelab {

namespace {

constexpr Eigen::Index kQueryBlock = 128;

// The majority label of the k nearest, `order` sorted by distance; a tie
// goes to the class met first, i.e. whose nearest member is closest.
int vote(const std::vector<int>& order, int k, const std::vector<int>& trainY, std::vector<int>& counts)
{
    std::fill(counts.begin(), counts.end(), 0);
    for (int i = 0; i < k; ++i)
        ++counts[std::size_t(trainY[std::size_t(order[std::size_t(i)])])];
    int best = -1, bestCount = 0;
    for (int i = 0; i < k; ++i) {
        const int label = trainY[std::size_t(order[std::size_t(i)])];
        if (counts[std::size_t(label)] > bestCount) {
            best = label;
            bestCount = counts[std::size_t(label)];
        }
    }
    return best;
}

} // namespace

std::vector<int> nearestNeighbourLabels(const Matrix& train, const std::vector<int>& trainY, const Matrix& queries,
                                        int k, const TrainControl* control)
{
    if (k < 1)
        fail(ErrorKind::InvalidArgument, "k-nearest neighbours: k must be at least 1");
    if (train.rows() == 0 || Eigen::Index(trainY.size()) != train.rows())
        fail(ErrorKind::InvalidArgument, "k-nearest neighbours: " + std::to_string(train.rows())
             + " training samples for " + std::to_string(trainY.size()) + " labels");
    if (queries.cols() != train.cols())
        fail(ErrorKind::InvalidArgument, "k-nearest neighbours: queries have " + std::to_string(queries.cols())
             + " features, the training samples " + std::to_string(train.cols()));
    int classes = 0;
    for (int y : trainY) {
        if (y < 0)
            fail(ErrorKind::InvalidArgument, "k-nearest neighbours: a training label is negative");
        classes = std::max(classes, y + 1);
    }
    const int kk = int(std::min<Eigen::Index>(k, train.rows()));
    const Eigen::Index n = train.rows();
    // ||q - t||^2 = ||q||^2 - 2 q.t + ||t||^2; ||q||^2 is the same for every
    // t of a query, so it is left out of the ranking.
    const RowVector trainNorms = train.rowwise().squaredNorm().transpose();
    std::vector<int> labels(std::size_t(queries.rows()), -1);
    const Eigen::Index blocks = (queries.rows() + kQueryBlock - 1) / kQueryBlock;
    forEachPart(blocks, [&](std::ptrdiff_t b) {
        if (control && control->stopRequested())
            return;
        const Eigen::Index begin = b * kQueryBlock, rows = std::min(kQueryBlock, queries.rows() - begin);
        Matrix d(rows, n);
        d.noalias() = queries.middleRows(begin, rows) * train.transpose();
        d = (Scalar(-2) * d).rowwise() + trainNorms;
        std::vector<int> order(static_cast<std::size_t>(n)), counts(static_cast<std::size_t>(classes));
        for (Eigen::Index r = 0; r < rows; ++r) {
            std::iota(order.begin(), order.end(), 0);
            // The kk nearest, sorted by distance (ties by index: deterministic).
            auto closer = [&](int a, int c) { return d(r, a) < d(r, c) || (d(r, a) == d(r, c) && a < c); };
            std::partial_sort(order.begin(), order.begin() + kk, order.end(), closer);
            labels[std::size_t(begin + r)] = vote(order, kk, trainY, counts);
        }
    });
    return labels;
}

} // namespace aelab
