#include "experiment/SweepReport.h"

#include "io/AtomicFile.h"
#include "io/CsvTable.h"
#include "math/Error.h"
#include "models/Registry.h"

#include <algorithm>

namespace aelab {

namespace {

// Every term name any run reported, in the order first met.
std::vector<std::string> termNames(const SweepResults& results, bool validation)
{
    std::vector<std::string> names;
    for (const SweepRunResult& r : results.runs)
        for (const auto& [name, value] : (validation ? r.finalVal : r.finalTrain).terms)
            if (std::find(names.begin(), names.end(), name) == names.end())
                names.push_back(name);
    return names;
}

// The hyperparameter keys in the variant's own order (then any others).
std::vector<std::string> settingKeys(const SweepResults& results)
{
    std::vector<std::string> keys;
    if (!results.variant.empty())
        for (const ParamSpec& s : variantInfo(results.variant).specs)
            keys.push_back(s.key);
    for (const SweepRunResult& r : results.runs)
        for (const auto& [key, value] : r.settings.values.items())
            if (std::find(keys.begin(), keys.end(), key) == keys.end())
                keys.push_back(key);
    return keys;
}

std::string probeColumn(int perClass)
{
    return "probe_test_accuracy_" + labelBudgetText(perClass) + "_per_class";
}

} // namespace

std::string sweepCsv(const SweepResults& results)
{
    CsvTable csv;
    for (const char* c : {"run", "swept_key", "swept_value", "seed", "variant", "dataset", "epochs", "val_fraction"})
        csv.addColumn(c);
    const std::vector<std::string> keys = settingKeys(results);
    for (const std::string& k : keys)
        csv.addColumn(k);
    for (const char* c : {"status", "steps", "samples_seen", "train_samples", "seconds"})
        csv.addColumn(c);
    const std::vector<std::string> trainTerms = termNames(results, false), valTerms = termNames(results, true);
    for (const std::string& t : trainTerms)
        csv.addColumn("final_train_" + t);
    for (const std::string& t : valTerms)
        csv.addColumn("final_val_" + t);
    for (const SweepRunResult& r : results.runs) {
        csv.newRow();
        csv.set("run", r.index + 1);
        csv.set("swept_key", r.key);
        csv.setJson("swept_value", r.value);
        csv.set("seed", (long long)r.settings.seed);
        csv.set("variant", r.settings.variant);
        csv.set("dataset", results.dataset);
        csv.set("epochs", r.settings.epochs);
        csv.set("val_fraction", r.settings.validationFraction);
        for (const std::string& k : keys)
            if (r.settings.values.contains(k))
                csv.setJson(k, r.settings.values[k]);
        csv.set("status", r.status);
        csv.set("steps", r.steps);
        csv.set("samples_seen", r.samplesSeen);
        csv.set("train_samples", r.trainSamples);
        csv.set("seconds", r.seconds);
        for (const auto& [name, value] : r.finalTrain.terms)
            csv.set("final_train_" + name, value);
        for (const auto& [name, value] : r.finalVal.terms)
            csv.set("final_val_" + name, value);
        if (r.probeAccuracy)
            csv.set(probeColumn(r.probeLabelsPerClass), *r.probeAccuracy);
        if (!r.message.empty())
            csv.set("message", r.message);
    }
    return csv.text();
}

nlohmann::json sweepJson(const SweepResults& results)
{
    nlohmann::json runs = nlohmann::json::array();
    for (const SweepRunResult& r : results.runs) {
        nlohmann::json j{{"run", r.index + 1},
                         {"swept_value", r.value},
                         {"seed", r.settings.seed},
                         {"epochs", r.settings.epochs},
                         {"val_fraction", r.settings.validationFraction},
                         {"hyperparameters", r.settings.values},
                         {"status", r.status},
                         {"steps", r.steps},
                         {"samples_seen", r.samplesSeen},
                         {"train_samples", r.trainSamples},
                         {"seconds", r.seconds},
                         {"final_train", termsJson(r.finalTrain)},
                         {"final_val", termsJson(r.finalVal)},
                         {"history", r.history.toJson()}};
        if (!r.message.empty())
            j["message"] = r.message;
        if (r.probeAccuracy) {
            j["probe_test_accuracy"] = *r.probeAccuracy;
            j["probe_labels_per_class"] = labelBudgetText(r.probeLabelsPerClass);
        }
        runs.push_back(std::move(j));
    }
    nlohmann::json values = nlohmann::json::array();
    for (const auto& v : results.sweep.values)
        values.push_back(v);
    return {{"dataset", results.dataset},
            {"variant", results.variant},
            {"sweep", {{"key", results.sweep.key}, {"values", values}, {"text", results.sweep.text}}},
            {"seeds", results.seeds},
            {"complete", results.complete},
            {"runs", runs}};
}

void checkResultsExtension(const std::string& path, const std::string& what)
{
    if (!path.ends_with(".csv") && !path.ends_with(".json"))
        fail(ErrorKind::InvalidArgument, what + " " + path + " must end in .csv or .json");
}

void writeSweepResults(const std::string& path, const SweepResults& results)
{
    checkResultsExtension(path, "the results file");
    if (path.ends_with(".csv"))
        writeFileAtomically(path, sweepCsv(results));
    else
        writeFileAtomically(path, sweepJson(results).dump(2) + "\n");
}

} // namespace aelab
