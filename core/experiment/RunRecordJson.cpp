#include "experiment/RunRecordJson.h"

#include "math/Error.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace aelab {

namespace {

nlohmann::json number(double v) { return std::isnan(v) ? nlohmann::json() : nlohmann::json(v); }

double numberFrom(const nlohmann::json& j)
{
    if (j.is_null())
        return std::numeric_limits<double>::quiet_NaN();
    return j.get<double>();
}

nlohmann::json curveJson(const std::vector<CurvePoint>& points, std::size_t terms)
{
    nlohmann::json step = nlohmann::json::array(), epoch = nlohmann::json::array(),
                   samples = nlohmann::json::array(), seconds = nlohmann::json::array();
    nlohmann::json values = nlohmann::json::array();
    for (std::size_t t = 0; t < terms; ++t)
        values.push_back(nlohmann::json::array());
    for (const CurvePoint& p : points) {
        step.push_back(p.step);
        epoch.push_back(p.epoch);
        samples.push_back(p.samples);
        seconds.push_back(p.seconds);
        for (std::size_t t = 0; t < terms; ++t)
            values[t].push_back(number(t < p.values.size() ? p.values[t] : std::nan("")));
    }
    return {{"step", step}, {"epoch", epoch}, {"samples", samples}, {"seconds", seconds}, {"values", values}};
}

std::vector<CurvePoint> curveFrom(const nlohmann::json& j, std::size_t terms)
{
    const auto& step = j.at("step");
    const std::size_t n = step.size();
    const auto& epoch = j.at("epoch");
    const auto& samples = j.at("samples");
    const auto& seconds = j.at("seconds");
    const auto& values = j.at("values");
    if (!step.is_array() || !epoch.is_array() || !samples.is_array() || !seconds.is_array() || !values.is_array()
        || epoch.size() != n || samples.size() != n || seconds.size() != n || values.size() != terms)
        fail(ErrorKind::Format, "a curve's columns differ in length");
    for (const auto& column : values)
        if (!column.is_array() || column.size() != n)
            fail(ErrorKind::Format, "a curve's columns differ in length");
    std::vector<CurvePoint> points(n);
    for (std::size_t i = 0; i < n; ++i) {
        CurvePoint& p = points[i];
        p.step = step[i].get<long long>();
        p.epoch = epoch[i].get<double>();
        p.samples = samples[i].get<long long>();
        p.seconds = seconds[i].get<double>();
        p.values.resize(terms);
        for (std::size_t t = 0; t < terms; ++t)
            p.values[t] = numberFrom(values[t][i]);
    }
    return points;
}

} // namespace

nlohmann::json recordJson(const RunRecord& r)
{
    nlohmann::json j;
    j["id"] = r.id;
    j["name"] = r.name;
    j["note"] = r.note;
    j["settings"] = {{"variant", r.settings.variant},
                     {"values", r.settings.values},
                     {"epochs", r.settings.epochs},
                     {"val", r.settings.validationFraction},
                     {"seed", r.settings.seed}};
    j["dataset_spec"] = r.datasetSpec;
    j["dataset_fingerprint"] = r.datasetFingerprint;
    const ModelContext& c = r.context;
    j["context"] = {{"dim", c.inputDim},
                    {"shape", {c.shape.channels, c.shape.height, c.shape.width}},
                    {"unit_interval", c.unitInterval},
                    {"value_range", {c.valueMin, c.valueMax}},
                    {"seed", c.seed},
                    {"dataset", c.dataset}};
    j["parameters"] = r.parameters;
    j["history"] = r.history.toJson();
    j["curves"] = {{"terms", r.curves.terms},
                   {"train", curveJson(r.curves.train, r.curves.terms.size())},
                   {"val", curveJson(r.curves.val, r.curves.terms.size())}};
    j["seconds"] = r.seconds;
    j["steps"] = r.steps;
    j["samples_seen"] = r.samplesSeen;
    j["map_labels"] = {r.mapXLabel, r.mapYLabel};
    j["probe_fingerprint"] = r.probeFingerprint;
    return j;
}

void readRecordJson(const nlohmann::json& j, RunRecord& r)
{
    const auto field = [&](const char* key) -> const nlohmann::json& {
        if (!j.is_object() || !j.contains(key))
            fail(ErrorKind::Format, std::string("a run lacks its '") + key + "'");
        return j[key];
    };
    try {
        r.id = field("id").get<int>();
        r.name = field("name").get<std::string>();
        r.note = field("note").get<std::string>();
        const auto& s = field("settings");
        r.settings.variant = s.at("variant").get<std::string>();
        r.settings.values = s.at("values");
        if (!r.settings.values.is_object())
            fail(ErrorKind::Format, "a run's values are not an object");
        r.settings.epochs = s.at("epochs").get<int>();
        r.settings.validationFraction = s.at("val").get<double>();
        r.settings.seed = s.at("seed").get<std::uint64_t>();
        r.datasetSpec = field("dataset_spec").get<std::string>();
        r.datasetFingerprint = field("dataset_fingerprint").get<std::string>();
        const auto& c = field("context");
        r.context.inputDim = c.at("dim").get<int>();
        const auto shape = c.at("shape").get<std::vector<int>>();
        // Each dimension bounded first, so the product cannot overflow.
        if (shape.size() != 3 || r.context.inputDim < 1 || r.context.inputDim > (1 << 24)
            || std::any_of(shape.begin(), shape.end(), [&](int d) { return d < 1 || d > r.context.inputDim; })
            || (long long)shape[0] * shape[1] * shape[2] != r.context.inputDim)
            fail(ErrorKind::Format, "a run's input shape is inconsistent");
        r.context.shape = {shape[0], shape[1], shape[2]};
        r.context.unitInterval = c.at("unit_interval").get<bool>();
        const auto range = c.at("value_range").get<std::vector<double>>();
        if (range.size() != 2 || !(range[0] <= range[1]))
            fail(ErrorKind::Format, "a run's value range is not two ordered numbers");
        r.context.valueMin = range[0];
        r.context.valueMax = range[1];
        r.context.seed = c.at("seed").get<std::uint64_t>();
        r.context.dataset = c.at("dataset").get<std::string>();
        r.parameters = field("parameters").get<long long>();
        r.history = History::fromJson(field("history"));
        const auto& curves = field("curves");
        r.curves.terms = curves.at("terms").get<std::vector<std::string>>();
        r.curves.train = curveFrom(curves.at("train"), r.curves.terms.size());
        r.curves.val = curveFrom(curves.at("val"), r.curves.terms.size());
        r.seconds = field("seconds").get<double>();
        r.steps = field("steps").get<long long>();
        r.samplesSeen = field("samples_seen").get<long long>();
        const auto labels = field("map_labels").get<std::vector<std::string>>();
        if (labels.size() != 2)
            fail(ErrorKind::Format, "a run's map labels are not two");
        r.mapXLabel = labels[0];
        r.mapYLabel = labels[1];
        r.probeFingerprint = field("probe_fingerprint").get<std::string>();
    } catch (const nlohmann::json::exception& e) {
        fail(ErrorKind::Format, "a run's record is malformed (" + std::string(e.what()) + ")");
    }
}

} // namespace aelab
