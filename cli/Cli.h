#pragma once
// aelab-cli: train, evaluate and encode from the command line.
// Returns the process exit code: 0 success, 2 bad input (a one-line error on
// `err`, nothing written), 3 a run that diverged.
#include <ostream>
#include <string>
#include <vector>

namespace aelab::cli {

int runCli(const std::vector<std::string>& words, std::ostream& out, std::ostream& err, bool interactive);

} // namespace aelab::cli
