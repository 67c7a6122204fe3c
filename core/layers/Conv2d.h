#pragma once
// 2-D convolution (strictly, cross-correlation, as PyTorch's nn.Conv2d):
//   Y[b, o, oy, ox] = bias[o] + sum_{c,i,j} W[o, c, i, j] X[b, c, oy s - p + i, ox s - p + j]
// over a batch of images (batch, C H W) -> (batch, O OH OW), OH = (H + 2p - k) / s + 1.
// Lowered to matrix products one sample at a time (Im2col.h), with R_b the
// patches of sample b as rows (P, C k k), P = OH OW:
//   forward   Y_b = W R_b^T + bias                (O, P): row b of Y as it lies
//   backward  dW += dY_b R_b;   db += sums of dY_b per channel;
//             dX_b = row2im(dY_b^T W)
// One sample at a time (SampleLayer.h), so a slice of the batch does all of
// this for its samples in one part, and a chain of image layers in one loop;
// the sample's patches sit in a per-thread buffer: nothing but the input is
// kept between forward and backward (R_b is lowered again).
// The patches are held transposed, as im2col's R_b^T (C k k, P), whose runs
// are cheap to fill; products read either layout at the same speed.
// Optionally (setSparseBackward), when most of a sample's dY is zero (a conv
// followed by ReLU and max-pooling passes back at most a quarter of its
// outputs' gradients) backward skips the zeros: the same sums, one patch row
// per non-zero entry, with patches as rows. It was the faster path before the
// lowering was vectorised; now the dense products win (bench/README.md).
// The weight is kept as PyTorch's (O, C, k, k) tensor flattened to a
// (O, C k k) matrix and the bias as (1, O), so a model file's tensors hold a
// state_dict's values in the same order.
#include "layers/BatchSlices.h"
#include "layers/Dense.h"
#include "layers/Im2col.h"
#include "layers/SampleLayer.h"

#include <array>

namespace aelab {

class Conv2d : public Layer, public SampleLayer {
public:
    // A k x k kernel from input.channels to outChannels. He init suits a
    // ReLU after the layer, Xavier anything else (fan-in C k k, fan-out O k k);
    // biases start at zero.
    Conv2d(const ImageShape& input, int outChannels, int kernel, int stride, int padding, Rng& rng,
           Init init = Init::He);

    Matrix forward(const Matrix& x) override;
    Matrix forwardOwned(Matrix&& x) override;
    Matrix backward(const Matrix& dy) override;
    std::vector<Parameter> parameters() override;
    std::string describe() const override;   // "Conv2d(1x28x28 -> 16x28x28, k3 s1 p1)"
    std::string torchModule() const override;
    std::unique_ptr<Layer> clone() const override;

    void beginForward(Eigen::Index batch, Eigen::Index inputs) override;
    Eigen::Index sampleInputs() const override { return m_geometry.input.size(); }
    Eigen::Index sampleOutputs() const override { return Eigen::Index(m_outChannels) * m_geometry.outPlane(); }
    void forwardSample(Eigen::Index b, const Scalar* in, Scalar* out) override;
    void beginBackward(Eigen::Index batch) override;
    void backwardSample(int slice, Eigen::Index b, const Scalar* dOut, Scalar* dIn) override;
    void endBackward() override;
    bool wantsInputGradient() const override { return m_inputGradient; }

    ImageShape inputShape() const { return m_geometry.input; }
    ImageShape outputShape() const;
    const ConvGeometry& geometry() const { return m_geometry; }
    Matrix& weight() { return m_weight; }
    Matrix& bias() { return m_bias; }

    // As Dense::setInputGradient: a first layer, whose input is the data,
    // skips dX (then backward() returns an empty matrix).
    void setInputGradient(bool needed) { m_inputGradient = needed; }
    bool inputGradient() const { return m_inputGradient; }

    // Backward takes the sparse path for a sample when it is allowed (off by
    // default), at most this fraction of the sample's dY is non-zero, and
    // patches have at least kSparseMinPatch values (its per-entry
    // bookkeeping only pays against long rows).
    static constexpr double kSparseDensity = 0.3;
    static constexpr int kSparseMinPatch = 32;
    void setSparseBackward(bool allowed) { m_sparseAllowed = allowed; }
    // Whether the last backward took the sparse path for any sample.
    bool lastBackwardWasSparse() const { return m_lastSparse; }

private:
    bool patchesAsRows() const { return m_sparseAllowed && m_geometry.patch() >= kSparseMinPatch; }
    // Sample b's patches in this thread's scratch: R_b^T (C k k, P), or R_b
    // (P, C k k) when patchesAsRows() (the sparse path).
    Eigen::Map<Matrix> lowered(Eigen::Index b) const;
    // dW += dY_b R_b and, into `gradPatches` (R_b's shape), dR_b = dY_b^T W.
    // (gradPatches: nullptr when no dX is wanted.)
    void denseSample(const Eigen::Map<const Matrix>& dyb, const Eigen::Map<Matrix>& patches, Matrix& dw,
                     Scalar* gradPatches) const;
    // The same sums over the non-zero entries of dY_b only (patches as rows).
    void sparseSample(const Eigen::Map<const Matrix>& dyb, const Eigen::Map<Matrix>& patches, Matrix& dw,
                      Scalar* gradPatches) const;

    ConvGeometry m_geometry;
    int m_outChannels;
    Matrix m_weight, m_weightGrad;   // (O, C k k)
    Matrix m_bias, m_biasGrad;       // (1, O)
    Matrix m_input;                  // X of the last forward (batch, C H W)
    SliceSums m_weightSums, m_biasSums;
    std::array<bool, kBatchSlices> m_sparseSeen{};   // per slice, in the last backward
    bool m_inputGradient = true;
    bool m_sparseAllowed = false;
    bool m_lastSparse = false;
};

} // namespace aelab
