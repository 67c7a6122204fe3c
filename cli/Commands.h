#pragma once
// The commands of aelab-cli, one function each.
#include "cli/Args.h"

#include <ostream>

namespace aelab::cli {

int commandList(const Args& args, std::ostream& out);
int commandDatasets(const Args& args, std::ostream& out);
int commandTrain(const Args& args, std::ostream& out, std::ostream& err, bool interactive);
int commandEval(const Args& args, std::ostream& out);
int commandEncode(const Args& args, std::ostream& out);

} // namespace aelab::cli
