#pragma once
// k-nearest-neighbour classification by Euclidean distance in the features
// as given: each query takes the majority label of its k nearest training
// samples; a tie goes to the tied class whose nearest member is closest.
// k is capped at the number of training samples.
#include "math/Matrix.h"

#include <vector>

namespace aelab {

class TrainControl;

// Throws Error(InvalidArgument) for k < 1, no training samples, mismatched
// sizes or feature counts. A stop requested through `control` ends early:
// the queries not reached are labelled -1.
std::vector<int> nearestNeighbourLabels(const Matrix& train, const std::vector<int>& trainY, const Matrix& queries,
                                        int k, const TrainControl* control = nullptr);

} // namespace aelab
