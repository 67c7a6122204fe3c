#include "experiment/Accuracy.h"

#include "math/Error.h"

namespace aelab {

double accuracy(const std::vector<int>& predicted, const std::vector<int>& truth)
{
    if (predicted.size() != truth.size())
        fail(ErrorKind::InvalidArgument, "accuracy: " + std::to_string(predicted.size()) + " predictions for "
             + std::to_string(truth.size()) + " labels");
    if (truth.empty())
        fail(ErrorKind::InvalidArgument, "accuracy: no samples to score");
    std::size_t right = 0;
    for (std::size_t i = 0; i < truth.size(); ++i)
        right += predicted[i] == truth[i];
    return double(right) / double(truth.size());
}

} // namespace aelab
