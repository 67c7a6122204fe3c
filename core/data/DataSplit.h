#pragma once
// Row selection on datasets: a seeded train/test split for sources that come
// as one table (CSV, a single IDX pair), and caps on sample counts.
#include "data/Dataset.h"

#include <cstdint>
#include <vector>

namespace aelab {

// The rows a seeded train/test split gives each part, in order. With two
// or more rows, both parts get at least one row.
struct RowSplit {
    std::vector<int> train;
    std::vector<int> test;
};
RowSplit splitRows(int rows, double testFraction, std::uint64_t seed);
int testRowCount(int rows, double testFraction);

// Moves a seeded random fraction of trainX/trainY into testX/testY
// (replacing them). With two or more rows, both parts get at least one row.
void splitTrainTest(Dataset& dataset, double testFraction, std::uint64_t seed);

// Keeps the first `limit` rows (and labels); limit < 0 keeps all.
void keepFirst(Matrix& x, std::vector<int>& y, int limit);
void keepFirst(std::vector<int>& rows, int limit);

} // namespace aelab
