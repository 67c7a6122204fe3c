#pragma once
// 2-D convolution (strictly, cross-correlation, as PyTorch's nn.Conv2d):
//   Y[b, o, oy, ox] = bias[o] + sum_{c,i,j} W[o, c, i, j] X[b, c, oy s - p + i, ox s - p + j]
// over a batch of images (batch, C H W) -> (batch, O OH OW), OH = (H + 2p - k) / s + 1.
// Lowered to one matrix product per batch (Im2col.h, patches as rows):
//   forward   R = im2row(X) (B OH OW, C k k);   Y' = W R^T (O, B OH OW)
//   backward  dW += dY' R;   db += sums of dY per channel;   dX = row2im(dY'^T W)
// where Y' is Y with its batch and channel axes swapped. Patches shorter than
// kSparseMinPatch are held transposed, as im2col's R^T (C k k, B OH OW), whose
// long runs are cheaper to fill (a first layer on one channel: 9 values). When most of
// dY is zero (a conv followed by ReLU and max-pooling passes back at most a
// quarter of its outputs' gradients) backward skips the zeros: the same sums,
// one patch row per non-zero entry, instead of the two dense products.
// The weight is kept as PyTorch's (O, C, k, k) tensor flattened to a
// (O, C k k) matrix and the bias as (1, O), so a model file's tensors hold a
// state_dict's values in the same order.
#include "layers/Dense.h"
#include "layers/Im2col.h"

namespace aelab {

class Conv2d : public Layer {
public:
    // A k x k kernel from input.channels to outChannels. He init suits a
    // ReLU after the layer, Xavier anything else (fan-in C k k, fan-out O k k);
    // biases start at zero.
    Conv2d(const ImageShape& input, int outChannels, int kernel, int stride, int padding, Rng& rng,
           Init init = Init::He);

    Matrix forward(const Matrix& x) override;
    Matrix backward(const Matrix& dy) override;
    std::vector<Parameter> parameters() override;
    std::string describe() const override;   // "Conv2d(1x28x28 -> 16x28x28, k3 s1 p1)"
    std::unique_ptr<Layer> clone() const override;

    ImageShape inputShape() const { return m_geometry.input; }
    ImageShape outputShape() const;
    const ConvGeometry& geometry() const { return m_geometry; }
    Matrix& weight() { return m_weight; }
    Matrix& bias() { return m_bias; }

    // As Dense::setInputGradient: a first layer, whose input is the data,
    // skips dX (then backward() returns an empty matrix).
    void setInputGradient(bool needed) { m_inputGradient = needed; }

    // Backward takes the sparse path when at most this fraction of dY is
    // non-zero and the path is allowed (the default); not allowing it forces
    // the dense products (for tests and benchmarks).
    // The sparse path also needs patches of at least kSparseMinPatch values:
    // its per-entry bookkeeping only pays against long rows (measured on the
    // bench model: patch 144, sparse 12 ms against dense 22 ms; patch 9,
    // sparse 7.5 ms against dense 4 ms).
    static constexpr double kSparseDensity = 0.3;
    static constexpr int kSparseMinPatch = 32;
    void setSparseBackward(bool allowed) { m_sparseAllowed = allowed; }
    bool lastBackwardWasSparse() const { return m_lastSparse; }

private:
    bool patchesAsRows() const { return m_geometry.patch() >= kSparseMinPatch; }
    void denseBackward(const Matrix& dy);
    void sparseBackward(const Matrix& dy);

    ConvGeometry m_geometry;
    int m_outChannels;
    Matrix m_weight, m_weightGrad;   // (O, C k k)
    Matrix m_bias, m_biasGrad;       // (1, O)
    Matrix m_rows;                   // im2row of the last input (B OH OW, C k k), or its transpose
    Matrix m_product;                // Y' or dY' (O, B OH OW)
    Matrix m_gradRows;               // dY'^T W (B OH OW, C k k) or its transpose, into dX
    bool m_inputGradient = true;
    bool m_sparseAllowed = true;
    bool m_lastSparse = false;
};

} // namespace aelab
