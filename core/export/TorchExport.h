#pragma once
// The bridge to PyTorch: a trained model handed over as files a PyTorch
// user can run, single-process or across processes and machines with
// torchrun (DistributedDataParallel):
//   model.safetensors   the weights, named as the module's parameters
//   aelab_model.py      the same network as a torch.nn.Module (generated
//                       from each layer's Layer::torchModule()), and a
//                       reader for the weights (no package beyond torch)
//   train.py            continues training with the same objective and
//                       optimizer settings on the same data
//   data.npy            the training data as aelab prepared it (optional)
//   README.md           three commands
// Exported: `ae`, `dae` and `vae`, dense or conv with deconv or upsample.
// Anything else is refused with the reason (unpool decoders need the
// encoder's switches; the other variants' objectives are not in train.py).
#include "data/Dataset.h"
#include "io/ModelFile.h"

#include <string>

namespace aelab {

class Autoencoder;

// "" when the model can be exported; otherwise why not (a sentence).
std::string torchExportProblem(Autoencoder& model);

// Writes the files into `directory` (created if missing; existing files of
// the same names are replaced atomically). `data` may be null: then
// train.py needs --data. Throws Error(Unsupported) with the reason when the
// model cannot be exported, Error(Io) when a file cannot be written.
void exportTorch(const std::string& directory, Autoencoder& model, const ModelProvenance& provenance,
                 const Matrix* data = nullptr);

// The generated Python module alone (for tests and the README).
std::string torchModuleSource(Autoencoder& model, const ModelProvenance& provenance);

} // namespace aelab
