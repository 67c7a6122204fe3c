#include "explore/Filters.h"

#include "explore/Tangents.h"

#include <cmath>
#include <regex>

namespace aelab {

namespace {

// The encoder's weight matrices in layer order.
std::vector<const Matrix*> encoderWeights(Autoencoder& model)
{
    static const std::regex name(R"(encoder\.(\d+)\.weight)");
    std::vector<const Matrix*> out;
    for (const Parameter& p : model.parameters())
        if (std::regex_match(p.name, name))
            out.push_back(p.value);
    return out;
}

FilterBank bank(const std::string& title, const SampleShape& tileShape, const Matrix& w, int maxTiles)
{
    FilterBank b;
    b.title = title;
    b.tileShape = tileShape;
    b.units = int(w.rows());
    b.tiles = signedToUnit(w.topRows(std::min<Eigen::Index>(w.rows(), std::max(0, maxTiles))));
    return b;
}

} // namespace

std::vector<FilterBank> encoderFilters(Autoencoder& model, const SampleShape& shape, int maxTiles, bool allLayers)
{
    std::vector<FilterBank> banks;
    const std::vector<const Matrix*> weights = encoderWeights(model);
    if (weights.empty())
        return banks;
    const Matrix& first = *weights.front();
    const int inputs = model.context().inputDim;
    if (first.cols() != inputs) {
        // A conv kernel bank: (O, C k k).
        const int c = std::max(1, shape.channels);
        const int k = int(std::lround(std::sqrt(double(first.cols()) / c)));
        if (k < 1 || Eigen::Index(c) * k * k != first.cols())
            return banks;
        banks.push_back(bank("layer 1: " + std::to_string(first.rows()) + " kernels " + std::to_string(k) + "x"
                                 + std::to_string(k) + " (conv)",
                             SampleShape{c, k, k}, first, maxTiles));
        banks.back().kind = FilterBank::Kind::Conv;
        banks.back().kernel = k;
        return banks;
    }
    const SampleShape tile = shape.size() == inputs ? shape : SampleShape{1, 1, inputs};
    Matrix product = first;   // (units_l, inputs)
    for (std::size_t l = 0; l < weights.size(); ++l) {
        if (l > 0) {
            if (weights[l]->cols() != product.rows())
                break;   // not a plain dense chain (e.g. a VAE head); stop here
            product = (*weights[l]) * product;
        }
        banks.push_back(bank("layer " + std::to_string(l + 1) + ": " + std::to_string(product.rows()) + " units"
                                 + (l == 0 ? " (dense)" : " (linear view through the layers below)"),
                             tile, product, maxTiles));
        banks.back().kind = l == 0 ? FilterBank::Kind::Dense : FilterBank::Kind::LinearView;
        banks.back().layer = int(l) + 1;
        if (!allLayers)
            break;
    }
    return banks;
}

} // namespace aelab
