#include "experiment/Session.h"

#include "data/MemoryBudget.h"
#include "experiment/RunRecordJson.h"
#include "io/AtomicFile.h"
#include "io/Npy.h"
#include "io/Safetensors.h"
#include "layers/ParameterBudget.h"
#include "math/Error.h"
#include "models/Registry.h"

#include <algorithm>
#include <sstream>

namespace aelab {

namespace {

const char* const kIndex = "session.json";
// Metadata, not data: a session of a thousand long runs stays far below.
constexpr std::uint64_t kMaxIndexBytes = 512ull << 20;
constexpr std::size_t kMaxRuns = 10000;

std::string written(const StreamWriter& writer)
{
    std::ostringstream out;
    writer(out);
    return std::move(out).str();
}

std::string weightsBytes(const WeightSet& weights, const std::string& name)
{
    TensorFile file;
    for (const auto& [key, m] : weights.values)
        file.tensors.push_back(matrixToTensor(key, m));
    return written(safetensorsWriter(file, name));
}

WeightSet weightsFrom(const TensorFile& file)
{
    WeightSet w;
    for (const Tensor& t : file.tensors)
        w.values.emplace_back(t.name, tensorToMatrix(t));
    return w;
}

// Where in the archive each of a run's matrices lives.
struct RunFiles {
    std::string final, initial, codes, map, labels, originals, reconstructions;
    explicit RunFiles(std::size_t index)
    {
        const std::string dir = "runs/" + std::to_string(index + 1) + "/";
        final = dir + "final.safetensors";
        initial = dir + "initial.safetensors";
        codes = dir + "probe_codes.npy";
        map = dir + "probe_map.npy";
        labels = dir + "probe_labels.npy";
        originals = dir + "originals.npy";
        reconstructions = dir + "reconstructions.npy";
    }
};

// JSON text from an entry, bounded like the model file's metadata: a deep
// nest of '[' would cost ~75 bytes of memory per byte of file.
nlohmann::json parseIndex(const std::string& path, const std::string& text)
{
    constexpr int kMaxDepth = 24;
    std::size_t values = 0;
    const std::size_t maxValues = text.size() / 2 + 1024;   // every value takes at least one byte and a separator
    auto callback = [&](int depth, nlohmann::json::parse_event_t, nlohmann::json&) {
        if (depth > kMaxDepth || ++values > maxValues)
            fail(ErrorKind::Format, path + ": session.json is nested too deeply");
        return true;
    };
    try {
        return nlohmann::json::parse(text, callback);
    } catch (const nlohmann::json::exception& e) {
        fail(ErrorKind::Format, path + ": session.json is not valid JSON (" + std::string(e.what()) + ")");
    }
}

class EntryReader {
public:
    EntryReader(const std::string& path, std::map<std::string, std::string>& entries)
        : m_path(path), m_entries(entries) {}

