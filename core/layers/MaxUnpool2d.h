#pragma once
// The partial inverse of MaxPool2d (PyTorch's nn.MaxUnpool2d): each value
// goes back to the position its pooling layer's maximum came from (the
// switch), and every other position is zero:
//   Y[b, c, switch(b, c, o)] = X[b, c, o];  Y = 0 elsewhere
// Input (C, OH, OW) -> (C, H, W), the pool's own input shape. Backward reads
// the gradient at the same positions: dX[b, c, o] = dY[b, c, switch(b, c, o)].
//
// The switches are read from the PoolSwitches object of the paired pool
// (MaxPool2d.h tells how copies keep the pairing). When it holds none for a
// batch of this size (decoding a code that no encoder pass produced, such as
// a point picked on the latent map or a draw from a prior), each value goes to
// the top-left position of its window instead. forgetSwitches() in
// ConvNetworks.h clears a network's switches before such a decode.
#include "layers/MaxPool2d.h"

namespace aelab {

class MaxUnpool2d : public Layer, public SampleLayer {
public:
    // Paired with `pool`: reads its switches and restores its input shape.
    explicit MaxUnpool2d(const MaxPool2d& pool);
    // Standalone geometry: `input` (C, OH, OW) back to `output` (C, H, W)
    // for windows of k moving by stride, with the switches given.
    MaxUnpool2d(const ImageShape& input, const ImageShape& output, int kernel, int stride,
                std::shared_ptr<PoolSwitches> switches);

    Matrix forward(const Matrix& x) override;
    Matrix backward(const Matrix& dy) override;
    std::string describe() const override;   // "MaxUnpool2d(16x14x14 -> 16x28x28)"
    std::unique_ptr<Layer> clone() const override;

    void beginForward(Eigen::Index batch, Eigen::Index inputs) override;
    Eigen::Index sampleInputs() const override { return m_input.size(); }
    Eigen::Index sampleOutputs() const override { return m_output.size(); }
    void forwardSample(Eigen::Index b, const Scalar* in, Scalar* out) override;
    void beginBackward(Eigen::Index batch) override;
    void backwardSample(int slice, Eigen::Index b, const Scalar* dOut, Scalar* dIn) override;

    ImageShape inputShape() const { return m_input; }
    ImageShape outputShape() const { return m_output; }
    int kernel() const { return m_kernel; }
    int stride() const { return m_stride; }
    const std::shared_ptr<PoolSwitches>& switches() const { return m_switches; }
    // Whether the last forward used recorded switches (false: window corners).
    bool usedSwitches() const { return m_usedSwitches; }

private:
    ImageShape m_input, m_output;
    int m_kernel, m_stride;
    std::shared_ptr<PoolSwitches> m_switches;
    std::vector<std::int32_t> m_positions;   // the positions the last forward wrote to
    Eigen::Index m_batch = 0;
    bool m_usedSwitches = false;
};

} // namespace aelab
