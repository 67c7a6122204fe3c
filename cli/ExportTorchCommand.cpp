#include "cli/ExportTorchCommand.h"

#include "data/Catalog.h"
#include "export/TorchExport.h"
#include "io/Destination.h"
#include "io/ModelFile.h"
#include "math/Error.h"

#include <filesystem>
#include <optional>

namespace aelab::cli {

int commandExportTorch(const Args& args, std::ostream& out)
{
    const auto modelPath = args.get("model");
    const auto outDir = args.get("out");
    if (!modelPath)
        fail(ErrorKind::InvalidArgument, "--model FILE is required (a model saved by aelab-cli train --save)");
    if (!outDir)
        fail(ErrorKind::InvalidArgument, "--out DIR is required (the folder for the PyTorch files)");
    const auto datasetSpec = args.get("dataset");
    LoadOptions load;
    load.limit = int(args.integer("limit", -1, 1, 100000000));
    load.seed = std::uint64_t(args.integer("seed", 1, 0, (1LL << 62)));
    args.rejectUnknown();

    LoadedModel loaded = loadModel(*modelPath);
    // Refused before anything is loaded or written.
    if (const std::string problem = torchExportProblem(*loaded.model); !problem.empty())
        fail(ErrorKind::Unsupported, "cannot export to PyTorch: " + problem);
    std::error_code ec;
    std::filesystem::create_directories(*outDir, ec);
    if (ec)
        fail(ErrorKind::Io, "cannot create the folder " + *outDir + ": " + ec.message());
    checkCanWrite((std::filesystem::path(*outDir) / "model.safetensors").string(), "--out");

    std::optional<Dataset> data;
    if (datasetSpec) {
        data = loadDataset(*datasetSpec, load);
        if (data->features() != loaded.model->context().inputDim)
            fail(ErrorKind::InvalidArgument, "the model expects " + std::to_string(loaded.model->context().inputDim)
                 + " features but " + data->name + " has " + std::to_string(data->features()));
    }
    exportTorch(*outDir, *loaded.model, loaded.provenance, data ? &data->trainX : nullptr);
    out << "wrote " << *outDir << "/: model.safetensors, aelab_model.py, train.py, README.md";
    if (data)
        out << ", data.npy (" << data->trainX.rows() << " training samples of " << data->name << ")";
    out << "\n  cd " << *outDir << " && python3 train.py --epochs 1"
        << "\n  cd " << *outDir << " && torchrun --standalone --nproc_per_node 2 train.py --epochs 1\n";
    return 0;
}

} // namespace aelab::cli
