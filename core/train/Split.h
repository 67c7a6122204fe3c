#pragma once
// A seeded split of a training set into the part that trains and the part
// that validates.
#include "math/Matrix.h"

#include <cstdint>
#include <vector>

namespace aelab {

struct Split {
    Matrix trainX;
    std::vector<int> trainY;
    Matrix valX;
    std::vector<int> valY;
};

// Moves round(fraction * n) randomly chosen rows to the validation part
// (at least one row stays in training). Labels follow their rows when given.
Split splitTrainValidation(const Matrix& x, const std::vector<int>& y, double fraction, std::uint64_t seed);

// The rows `indices` of x, in that order.
Matrix gatherRows(const Matrix& x, const std::vector<int>& indices);

} // namespace aelab
