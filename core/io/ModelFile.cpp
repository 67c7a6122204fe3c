#include "io/ModelFile.h"

#include "io/Safetensors.h"
#include "layers/ParameterBudget.h"
#include "math/Error.h"
#include "models/Registry.h"

#include <algorithm>
#include <cmath>

namespace aelab {

namespace {

std::vector<std::int64_t> fileShape(const Parameter& p)
{
    // Biases are kept as (1, n) matrices but stored as 1-D [n], and conv
    // kernels 4-D, as PyTorch does.
    if (!p.fileShape.empty())
        return p.fileShape;
    if (p.value->rows() == 1 && p.name.ends_with("bias"))
        return {p.value->cols()};
    return {p.value->rows(), p.value->cols()};
}

std::string shapeText(const std::vector<std::int64_t>& shape)
{
    std::string s = "[";
    for (std::size_t i = 0; i < shape.size(); ++i)
        s += (i ? ", " : "") + std::to_string(shape[i]);
    return s + "]";
}

// Metadata values are JSON text inside the header's strings, so the header's
// own limits do not reach them: bound nesting and size here, or 8 MB of '['
// would become millions of nested arrays (~75 bytes of memory per byte).
nlohmann::json parseBoundedJson(const std::string& text, const std::string& key, const std::string& path)
{
    constexpr int kMaxDepth = 16;
    constexpr std::size_t kMaxValues = 2u << 20;   // a 100000-epoch history fits
    std::size_t values = 0;
    auto callback = [&](int depth, nlohmann::json::parse_event_t, nlohmann::json&) {
        if (depth > kMaxDepth || ++values > kMaxValues)
            fail(ErrorKind::Format, path + ": metadata '" + key + "' is nested too deeply or too large");
        return true;
    };
    try {
        return nlohmann::json::parse(text, callback);
    } catch (const nlohmann::json::exception&) {
        fail(ErrorKind::Format, path + ": metadata '" + key + "' is not valid JSON");
    }
}

nlohmann::json parseMetaJson(const nlohmann::json& meta, const std::string& key, const std::string& path)
{
    if (!meta.contains(key) || !meta[key].is_string())
        fail(ErrorKind::Format, path + ": not an aelab model (metadata '" + key + "' missing)");
    return parseBoundedJson(meta[key].get<std::string>(), key, path);
}

} // namespace

void saveModel(const std::string& path, Autoencoder& model, const ModelProvenance& provenance,
               const ResumeSection* resume)
{
    TensorFile file;
    for (const auto& p : model.parameters()) {
        Tensor t;
        t.name = p.name;
        t.shape = fileShape(p);
        t.data.resize(std::size_t(p.value->size()));
        for (Eigen::Index i = 0; i < p.value->size(); ++i)
            t.data[std::size_t(i)] = float(p.value->data()[i]);
        file.tensors.push_back(std::move(t));
    }
    const auto& c = model.context();
    file.metadata = nlohmann::json::object();
    file.metadata["aelab_format"] = std::to_string(kModelFormatVersion);
    file.metadata["variant"] = model.variant();
    file.metadata["hyperparameters"] = model.hyperParams().json().dump();
    file.metadata["input"] = nlohmann::json{{"dim", c.inputDim},
                                            {"shape", {c.shape.channels, c.shape.height, c.shape.width}},
                                            {"unit_interval", c.unitInterval},
                                            {"value_range", {c.valueMin, c.valueMax}},
                                            {"seed", c.seed}}.dump();
    file.metadata["dataset"] = provenance.dataset;
    file.metadata["dataset_fingerprint"] = provenance.datasetFingerprint;
    file.metadata["history"] = provenance.history.toJson().dump();
    if (resume) {
        file.metadata["resume"] = resume->meta.dump();
        for (const Tensor& t : resume->tensors)
            file.tensors.push_back(t);
    }
    writeSafetensors(path, file);
}

LoadedModel loadModel(const std::string& path)
{
    TensorFile file = readSafetensors(path);
    const nlohmann::json& meta = file.metadata;
    // The resume section's tensors apart: the model's are the rest.
    std::optional<ResumeSection> resume;
    if (meta.is_object() && meta.contains("resume") && meta["resume"].is_string()) {
        resume.emplace();
        resume->meta = parseBoundedJson(meta["resume"].get<std::string>(), "resume", path);
    }
    {
        std::vector<Tensor> model;
        for (Tensor& t : file.tensors) {
            if (!t.name.starts_with(kResumeTensorPrefix))
                model.push_back(std::move(t));
            else if (resume)
                resume->tensors.push_back(std::move(t));
        }
        file.tensors = std::move(model);
    }
    if (!meta.is_object() || !meta.contains("aelab_format"))
        fail(ErrorKind::Format, path + ": a safetensors file, but not an aelab model (no aelab_format)");
    if (meta["aelab_format"] != std::to_string(kModelFormatVersion))
        fail(ErrorKind::Format, path + ": model format version " + meta["aelab_format"].dump()
             + " is not supported by this aelab (it reads version " + std::to_string(kModelFormatVersion) + ")");
    if (!meta.contains("variant") || !meta["variant"].is_string())
        fail(ErrorKind::Format, path + ": the variant is missing");

    const nlohmann::json hpJson = parseMetaJson(meta, "hyperparameters", path);
    const nlohmann::json input = parseMetaJson(meta, "input", path);

    LoadedModel loaded;
    try {
        const VariantInfo& info = variantInfo(meta["variant"].get<std::string>());
        ModelContext c;
        c.inputDim = input.at("dim").get<int>();
        const auto shape = input.at("shape").get<std::vector<int>>();
        // Each dimension is bounded first so that the product cannot overflow.
        if (shape.size() != 3 || c.inputDim < 1 || c.inputDim > (1 << 24)
            || std::any_of(shape.begin(), shape.end(), [&](int d) { return d < 1 || d > c.inputDim; })
            || (long long)shape[0] * shape[1] * shape[2] != c.inputDim)
            fail(ErrorKind::Format, path + ": the input shape in the metadata is inconsistent");
        c.shape = {shape[0], shape[1], shape[2]};
        c.unitInterval = input.at("unit_interval").get<bool>();
        // Files from before the range was kept: [0, 1] (what salt-and-pepper used then).
        if (input.contains("value_range")) {
            const auto range = input.at("value_range").get<std::vector<double>>();
            if (range.size() != 2 || !std::isfinite(range[0]) || !std::isfinite(range[1]) || range[0] > range[1])
                fail(ErrorKind::Format, path + ": the value range in the metadata is inconsistent");
            c.valueMin = range[0];
            c.valueMax = range[1];
        }
        c.seed = input.at("seed").get<std::uint64_t>();
        std::int64_t floatsInFile = 0;
        for (const auto& t : file.tensors)
            floatsInFile += std::int64_t(t.data.size());
        ParameterBudget budget(floatsInFile);
        loaded.model = createModel(info.key, HyperParams::fromJson(hpJson, info.specs), c);
    } catch (const nlohmann::json::exception& e) {
        fail(ErrorKind::Format, path + ": malformed model metadata (" + std::string(e.what()) + ")");
    } catch (const Error& e) {
        fail(ErrorKind::Format, path + ": " + e.what());
    }

    auto params = loaded.model->parameters();
    if (params.size() != file.tensors.size())
        fail(ErrorKind::Format, path + ": expected " + std::to_string(params.size()) + " tensors for this "
             + loaded.model->variant() + " model, found " + std::to_string(file.tensors.size()));
    for (auto& p : params) {
        const Tensor* found = nullptr;
        for (const auto& t : file.tensors)
            if (t.name == p.name)
                found = &t;
        if (!found)
            fail(ErrorKind::Format, path + ": tensor '" + p.name + "' is missing");
        // Files written before conv kernels were saved 4-D hold them as the
        // (out, in k k) matrix itself: same entries, same order.
        const bool legacyMatrix = !p.fileShape.empty()
            && found->shape == std::vector<std::int64_t>{p.value->rows(), p.value->cols()};
        if (found->shape != fileShape(p) && !legacyMatrix)
            fail(ErrorKind::Format, path + ": tensor '" + p.name + "' has shape " + shapeText(found->shape)
                 + ", expected " + shapeText(fileShape(p)));
        // Training never saves NaN or infinite weights (the trainer stops first),
        // and a model holding them would only draw NaN everywhere.
        for (const float v : found->data)
            if (!std::isfinite(v))
                fail(ErrorKind::Format, path + ": tensor '" + p.name + "' holds NaN or infinite values");
        for (Eigen::Index i = 0; i < p.value->size(); ++i)
            p.value->data()[i] = Scalar(found->data[std::size_t(i)]);
    }

    loaded.resume = std::move(resume);
    loaded.provenance.dataset = meta.value("dataset", "");
    loaded.provenance.datasetFingerprint = meta.value("dataset_fingerprint", "");
    if (meta.contains("history") && meta["history"].is_string()) {
        const nlohmann::json history = parseBoundedJson(meta["history"].get<std::string>(), "history", path);
        try {
            loaded.provenance.history = History::fromJson(history);
        } catch (const Error& e) {
            fail(ErrorKind::Format, path + ": its training history is malformed (" + e.what() + ")");
        }
    }
    return loaded;
}

} // namespace aelab
