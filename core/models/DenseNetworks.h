#pragma once
// The dense networks most variants use: a multilayer perceptron, whose
// mirror image makes the decoder.
#include "layers/Sequential.h"
#include "math/Rng.h"

#include <string>
#include <vector>

namespace aelab {

// in -> hidden... -> out; each hidden layer followed by `activation`; the
// last layer is linear (a code, logits, or a linear output).
Sequential buildMlp(int in, const std::vector<int>& hidden, int out,
                    const std::string& activation, Rng& rng);

} // namespace aelab
