#pragma once
// A labelled batch of generated samples: what the synthetic and shape
// generators return, before the catalog assembles them into a Dataset.
#include "math/Matrix.h"

#include <vector>

namespace aelab {

struct Samples {
    Matrix x;           // one sample per row
    std::vector<int> y; // one label per row
};

} // namespace aelab
