#pragma once
// aelab-cli probe: what a trained model's codes are good for (a linear and a
// nearest-neighbour probe against raw inputs and PCA, core/experiment/Probe.h);
// aelab-cli finetune: its encoder plus a softmax head trained on few labels,
// against the same network from a random start (core/experiment/FineTune.h).
#include "cli/Args.h"

#include <ostream>

namespace aelab::cli {

int commandProbe(const Args& args, std::ostream& out, std::ostream& err, bool interactive);
int commandFineTune(const Args& args, std::ostream& out, std::ostream& err, bool interactive);

} // namespace aelab::cli
