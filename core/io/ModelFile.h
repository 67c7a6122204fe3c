#pragma once
// A trained model as a safetensors file: the weights as F32 tensors named
// like "encoder.0.weight" (shapes as in PyTorch), and in __metadata__ the
// format version, variant, hyperparameters, the data's shape and
// fingerprint, the seed and the training history (JSON text values).
#include "models/Autoencoder.h"
#include "train/History.h"

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

namespace aelab {

inline constexpr int kModelFormatVersion = 1;

struct ModelProvenance {
    std::string dataset;              // what it was trained on
    std::string datasetFingerprint;
    History history;                  // epochs and settings changed while training
};

struct LoadedModel {
    std::unique_ptr<Autoencoder> model;
    ModelProvenance provenance;
};

// Atomic: a failed save leaves an existing file byte-identical.
void saveModel(const std::string& path, Autoencoder& model, const ModelProvenance& provenance);
LoadedModel loadModel(const std::string& path);

} // namespace aelab
