#pragma once
// A copy of a model's weights, by parameter name: what a kept run holds so
// that it can be exported, explored again, or used as the starting point of
// a run that changes one setting ("run again with one change": the same
// initial weights, so the difference between the runs is the change).
#include "math/Matrix.h"

#include <string>
#include <utility>
#include <vector>

namespace aelab {

class Autoencoder;

struct WeightSet {
    std::vector<std::pair<std::string, Matrix>> values;   // in the model's parameter order

    bool empty() const { return values.empty(); }
    long long count() const;   // number of weights
};

WeightSet weightsOf(Autoencoder& model);

// Whether `model` has exactly these parameters (names and shapes).
bool fitsModel(const WeightSet& weights, Autoencoder& model);

// Copies the weights into `model`; throws Error when they do not fit it
// (another architecture), and then changes nothing.
void loadWeights(Autoencoder& model, const WeightSet& weights);

} // namespace aelab
