#pragma once
// Reshape and Flatten: a batch row already holds an image in (C, H, W) order,
// so changing how its values are read as an image moves no data. The layer
// checks the width of what passes and names the new shape, so a network
// reads Dense(...) -> Reshape(1568 -> 32x7x7) -> ConvTranspose2d(...).
#include "layers/ImageShape.h"
#include "layers/Layer.h"
#include "layers/SampleLayer.h"

namespace aelab {

class Reshape : public Layer, public SampleLayer {
public:
    // from.size() must equal to.size().
    Reshape(const ImageShape& from, const ImageShape& to);
    // (C, H, W) -> (C H W, 1, 1), as nn.Flatten.
    static Reshape flatten(const ImageShape& from);

    Matrix forward(const Matrix& x) override;     // x unchanged
    Matrix forwardOwned(Matrix&& x) override;     // x itself, not a copy
    Matrix backward(const Matrix& dy) override;   // dy unchanged
    std::string describe() const override;        // "Reshape(1568 -> 32x7x7)", "Flatten(32x7x7 -> 1568)"
    // Rows are already (C, H, W) flattened: nothing to do in PyTorch.
    std::string torchModule() const override { return "nn.Identity()"; }
    std::unique_ptr<Layer> clone() const override;

    // In a chain: the values copied through.
    void beginForward(Eigen::Index batch, Eigen::Index inputs) override;
    Eigen::Index sampleInputs() const override { return m_from.size(); }
    Eigen::Index sampleOutputs() const override { return m_to.size(); }
    void forwardSample(Eigen::Index b, const Scalar* in, Scalar* out) override;
    void beginBackward(Eigen::Index) override {}
    void backwardSample(int slice, Eigen::Index b, const Scalar* dOut, Scalar* dIn) override;

    ImageShape inputShape() const { return m_from; }
    ImageShape outputShape() const { return m_to; }

private:
    ImageShape m_from, m_to;
};

} // namespace aelab
