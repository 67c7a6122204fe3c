#include "train/ProbeSet.h"

#include "math/Error.h"
#include "math/Rng.h"
#include "train/Split.h"

#include <algorithm>

namespace aelab {

ProbeSet chooseProbeSet(const Matrix& x, const std::vector<int>& labels, int points, int images,
                        std::uint64_t seed)
{
    if (x.rows() == 0)
        fail(ErrorKind::InvalidArgument, "the probe set needs at least one sample");
    const bool labelled = labels.size() == std::size_t(x.rows());
    Rng rng(seed);
    std::vector<int> order = rng.permutation(int(x.rows()));
    order.resize(std::size_t(std::clamp<Eigen::Index>(points, 1, x.rows())));

    ProbeSet p;
    p.points = gatherRows(x, order);
    if (labelled)
        for (int i : order)
            p.pointLabels.push_back(labels[std::size_t(i)]);

    // The image row: one of each class in class order, then fill in order.
    std::vector<int> row;
    if (labelled) {
        const int classes = *std::max_element(labels.begin(), labels.end()) + 1;
        for (int c = 0; c < classes && int(row.size()) < images; ++c)
            for (int i : order)
                if (labels[std::size_t(i)] == c) {
                    row.push_back(i);
                    break;
                }
    }
    for (int i : order) {
        if (int(row.size()) >= images)
            break;
        if (std::find(row.begin(), row.end(), i) == row.end())
            row.push_back(i);
    }
    p.images = gatherRows(x, row);
    if (labelled)
        for (int i : row)
            p.imageLabels.push_back(labels[std::size_t(i)]);
    return p;
}

ProbeSet heldOutProbe(const Dataset& data, const Split& split, int points, int images, std::uint64_t seed)
{
    const bool test = data.testX.rows() > 0;
    const bool val = split.valX.rows() > 0;
    const Matrix& x = test ? data.testX : val ? split.valX : split.trainX;
    const std::vector<int>& y = test ? data.testY : val ? split.valY : split.trainY;
    return chooseProbeSet(x, y, points, images, seed ^ 0x9e0beull);
}

} // namespace aelab
