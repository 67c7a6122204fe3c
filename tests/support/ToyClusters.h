#pragma once
// A labelled toy dataset for the experiment tests: `classes` Gaussian
// clusters in `features` dimensions, class c centred at `distance` along
// axis c (so classes are separable when spread << distance), with optional
// extra axes of pure noise; balanced (sample i is class i % classes).
#include "data/Dataset.h"

#include <cstdint>

namespace aelab::test {

struct ToyClusterOptions {
    int classes = 3;
    int signalFeatures = 6;      // the first axes; class c sits at distance on axis c
    int noiseFeatures = 0;       // then axes of N(0, noiseSpread) that carry no class
    double distance = 3.0;
    double spread = 0.3;
    double noiseSpread = 0.3;
    int train = 300;
    int test = 150;
    std::uint64_t seed = 1;
};

Dataset toyClusters(const ToyClusterOptions& options = {});

} // namespace aelab::test
