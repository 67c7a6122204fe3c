#include "experiment/RunRecord.h"

#include "io/ModelFile.h"
#include "math/Checksum.h"
#include "models/Registry.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace aelab {

std::string RunRecord::status() const
{
    return history.end ? history.end->status : std::string("running");
}

LossTerms RunRecord::finalTrain() const
{
    return history.epochs.empty() ? LossTerms{} : history.epochs.back().train;
}

LossTerms RunRecord::finalVal() const
{
    return history.epochs.empty() ? LossTerms{} : history.epochs.back().val;
}

nlohmann::json RunRecord::settingsJson() const
{
    nlohmann::json j = nlohmann::json::object();
    j["variant"] = settings.variant;
    j["dataset"] = datasetSpec;
    j["epochs"] = settings.epochs;
    j["val"] = settings.validationFraction;
    j["seed"] = settings.seed;
    for (const auto& [key, value] : settings.values.items())
        j[key] = value;
    // A setting changed while training ends with its last value.
    for (const SettingChange& c : history.changes)
        j[c.key] = c.to;
    return j;
}

nlohmann::json RunRecord::toJson() const
{
    nlohmann::json j;
    j["id"] = id;
    j["name"] = name;
    j["note"] = note;
    j["settings"] = settingsJson();
    j["dataset_fingerprint"] = datasetFingerprint;
    j["parameters"] = parameters;
    j["status"] = status();
    j["seconds"] = seconds;
    j["steps"] = steps;
    j["samples_seen"] = samplesSeen;
    j["history"] = history.toJson();
    j["final"] = {{"train", termsJson(finalTrain())}, {"val", termsJson(finalVal())}};
    return j;
}

std::unique_ptr<Autoencoder> rebuildModel(const RunRecord& record)
{
    const VariantInfo& info = variantInfo(record.settings.variant);
    nlohmann::json values = record.settings.values;
    for (const SettingChange& c : record.history.changes)
        values[c.key] = c.to;
    auto model = createModel(info.key, HyperParams::fromJson(values, info.specs), record.context);
    loadWeights(*model, record.finalWeights);
    return model;
}

ModelProvenance provenanceOf(const RunRecord& record)
{
    return {record.datasetSpec, record.datasetFingerprint, record.history};
}

std::vector<std::string> differingSettings(const std::vector<const RunRecord*>& runs)
{
    std::vector<nlohmann::json> all;
    std::vector<std::string> keys;
    for (const RunRecord* r : runs) {
        all.push_back(r->settingsJson());
        for (const auto& [key, value] : all.back().items())
            if (std::find(keys.begin(), keys.end(), key) == keys.end())
                keys.push_back(key);
    }
    // The run's own settings first, then the hyperparameters by name.
    const std::vector<std::string> head = {"variant", "dataset", "epochs", "val", "seed"};
    std::stable_sort(keys.begin(), keys.end(), [&](const std::string& a, const std::string& b) {
        const auto rank = [&](const std::string& k) {
            return std::size_t(std::find(head.begin(), head.end(), k) - head.begin());
        };
        return rank(a) != rank(b) ? rank(a) < rank(b) : a < b;
    });
    std::vector<std::string> differing;
    for (const std::string& key : keys) {
        const nlohmann::json first = all.front().value(key, nlohmann::json());
        const bool same = std::all_of(all.begin(), all.end(), [&](const nlohmann::json& s) {
            return s.value(key, nlohmann::json()) == first;
        });
        if (!same)
            differing.push_back(key);
    }
    return differing;
}

namespace {

std::string csvField(const std::string& text)
{
    if (text.find_first_of(",\"\n") == std::string::npos)
        return text;
    std::string quoted = "\"";
    for (char c : text)
        quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

void writePoints(std::ostream& out, const RunRecord& r, const char* split, const std::vector<CurvePoint>& points)
{
    for (const CurvePoint& p : points)
        for (std::size_t i = 0; i < p.values.size() && i < r.curves.terms.size(); ++i) {
            if (std::isnan(p.values[i]))
                continue;
            out << r.id << ',' << csvField(r.name) << ',' << split << ',' << p.step << ',' << p.epoch << ','
                << p.samples << ',' << p.seconds << ',' << csvField(r.curves.terms[i]) << ',' << p.values[i]
                << '\n';
        }
}

} // namespace

std::string curvesCsv(const std::vector<const RunRecord*>& runs)
{
    std::ostringstream out;
    out.precision(9);
    out << "run,name,split,step,epoch,samples,seconds,term,value\n";
    for (const RunRecord* r : runs) {
        writePoints(out, *r, "train", r->curves.train);
        writePoints(out, *r, "val", r->curves.val);
    }
    return out.str();
}

std::string probeFingerprintOf(const Matrix& points)
{
    Fnv1a hash;
    const long long shape[2] = {(long long)points.rows(), (long long)points.cols()};
    hash.add(shape, sizeof shape);
    hash.add(points.data(), std::size_t(points.size()) * sizeof(Scalar));
    return hash.hex();
}

} // namespace aelab