    const std::string& bytes(const std::string& name)
    {
        auto it = m_entries.find(name);
        if (it == m_entries.end())
            fail(ErrorKind::Format, m_path + ": '" + name + "' is missing");
        return it->second;
    }
    Matrix matrix(const std::string& name)
    {
        std::istringstream in(bytes(name));
        return readNpy(in, bytes(name).size(), m_path + ": " + name);
    }
    std::vector<int> ints(const std::string& name)
    {
        std::istringstream in(bytes(name));
        return readNpyInt(in, bytes(name).size(), m_path + ": " + name);
    }
    TensorFile tensors(const std::string& name)
    {
        std::istringstream in(bytes(name));
        return readSafetensors(in, bytes(name).size(), m_path + ": " + name);
    }

private:
    const std::string& m_path;
    std::map<std::string, std::string>& m_entries;
};

// A run's weights must build its model: Run again, Probe and Fine-tune need
// it. The model is built under a budget of the floats the file holds, so a
// forged setting cannot make it allocate more than the file contains.
void checkWeights(const std::string& path, const RunRecord& r)
{
    const std::string which = path + ": run " + std::to_string(r.id) + " (" + r.name + ")";
    try {
        const VariantInfo& info = variantInfo(r.settings.variant);
        nlohmann::json values = r.settings.values;
        for (const SettingChange& c : r.history.changes)
            values[c.key] = c.to;
        ParameterBudget budget(std::max<std::int64_t>(r.finalWeights.count(), r.initialWeights.count()));
        auto model = createModel(info.key, HyperParams::fromJson(values, info.specs), r.context);
        if (!fitsModel(r.finalWeights, *model))
            fail(ErrorKind::Format, "its final weights do not fit a " + r.settings.variant + " with its settings");
        if (!r.initialWeights.empty() && !fitsModel(r.initialWeights, *model))
            fail(ErrorKind::Format, "its initial weights do not fit a " + r.settings.variant + " with its settings");
    } catch (const Error& e) {
        fail(ErrorKind::Format, which + ": " + e.what());
    }
}

void checkShapes(const std::string& path, const RunRecord& r)
{
    const std::string which = path + ": run " + std::to_string(r.id) + " (" + r.name + "): ";
    const auto n = r.probeCodes.rows();
    if (r.probeMap.size() > 0 && (r.probeMap.rows() != n || r.probeMap.cols() != 2))
        fail(ErrorKind::Format, which + "its probe map does not match its probe codes");
    if (!r.probeLabels.empty() && Eigen::Index(r.probeLabels.size()) != n)
        fail(ErrorKind::Format, which + "its probe labels do not match its probe codes");
    if (r.originals.rows() != r.reconstructions.rows() || r.originals.cols() != r.reconstructions.cols())
        fail(ErrorKind::Format, which + "its originals and reconstructions differ in shape");
    if (r.originals.size() > 0 && r.originals.cols() != r.context.inputDim)
        fail(ErrorKind::Format, which + "its images do not have the input's size");
}

} // namespace

void saveSession(const std::string& path, const std::vector<const RunRecord*>& runs, const nlohmann::json& form,
                 const nlohmann::json& view, const nlohmann::json& lesson)
{
    std::vector<ZipEntry> entries;
    nlohmann::json index;
    index["aelab_session"] = kSessionFormatVersion;
    index["runs"] = nlohmann::json::array();
    for (std::size_t i = 0; i < runs.size(); ++i) {
        const RunRecord& r = *runs[i];
        const RunFiles files(i);
        nlohmann::json j = recordJson(r);
        j["files"] = {{"final", files.final},     {"initial", files.initial},
                      {"probe_codes", files.codes}, {"probe_map", files.map},
                      {"probe_labels", files.labels}, {"originals", files.originals},
                      {"reconstructions", files.reconstructions}};
        index["runs"].push_back(std::move(j));
        entries.push_back({files.final, weightsBytes(r.finalWeights, files.final)});
        entries.push_back({files.initial, weightsBytes(r.initialWeights, files.initial)});
        entries.push_back({files.codes, written(npyWriter(r.probeCodes))});
        entries.push_back({files.map, written(npyWriter(r.probeMap))});
        entries.push_back({files.labels, written(npyIntWriter(r.probeLabels))});
        entries.push_back({files.originals, written(npyWriter(r.originals))});
        entries.push_back({files.reconstructions, written(npyWriter(r.reconstructions))});
    }
    index["form"] = form.is_null() ? nlohmann::json::object() : form;
    index["view"] = view.is_null() ? nlohmann::json::object() : view;
    index["lesson"] = lesson;
    std::string text;
    try {
        text = index.dump(1);
    } catch (const nlohmann::json::exception& e) {
        // A name or note that is not UTF-8.
        fail(ErrorKind::InvalidArgument, "cannot write " + path + ": " + e.what());
    }
    entries.insert(entries.begin(), ZipEntry{kIndex, std::move(text)});
    const std::string bytes = zipBytes(entries);
    writeFileAtomically(path, bytes);
}

void saveSession(const std::string& path, const Session& session)
{
    std::vector<const RunRecord*> runs;
    for (const RunRecord& r : session.runs)
        runs.push_back(&r);
    saveSession(path, runs, session.form, session.view, session.lesson);
}

ZipLimits sessionLimits()
{
    ZipLimits limits;
    const MemoryBudget budget = machineMemoryBudget();
    // What the entries inflate to is held once as bytes and once as matrices.
    limits.maxTotalBytes = std::min(limits.maxTotalBytes, budget.bytes / 2);
    limits.maxEntryBytes = std::min(limits.maxEntryBytes, limits.maxTotalBytes);
    limits.maxFileBytes = std::min(limits.maxFileBytes, limits.maxTotalBytes);
    return limits;
}

Session loadSession(const std::string& path, const ZipLimits& limits)
{
    std::map<std::string, std::string> entries = readZip(path, limits);
    EntryReader read(path, entries);
    const std::string& text = read.bytes(kIndex);
    if (text.size() > kMaxIndexBytes)
        fail(ErrorKind::Format, path + ": session.json is larger than " + std::to_string(kMaxIndexBytes) + " bytes");
    const nlohmann::json index = parseIndex(path, text);
    if (!index.is_object() || !index.contains("aelab_session"))
        fail(ErrorKind::Format, path + ": not an aelab session (session.json lacks 'aelab_session')");
    if (index["aelab_session"] != kSessionFormatVersion)
        fail(ErrorKind::Format, path + ": session format " + index["aelab_session"].dump()
             + " is not supported by this aelab (it reads version " + std::to_string(kSessionFormatVersion) + ")");
    if (!index.contains("runs") || !index["runs"].is_array())
        fail(ErrorKind::Format, path + ": session.json lacks its list of runs");
    if (index["runs"].size() > kMaxRuns)
        fail(ErrorKind::Format, path + ": more than " + std::to_string(kMaxRuns) + " runs");

    Session session;
    session.form = index.value("form", nlohmann::json::object());
    session.view = index.value("view", nlohmann::json::object());
    session.lesson = index.value("lesson", nlohmann::json());
    if (!session.form.is_object() || !session.view.is_object())
        fail(ErrorKind::Format, path + ": the form or view state is not an object");
    for (const nlohmann::json& j : index["runs"]) {
        RunRecord r;
        try {
            readRecordJson(j, r);
        } catch (const Error& e) {
            fail(ErrorKind::Format, path + ": " + e.what());
        }
        const auto file = [&](const char* key) {
            if (!j.contains("files") || !j["files"].is_object() || !j["files"].contains(key)
                || !j["files"][key].is_string())
                fail(ErrorKind::Format, path + ": run " + std::to_string(r.id) + " does not name its " + key);
            return j["files"][key].get<std::string>();
        };
        r.finalWeights = weightsFrom(read.tensors(file("final")));
        r.initialWeights = weightsFrom(read.tensors(file("initial")));
        r.probeCodes = read.matrix(file("probe_codes"));
        r.probeMap = read.matrix(file("probe_map"));
        r.probeLabels = read.ints(file("probe_labels"));
        r.originals = read.matrix(file("originals"));
        r.reconstructions = read.matrix(file("reconstructions"));
        checkShapes(path, r);
        checkWeights(path, r);
        session.runs.push_back(std::move(r));
    }
    return session;
}

} // namespace aelab
