#pragma once
// A dataset as the core sees it: one sample per row, values as floats
// (images scaled to [0, 1]), integer class labels, and what a view needs to
// draw a sample (its shape) or name a class.
#include "math/Matrix.h"

#include <string>
#include <vector>

namespace aelab {

struct SampleShape {
    int channels = 1;
    int height = 1;
    int width = 1;

    int size() const { return channels * height * width; }
    bool isImage() const { return height > 1 && width > 1; }
    bool operator==(const SampleShape&) const = default;
};

struct Dataset {
    std::string name;                    // "fashion-mnist", "moons", a file name...
    SampleShape shape;                   // of one sample; shape.size() == x.cols()
    Matrix trainX;                       // (n_train, features)
    std::vector<int> trainY;             // n_train labels, or empty when unlabelled
    Matrix testX;                        // (n_test, features)
    std::vector<int> testY;
    std::vector<std::string> classNames; // index = label
    std::string fingerprint;             // hex digest of shape, values and labels

    int features() const { return int(trainX.cols()); }
    bool hasLabels() const { return !trainY.empty(); }
};

} // namespace aelab
