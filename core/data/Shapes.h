#pragma once
// Procedurally drawn 28x28 grayscale shapes, a dataset that needs no files
// and whose classes differ in geometry only: each image is one shape at a
// random position, size, rotation, stroke width and brightness, drawn with
// 4x4 supersampling for anti-aliased edges. Values lie in [0, 1].
#include "data/Samples.h"
#include "math/Rng.h"

#include <string>
#include <vector>

namespace aelab {

constexpr int kShapeImageSize = 28;

// Class names, index = label: circle, ring, square, frame, triangle, cross,
// line, star.
const std::vector<std::string>& shapeClassNames();

// n images as rows of 28*28 values (row-major pixels); sample i has class
// i % classes.
Samples makeShapes(int n, Rng& rng);

} // namespace aelab
