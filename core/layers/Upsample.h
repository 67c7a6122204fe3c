#pragma once
// Nearest-neighbour upsampling, as PyTorch's nn.Upsample(mode="nearest"):
//   Y[b, c, oy, ox] = X[b, c, floor(oy H / OH), floor(ox W / OW)]
// Input (C, H, W) -> (C, OH, OW). With a whole factor each pixel becomes an
// f x f block. Backward sums each block's gradients into its source pixel.
#include "layers/ImageShape.h"
#include "layers/Layer.h"
#include "layers/SampleLayer.h"

#include <vector>

namespace aelab {

class Upsample : public Layer, public SampleLayer {
public:
    Upsample(const ImageShape& input, int factor);                  // (C, f H, f W)
    Upsample(const ImageShape& input, int outHeight, int outWidth); // any size >= the input's

    Matrix forward(const Matrix& x) override;
    Matrix backward(const Matrix& dy) override;
    std::string describe() const override;   // "Upsample(32x7x7 -> 32x14x14, nearest)"
    std::string torchModule() const override;
    std::unique_ptr<Layer> clone() const override;

    void beginForward(Eigen::Index batch, Eigen::Index inputs) override;
    Eigen::Index sampleInputs() const override { return m_input.size(); }
    Eigen::Index sampleOutputs() const override { return m_output.size(); }
    void forwardSample(Eigen::Index b, const Scalar* in, Scalar* out) override;
    void beginBackward(Eigen::Index) override {}   // keeps nothing: any batch
    void backwardSample(int slice, Eigen::Index b, const Scalar* dOut, Scalar* dIn) override;

    ImageShape inputShape() const { return m_input; }
    ImageShape outputShape() const { return m_output; }

private:
    ImageShape m_input, m_output;
    std::vector<int> m_source;   // for each output position of a plane, its input position
};

} // namespace aelab
