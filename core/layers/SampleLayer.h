#pragma once
// A layer whose output for a sample depends on that sample's input alone
// (the image layers, the activations, reshapes) can also run one sample at
// a time. Sequential then runs a chain of such layers as ONE parallel loop
// over slices of the batch (SampleChain.h): each sample goes through the
// whole chain while its values are in the thread's cache, and the
// activations between the layers of a chain are never written out for the
// whole batch (a 16x28x28 conv output of 128 samples is 6.4 MB, which two
// cores could only stream from memory at the speed of one).
//
// The contract mirrors Layer's, per sample: forwardSample keeps what the
// layer's backward needs for sample b (its input row, a pool's switches),
// as forward() would for the batch; backwardSample adds the parameters'
// gradients for sample b into its slice's partial sums (BatchSlices.h), which
// endBackward adds up in slice order. A pass over a batch is
//   beginForward(batch, inputs), forwardSample(b, ...) for every b (any order, any
//   thread, each b once), then later beginBackward(batch),
//   backwardSample(slice, b, ...) for every b, endBackward().
#include "math/Matrix.h"

namespace aelab {

class SampleLayer {
public:
    virtual ~SampleLayer() = default;

    // A forward pass over `batch` samples of `inputs` values each begins:
    // checks the width (throwing Error(InvalidArgument) as forward() would)
    // and sizes what is kept.
    virtual void beginForward(Eigen::Index batch, Eigen::Index inputs) = 0;
    // Values of one sample in and out (of the last beginForward's width for
    // the element-wise layers).
    virtual Eigen::Index sampleInputs() const = 0;
    virtual Eigen::Index sampleOutputs() const = 0;
    // out = f(in) for sample b (in, out: that sample's values).
    virtual void forwardSample(Eigen::Index b, const Scalar* in, Scalar* out) = 0;

    // A backward pass over the batch of the last forward begins.
    virtual void beginBackward(Eigen::Index batch) = 0;
    // dIn (null: not wanted) from dOut for sample b of slice `slice`; adds
    // the parameters' gradients to that slice's partial sums.
    virtual void backwardSample(int slice, Eigen::Index b, const Scalar* dOut, Scalar* dIn) = 0;
    // The slices' partial sums added to the parameters' gradients.
    virtual void endBackward() {}

    // Whether backward computes dX at all (a first layer's input is the data).
    virtual bool wantsInputGradient() const { return true; }
};

} // namespace aelab
