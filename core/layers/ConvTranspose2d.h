#pragma once
// Transposed convolution ("deconvolution"), as PyTorch's nn.ConvTranspose2d:
// the adjoint of a Conv2d with the same kernel k, stride s and padding p, so
// each input pixel spreads its value, weighted by the kernel, over a k x k
// patch of an output s times larger:
//   Y[b, o, iy s - p + i, ix s - p + j] += W[c, o, i, j] X[b, c, iy, ix],  plus bias[o]
// Input (C, H, W) -> output (O, OH, OW), OH = (H - 1) s - 2p + k + outputPadding;
// outputPadding (< s) adds rows and columns at the bottom and right, picking
// one of the s sizes a stride-s convolution maps back to H.
// Lowered like Conv2d, one sample at a time, with im2col/col2im on the
// OUTPUT image; X_b, sample b's row of X read as a (C, H W) matrix:
//   forward   cols_b = W^T X_b (O k k, H W);   Y_b = col2im(cols_b) + bias
//   backward  dcols_b = im2col(dY_b);  dW += X_b dcols_b^T;  dX_b = W dcols_b
// one sample at a time (SampleLayer.h), so a slice of the batch in one part,
// cols_b in a per-thread buffer. The weight is PyTorch's (C, O, k, k) flattened to
// (C, O k k); the bias is (1, O).
#include "layers/BatchSlices.h"
#include "layers/Dense.h"
#include "layers/Im2col.h"
#include "layers/SampleLayer.h"

namespace aelab {

class ConvTranspose2d : public Layer, public SampleLayer {
public:
    // He init scales by the inputs that reach one output, C k k / s^2;
    // Xavier uses that fan-in and a fan-out of O k k / s^2. Biases start at zero.
    ConvTranspose2d(const ImageShape& input, int outChannels, int kernel, int stride, int padding,
                    int outputPadding, Rng& rng, Init init = Init::He);

    Matrix forward(const Matrix& x) override;
    Matrix forwardOwned(Matrix&& x) override;
    Matrix backward(const Matrix& dy) override;
    std::vector<Parameter> parameters() override;
    std::string describe() const override;   // "ConvTranspose2d(32x7x7 -> 16x14x14, k3 s2 p1 op1)"
    std::string torchModule() const override;
    std::unique_ptr<Layer> clone() const override;

    void beginForward(Eigen::Index batch, Eigen::Index inputs) override;
    Eigen::Index sampleInputs() const override { return m_input.size(); }
    Eigen::Index sampleOutputs() const override { return m_geometry.input.size(); }
    void forwardSample(Eigen::Index b, const Scalar* in, Scalar* out) override;
    void beginBackward(Eigen::Index batch) override;
    void backwardSample(int slice, Eigen::Index b, const Scalar* dOut, Scalar* dIn) override;
    void endBackward() override;

    ImageShape inputShape() const { return m_input; }
    ImageShape outputShape() const { return m_geometry.input; }
    Matrix& weight() { return m_weight; }
    Matrix& bias() { return m_bias; }

private:
    ImageShape m_input;
    ConvGeometry m_geometry;         // of the convolution from the output back to the input
    int m_outputPadding;
    Matrix m_weight, m_weightGrad;   // (C, O k k)
    Matrix m_bias, m_biasGrad;       // (1, O)
    Matrix m_inputBatch;             // X of the last forward (batch, C H W)
    SliceSums m_weightSums, m_biasSums;
};

} // namespace aelab
