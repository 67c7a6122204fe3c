#pragma once
// The Python that does not depend on the model: the flat image layers and
// the weight reader of aelab_model.py, train.py, and the README. Kept as
// text here so the core writes them without a resource system.
namespace aelab::torchtemplates {

extern const char* const kModuleHead;     // imports, SETTINGS placeholder follows
extern const char* const kFlatLayers;     // FlatConv2d, FlatConvTranspose2d, FlatMaxPool2d, FlatUpsample
extern const char* const kModelClass;     // AelabModel; "@ENCODER@" and "@DECODER@" are replaced
extern const char* const kLoader;         // read_safetensors, load_model
extern const char* const kTrainScript;    // train.py
extern const char* const kReadme;         // README.md; "@VARIANT@" is replaced

} // namespace aelab::torchtemplates
