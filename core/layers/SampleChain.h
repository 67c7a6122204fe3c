#pragma once
// Runs layers that work sample by sample (SampleLayer.h) as one parallel
// loop over fixed slices of the batch (BatchSlices.h): each sample goes
// through the whole chain in the thread's scratch buffers, and only the
// chain's output (forward) or input gradient (backward) is written for the
// whole batch. A chain of one layer is that layer's own batch pass.
#include "layers/SampleLayer.h"

#include <vector>

namespace aelab {

// The chain's output for x (batch, chain.front()->sampleInputs()):
// (batch, chain.back()->sampleOutputs()).
Matrix chainForward(const std::vector<SampleLayer*>& chain, const Matrix& x);

// The gradient of the chain's input from dy (batch, chain.back()->sampleOutputs()),
// after chainForward over the same batch; empty when the first layer wants no
// input gradient. Adds every layer's parameter gradients.
Matrix chainBackward(const std::vector<SampleLayer*>& chain, const Matrix& dy);

} // namespace aelab
