#pragma once
// How many labelled training samples a classifier may see: k per class
// (1, 10, 100, ...) or all of them. The choice is seeded and class-balanced,
// and nested: the 10 samples of a class chosen for k = 10 include the one
// chosen for k = 1, so a curve over k is not noisier than it must be.
#include <cstdint>
#include <string>
#include <vector>

namespace aelab {

// "all labels" in a list of budgets.
constexpr int kAllLabels = -1;

// "1", "10", "all".
std::string labelBudgetText(int perClass);

// "1,10,100,all" -> {1, 10, 100, kAllLabels}. Throws Error(InvalidArgument)
// naming the bad entry (not a whole number >= 1 or "all", or repeated).
std::vector<int> parseLabelBudgets(const std::string& text);

// The indices of `perClass` samples of each class (every sample of a class
// that has fewer; every sample for kAllLabels), ascending. Labels < 0 are
// never chosen. The same seed gives the same choice; a larger budget's
// choice contains a smaller one's.
std::vector<int> pickPerClass(const std::vector<int>& labels, int perClass, std::uint64_t seed);

// Number of classes: the largest label + 1 (0 for no labels).
int classCount(const std::vector<int>& labels);

} // namespace aelab
