#pragma once
// Building and running the dense encoder/decoder pair most variants use, and
// the reconstruction objective on its output.
#include "layers/Sequential.h"
#include "losses/Loss.h"
#include "math/Rng.h"
#include "models/HyperParams.h"

#include <memory>
#include <string>
#include <vector>

namespace aelab {

class Optimizer;
struct ModelContext;

// in -> hidden... -> out; each hidden layer followed by `activation`; the
// last layer is linear (a code, logits, or a linear output).
Sequential buildMlp(int in, const std::vector<int>& hidden, int out,
                    const std::string& activation, Rng& rng);

// How the decoder's last layer meets the data.
enum class OutputMode { SigmoidBce, LinearMse };
OutputMode outputModeFor(const HyperParams& hp, const ModelContext& context);

// The loss between the decoder's raw output and the target.
LossValue reconstructionLoss(OutputMode mode, const Matrix& raw, const Matrix& target);
// The raw output mapped to data space (sigmoid for BCE, identity for MSE).
Matrix toDataSpace(OutputMode mode, const Matrix& raw);

// The optimizer a variant's "optimizer", "lr", "momentum", "clip" ask for.
std::unique_ptr<Optimizer> optimizerFromSpecs(const HyperParams& hp, double lrScale = 1.0);

// Parameters of a named network with "prefix." names.
void appendParameters(std::vector<struct Parameter>& out, const std::string& prefix, Layer& net);

} // namespace aelab
