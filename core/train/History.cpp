#include "train/History.h"

#include "math/Error.h"

namespace aelab {

namespace {

LossTerms termsFromJson(const nlohmann::json& j)
{
    LossTerms terms;
    if (!j.is_object())
        return terms;
    for (const auto& [key, value] : j.items())
        if (value.is_number())
            terms.add(key, value.get<double>());
    return terms;
}

double number(const nlohmann::json& j, const char* key)
{
    const auto it = j.find(key);
    return it != j.end() && it->is_number() ? it->get<double>() : 0.0;
}

EpochInfo epochFromJson(const nlohmann::json& j)
{
    if (!j.is_object() || !j.contains("epoch") || !j["epoch"].is_number_integer())
        fail(ErrorKind::Format, "a history entry has no epoch number");
    EpochInfo e;
    e.epoch = j["epoch"].get<int>();
    e.train = termsFromJson(j.value("train", nlohmann::json::object()));
    e.val = termsFromJson(j.value("val", nlohmann::json::object()));
    e.seconds = number(j, "seconds");
    e.samplesPerSecond = number(j, "samples_per_s");
    if (j.contains("phase") && j["phase"].is_string())
        e.phase = j["phase"].get<std::string>();
    return e;
}

SettingChange changeFromJson(const nlohmann::json& j)
{
    if (!j.is_object() || !j.contains("key") || !j["key"].is_string() || !j.contains("step")
        || !j["step"].is_number_integer())
        fail(ErrorKind::Format, "a recorded setting change has no key or step");
    SettingChange c;
    c.step = j["step"].get<long long>();
    c.epoch = j.value("epoch", 0);
    c.key = j["key"].get<std::string>();
    c.from = j.value("from", nlohmann::json());
    c.to = j.value("to", nlohmann::json());
    return c;
}

} // namespace

nlohmann::json termsJson(const LossTerms& terms)
{
    nlohmann::json j = nlohmann::json::object();
    for (const auto& [key, value] : terms.terms)
        j[key] = value;
    return j;
}

nlohmann::json epochJson(const EpochInfo& e)
{
    nlohmann::json j{{"epoch", e.epoch},
                     {"train", termsJson(e.train)},
                     {"val", termsJson(e.val)},
                     {"seconds", e.seconds},
                     {"samples_per_s", e.samplesPerSecond}};
    if (!e.phase.empty())
        j["phase"] = e.phase;
    return j;
}

nlohmann::json History::toJson() const
{
    nlohmann::json epochList = nlohmann::json::array();
    for (const EpochInfo& e : epochs)
        epochList.push_back(epochJson(e));
    nlohmann::json changeList = nlohmann::json::array();
    for (const SettingChange& c : changes)
        changeList.push_back({{"step", c.step}, {"epoch", c.epoch}, {"key", c.key}, {"from", c.from}, {"to", c.to}});
    nlohmann::json j{{"epochs", epochList}, {"changes", changeList}};
    if (end) {
        j["end"] = {{"status", end->status}, {"step", end->step}};
        if (!end->reason.empty())
            j["end"]["reason"] = end->reason;
        if (end->weightsFromStep >= 0)
            j["end"]["weights_from_step"] = end->weightsFromStep;
    }
    return j;
}

History History::fromJson(const nlohmann::json& j)
{
    History h;
    const nlohmann::json* epochList = &j;
    if (j.is_object()) {
        if (j.contains("changes")) {
            if (!j["changes"].is_array())
                fail(ErrorKind::Format, "the history's changes are not a list");
            for (const auto& c : j["changes"])
                h.changes.push_back(changeFromJson(c));
        }
        if (j.contains("end")) {
            const nlohmann::json& e = j["end"];
            if (!e.is_object() || !e.contains("status") || !e["status"].is_string())
                fail(ErrorKind::Format, "the history's end has no status");
            h.end = RunEnd{e["status"].get<std::string>(), e.value("step", 0LL), e.value("reason", std::string()),
                           e.value("weights_from_step", -1LL)};
        }
        static const nlohmann::json none = nlohmann::json::array();
        epochList = j.contains("epochs") ? &j["epochs"] : &none;
    }
    if (!epochList->is_array())
        fail(ErrorKind::Format, "the history is neither a list of epochs nor an object holding one");
    for (const auto& e : *epochList)
        h.epochs.push_back(epochFromJson(e));
    return h;
}

} // namespace aelab
