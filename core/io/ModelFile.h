#pragma once
// A trained model as a safetensors file: the weights as F32 tensors named
// like "encoder.0.weight" (shapes as in PyTorch), and in __metadata__ the
// format version, variant, hyperparameters, the data's shape and
// fingerprint, the seed and the training history (JSON text values).
#include "io/Safetensors.h"
#include "models/Autoencoder.h"
#include "train/History.h"

#include <memory>
#include <optional>
#include <nlohmann/json.hpp>
#include <string>

namespace aelab {

inline constexpr int kModelFormatVersion = 1;

struct ModelProvenance {
    std::string dataset;              // what it was trained on
    std::string datasetFingerprint;
    History history;                  // epochs and settings changed while training
};

// What a model file keeps so that its run can continue exactly (optional;
// train/Resume.h writes and reads it): the metadata "resume" (JSON) and
// tensors named "resume.<...>" (the optimizers' buffers). A reader that
// builds the model ignores both; PyTorch sees them as extra tensors.
struct ResumeSection {
    nlohmann::json meta = nlohmann::json::object();
    std::vector<Tensor> tensors;
};
inline constexpr const char* kResumeTensorPrefix = "resume.";

struct LoadedModel {
    std::unique_ptr<Autoencoder> model;
    ModelProvenance provenance;
    std::optional<ResumeSection> resume;   // none in files saved without it (and before it existed)
};

// Atomic: a failed save leaves an existing file byte-identical.
void saveModel(const std::string& path, Autoencoder& model, const ModelProvenance& provenance,
               const ResumeSection* resume = nullptr);
LoadedModel loadModel(const std::string& path);

} // namespace aelab
