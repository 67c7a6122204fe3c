#pragma once
// Max pooling that remembers where each maximum was (its "switch"), so a
// paired MaxUnpool2d can put values back there (Zeiler & Fergus, 2014).
//   Y[b, c, oy, ox] = max_{i,j < k} X[b, c, oy s + i, ox s + j]
// Input (C, H, W) -> (C, OH, OW), OH = (H - k) / s + 1 (rows that do not fill
// a window are dropped, as in PyTorch). Ties go to the first maximum in
// row-major order. Backward routes each gradient to its switch.
//
// The switches live in a PoolSwitches object that the pool writes and its
// MaxUnpool2d reads, shared through a shared_ptr. Copies and clone():
//   - outside a SwitchesCloneScope a cloned pool or unpool keeps the
//     switches object of its original, so a copied decoder still unpools
//     with the switches of the encoder it was paired with;
//   - inside a SwitchesCloneScope every switches object met is replaced by
//     one new object (the same new one for every layer that shared it), so
//     copying an encoder and its decoder within one scope gives a pair that
//     is paired with itself and independent of the originals:
//         { SwitchesCloneScope scope; encoderCopy = encoder; decoderCopy = decoder; }
#include "layers/ImageShape.h"
#include "layers/Layer.h"
#include "layers/SampleLayer.h"

#include <cstdint>
#include <memory>
#include <vector>

namespace aelab {

struct PoolSwitches {
    Eigen::Index batch = 0;          // rows of the batch they were recorded for (0 = none)
    std::vector<std::int32_t> index; // (batch, C OH OW): each maximum's position iy W + ix
                                     // within its channel's plane, as PyTorch's indices
    bool matches(Eigen::Index rows, Eigen::Index outputsPerSample) const;
    void clear();
};

class SwitchesCloneScope {
public:
    SwitchesCloneScope();
    ~SwitchesCloneScope();
    SwitchesCloneScope(const SwitchesCloneScope&) = delete;
    SwitchesCloneScope& operator=(const SwitchesCloneScope&) = delete;

    // What a clone made now should hold in place of `original` (see above).
    static std::shared_ptr<PoolSwitches> remap(const std::shared_ptr<PoolSwitches>& original);

    struct Map;   // defined in the .cpp

private:
    std::unique_ptr<Map> m_map;
    Map* m_previous;
};

class MaxPool2d : public Layer, public SampleLayer {
public:
    // A k x k window moving by `stride` (0: by k, PyTorch's default).
    MaxPool2d(const ImageShape& input, int kernel, int stride = 0);

    Matrix forward(const Matrix& x) override;
    Matrix backward(const Matrix& dy) override;
    std::string describe() const override;   // "MaxPool2d(16x28x28 -> 16x14x14, k2 s2)"
    std::string torchModule() const override;
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

private:
    // One image plane: its maxima into out, their positions into where.
    void poolPlane(const Scalar* in, Scalar* out, std::int32_t* where) const;

    ImageShape m_input, m_output;
    int m_kernel, m_stride;
    std::shared_ptr<PoolSwitches> m_switches;
};

} // namespace aelab
