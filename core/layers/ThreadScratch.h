#pragma once
// Per-thread scratch matrices for the image layers' per-sample work (one
// sample's patches, their gradient, the values a chain of layers passes
// between them: SampleChain.h): reused from
// call to call, so a thread allocates nothing per sample and finds the
// buffer in its own cache.
#include "math/Matrix.h"

namespace aelab {

// Who uses which buffer: a caller holds at most one matrix per slot.
enum class ScratchSlot { Patches, PatchGradients, ChainA, ChainB, Count };

// A (rows, cols) row-major matrix over this thread's buffer for `slot`,
// grown when needed, aligned as Eigen's matrices; its values are left as
// they were. Valid until the
// same thread asks for the same slot again.
Eigen::Map<Matrix> threadScratch(ScratchSlot slot, Eigen::Index rows, Eigen::Index cols);

} // namespace aelab
