#pragma once
// Learned features as images. The encoder's first layer, read from the
// model's parameters ("encoder.<i>.weight"):
//   dense  W (units, inputs): row j reshaped to the sample's shape is what
//          unit j responds to
//   conv   W (O, C k k): row o is kernel o, a (C, k, k) tile
// Deeper dense layers are shown in input space through the linear part of the
// layers below them (the biases and activations left out, as in Erhan et
// al.'s linear combination of lower filters):
//   layer l:  W_l W_{l-1} ... W_1   (units_l, inputs)
// Each tile is scaled on its own: 0.5 + 0.5 w / max|w|, so 0 is mid-grey.
#include "data/Dataset.h"
#include "models/Autoencoder.h"

#include <string>
#include <vector>

namespace aelab {

struct FilterBank {
    std::string title;             // "layer 1: 256 units (dense)"
    // The same, for a front end to word in its language.
    enum class Kind { Conv, Dense, LinearView };
    Kind kind = Kind::Dense;
    int layer = 1;                 // 1-based
    int kernel = 0;                // Conv: the kernel's side
    SampleShape tileShape;
    int units = 0;                 // tiles the layer has (only the first maxTiles are in `tiles`)
    Matrix tiles;                  // (shown, tileShape.size()), values in [0, 1]
};

// The first layer's filters, or, with allLayers, one bank per dense encoder
// layer (stacked: each pretrained layer). At most maxTiles tiles a bank.
// A model without an encoder weight, or image data the weights do not fit,
// gives no bank.
std::vector<FilterBank> encoderFilters(Autoencoder& model, const SampleShape& shape, int maxTiles,
                                       bool allLayers);

} // namespace aelab
