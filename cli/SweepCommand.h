#pragma once
// aelab-cli sweep: one hyperparameter over a list or range of values (and
// seeds), each run trained as `train` would, one row per run in a CSV or
// JSON file (core/experiment/Sweep*.h).
#include "cli/Args.h"

#include <ostream>

namespace aelab::cli {

int commandSweep(const Args& args, std::ostream& out, std::ostream& err, bool interactive);

} // namespace aelab::cli
