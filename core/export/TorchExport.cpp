#include "export/TorchExport.h"

#include "export/TorchTemplates.h"
#include "io/AtomicFile.h"
#include "io/Npy.h"
#include "math/Error.h"
#include "models/EncoderDecoder.h"

#include <filesystem>
#include <system_error>

namespace aelab {

namespace {

bool exportedVariant(const std::string& variant)
{
    return variant == "ae" || variant == "dae" || variant == "vae" || variant == "sparse";
}

std::string replaced(std::string text, const std::string& marker, const std::string& value)
{
    for (std::size_t at = text.find(marker); at != std::string::npos; at = text.find(marker, at + value.size()))
        text.replace(at, marker.size(), value);
    return text;
}

// Indented one level deeper, for a module expression inside __init__.
std::string indented(const std::string& expression) { return replaced(expression, "\n", "\n    "); }

nlohmann::json settingsOf(EncoderDecoder& model, const ModelProvenance& provenance)
{
    const nlohmann::json& hp = model.hyperParams().json();
    return {{"variant", model.variant()},
            {"output", model.outputMode().kind == OutputKind::SigmoidBce ? "sigmoid-bce" : "linear-mse"},
            {"latent", hp.value("latent", 0)},
            {"input_size", model.context().inputDim},
            {"unit_interval", model.context().unitInterval},
            {"seed", model.context().seed},
            {"dataset", provenance.dataset.empty() ? model.context().dataset : provenance.dataset},
            {"hyperparameters", hp}};
}

} // namespace

std::string torchExportProblem(Autoencoder& model)
{
    auto* pair = dynamic_cast<EncoderDecoder*>(&model);
    if (!pair || !exportedVariant(model.variant()))
        return "the PyTorch export covers ae, dae, vae and sparse so far; " + model.variant()
               + "'s objective has no counterpart in the generated train.py yet";
    const OutputKind output = pair->outputMode().kind;
    if (output != OutputKind::SigmoidBce && output != OutputKind::LinearSquaredError)
        return "train.py has the sigmoid-bce and linear-mse reconstruction terms so far, not this model's "
               "decoder density (" + reconstructionTermName(pair->outputMode()) + ")";
    if (pair->encoder().torchModule().empty() || pair->decoder().torchModule().empty())
        return "this network has a layer with no PyTorch module of the same meaning (an unpool decoder "
               "reads the encoder's max-pool switches); choose deconv or upsample to export it";
    return {};
}

std::string torchModuleSource(Autoencoder& model, const ModelProvenance& provenance)
{
    if (const std::string problem = torchExportProblem(model); !problem.empty())
        fail(ErrorKind::Unsupported, "cannot export to PyTorch: " + problem);
    auto& pair = dynamic_cast<EncoderDecoder&>(model);
    std::string source = torchtemplates::kModuleHead;
    // A raw string: the JSON's backslashes stay as they are.
    source += "SETTINGS = json.loads(r'''" + settingsOf(pair, provenance).dump(1) + "''')\n";
    source += torchtemplates::kFlatLayers;
    std::string model_class = torchtemplates::kModelClass;
    model_class = replaced(model_class, "@ENCODER@", indented(pair.encoder().torchModule()));
    model_class = replaced(model_class, "@DECODER@", indented(pair.decoder().torchModule()));
    source += model_class;
    source += torchtemplates::kLoader;
    return source;
}

void exportTorch(const std::string& directory, Autoencoder& model, const ModelProvenance& provenance,
                 const Matrix* data)
{
    const std::string module = torchModuleSource(model, provenance);   // refuses before anything is written
    if (data && data->cols() != model.context().inputDim)
        fail(ErrorKind::InvalidArgument, "the data has " + std::to_string(data->cols())
                                             + " features a sample, the model " + std::to_string(model.context().inputDim));
    std::error_code ec;
    std::filesystem::create_directories(directory, ec);
    if (ec)
        fail(ErrorKind::Io, "cannot create the folder " + directory + ": " + ec.message());
    const std::filesystem::path dir(directory);
    saveModel((dir / "model.safetensors").string(), model, provenance);
    writeFileAtomically((dir / "aelab_model.py").string(), module);
    writeFileAtomically((dir / "train.py").string(), std::string(torchtemplates::kTrainScript));
    writeFileAtomically((dir / "README.md").string(), replaced(torchtemplates::kReadme, "@VARIANT@", model.variant()));
    if (data)
        writeNpy((dir / "data.npy").string(), *data);
}

} // namespace aelab
