#pragma once
// aelab-cli export-torch: a model file handed to PyTorch (export/TorchExport.h):
// the weights, the network as a torch.nn.Module, train.py (one process or
// torchrun), and with --dataset the training data as data.npy.
#include "cli/Args.h"

#include <ostream>

namespace aelab::cli {

int commandExportTorch(const Args& args, std::ostream& out);

} // namespace aelab::cli
