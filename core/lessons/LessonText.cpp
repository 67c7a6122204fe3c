#include "lessons/LessonText.h"

#include "data/Catalog.h"
#include "math/Error.h"
#include "models/HyperParams.h"
#include "models/Registry.h"

#include <algorithm>
#include <cmath>

namespace aelab {

const std::string& LocalText::in(const std::string& language) const
{
    return language.rfind("zh", 0) == 0 && !zh.empty() ? zh : en;
}

namespace {

// A parameter's value as the text a user would type: "2", "1e-3", "64,32", "true".
std::string valueText(const nlohmann::json& v)
{
    if (v.is_string())
        return v.get<std::string>();
    if (v.is_boolean())
        return v.get<bool>() ? "true" : "false";
    if (v.is_number_integer())
        return std::to_string(v.get<long long>());
    if (v.is_number_float()) {
        nlohmann::json copy = v;
        return copy.dump();
    }
    if (v.is_array()) {
        std::string out;
        for (const auto& item : v)
            out += (out.empty() ? "" : ",") + valueText(item);
        return out;
    }
    return v.dump();
}

bool builtinDataset(const std::string& spec)
{
    const std::string base = spec.substr(0, spec.find(':'));
    for (const DatasetInfo& info : builtinDatasets())
        if (info.name == base)
            return base == spec || base == "spiral" || base == "gaussians";
    return false;
}

const std::vector<std::string>& tabs()
{
    static const std::vector<std::string> names{"training", "explorer", "features", "diagnostics", "runs"};
    return names;
}

} // namespace

RunSettings LessonRun::settings() const
{
    const VariantInfo& info = variantInfo(variant);
    RunSettings s;
    s.variant = info.key;
    HyperParams hp = HyperParams::defaults(info.specs);
    std::vector<std::string> given;
    for (const auto& [key, value] : params.items()) {
        const ParamSpec* spec = findSpec(info.specs, key);
        if (!spec)
            fail(ErrorKind::InvalidArgument, "the variant " + variant + " has no setting '" + key + "'");
        hp.setFromText(*spec, valueText(value));
        given.push_back(key);
    }
    applyImplications(hp, info.specs, given);
    hp.validate(info.specs);
    s.values = hp.json();
    s.epochs = epochs;
    s.seed = seed;
    return s;
}

namespace lessonjson {

void refuse(const std::string& path, const std::string& why, const std::string& what)
{
    fail(ErrorKind::Format, what + " field " + (path.empty() ? std::string("(top)") : path) + ": " + why);
}

nlohmann::json parse(const std::string& text, const std::string& what)
{
    if (text.size() > kMaxFileBytes)
        fail(ErrorKind::Format, "the " + what + " file is " + std::to_string(text.size() / 1024)
                                    + " KiB; at most " + std::to_string(kMaxFileBytes / 1024) + " KiB are read");
    // Deep nesting is refused before parsing: a file of 100000 '[' would
    // otherwise be a deep tree to build and destroy.
    int depth = 0;
    bool inString = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if ((c == '[' || c == '{') && ++depth > kMaxDepth) {
            fail(ErrorKind::Format, "the " + what + " file nests deeper than " + std::to_string(kMaxDepth) + " levels");
        } else if (c == ']' || c == '}') {
            --depth;
        }
    }
    nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_discarded())
        fail(ErrorKind::Format, "the " + what + " file is not valid JSON");
    if (!j.is_object())
        fail(ErrorKind::Format, "the " + what + " file must hold one JSON object");
    return j;
}

bool has(const nlohmann::json& object, const std::string& key) { return object.contains(key); }

const nlohmann::json& member(const nlohmann::json& object, const std::string& key, const std::string& path,
                             const std::string& what)
{
    const auto it = object.find(key);
    if (it == object.end())
        refuse(path.empty() ? key : path + "." + key, "missing", what);
    return *it;
}

void onlyKeys(const nlohmann::json& object, const std::vector<std::string>& keys, const std::string& path,
              const std::string& what)
{
    if (!object.is_object())
        refuse(path, "must be an object", what);
    for (const auto& [key, value] : object.items())
        if (std::find(keys.begin(), keys.end(), key) == keys.end())
            refuse(path.empty() ? key : path + "." + key, "unknown field (known: " + [&] {
                std::string list;
                for (const std::string& k : keys)
                    list += (list.empty() ? "" : ", ") + k;
                return list;
            }() + ")", what);
}

std::string string(const nlohmann::json& value, const std::string& path, const std::string& what,
                   std::size_t maxChars)
{
    if (!value.is_string())
        refuse(path, "must be a string", what);
    const std::string& s = value.get_ref<const std::string&>();
    if (s.size() > maxChars)
        refuse(path, "longer than " + std::to_string(maxChars) + " bytes", what);
    return s;
}

LocalText text(const nlohmann::json& value, const std::string& path, const std::string& what)
{
    if (!value.is_object())
        refuse(path, "must be an object with an \"en\" and a \"zh\" text", what);
    onlyKeys(value, {"en", "zh"}, path, what);
    LocalText t;
    for (const char* lang : {"en", "zh"}) {
        if (!value.contains(lang))
            refuse(path, std::string("no \"") + lang + "\" text"
                             + (lang == std::string("zh") ? " (every text needs its Simplified Chinese)" : ""),
                   what);
        std::string s = string(value.at(lang), path + "." + lang, what);
        if (s.find_first_not_of(" \t\n") == std::string::npos)
            refuse(path + "." + lang, "empty", what);
        (lang == std::string("en") ? t.en : t.zh) = std::move(s);
    }
    return t;
}

const nlohmann::json& array(const nlohmann::json& value, const std::string& path, const std::string& what,
                            std::size_t maxItems)
{
    if (!value.is_array())
        refuse(path, "must be a list", what);
    if (value.size() > maxItems)
        refuse(path, "more than " + std::to_string(maxItems) + " items", what);
    return value;
}

long long integer(const nlohmann::json& value, const std::string& path, const std::string& what, long long min,
                  long long max)
{
    if (!value.is_number_integer() && !value.is_number_unsigned())
        refuse(path, "must be a whole number", what);
    const long long v = value.is_number_unsigned() && value.get<unsigned long long>() > (unsigned long long)max
                            ? max + 1
                            : value.get<long long>();
    if (v < min || v > max)
        refuse(path, "must be between " + std::to_string(min) + " and " + std::to_string(max), what);
    return v;
}

namespace {

LessonRun run(const nlohmann::json& j, const std::string& path, const std::string& what)
{
    onlyKeys(j, {"name", "variant", "params", "epochs", "seed"}, path, what);
    LessonRun r;
    r.name = text(member(j, "name", path, what), path + ".name", what);
    r.variant = string(member(j, "variant", path, what), path + ".variant", what, 64);
    const VariantInfo* info = nullptr;
    for (const VariantInfo& v : variants())
        if (v.key == r.variant)
            info = &v;
    if (!info) {
        std::string known;
        for (const VariantInfo& v : variants())
            known += (known.empty() ? "" : ", ") + v.key;
        refuse(path + ".variant", "unknown variant '" + r.variant + "' (known: " + known + ")", what);
    }
    if (has(j, "params")) {
        const nlohmann::json& params = j.at("params");
        if (!params.is_object())
            refuse(path + ".params", "must be an object of setting: value", what);
        if (params.size() > 64)
            refuse(path + ".params", "more than 64 settings", what);
        for (const auto& [key, value] : params.items()) {
            const std::string at = path + ".params." + key;
            if (!findSpec(info->specs, key)) {
                std::string known;
                for (const ParamSpec& s : info->specs)
                    known += (known.empty() ? "" : ", ") + s.key;
                refuse(at, "the variant " + r.variant + " has no setting '" + key + "' (it has: " + known + ")",
                       what);
            }
            if (!(value.is_string() || value.is_number() || value.is_boolean() || value.is_array())
                || value.dump().size() > 256)
                refuse(at, "must be a value as aelab-cli takes it (\"2\", 1e-3, \"64,32\", true)", what);
        }
        r.params = params;
    }
    if (has(j, "epochs"))
        r.epochs = int(integer(j.at("epochs"), path + ".epochs", what, 1, kMaxEpochs));
    if (has(j, "seed"))
        r.seed = std::uint64_t(integer(j.at("seed"), path + ".seed", what, 0, 1LL << 53));
    try {
        (void)r.settings();   // every value against its spec and the ranges the others set
    } catch (const Error& e) {
        refuse(path + ".params", e.what(), what);
    }
    return r;
}

} // namespace

LessonSetup setup(const nlohmann::json& j, const std::string& path, const std::string& what)
{
    LessonSetup s;
    if (has(j, "dataset")) {
        s.dataset = string(j.at("dataset"), path + ".dataset", what, 64);
        if (!builtinDataset(s.dataset)) {
            std::string known;
            for (const DatasetInfo& info : builtinDatasets())
                known += (known.empty() ? "" : ", ") + info.name;
            refuse(path + ".dataset", "'" + s.dataset + "' is not a built-in dataset (" + known + ")", what);
        }
    }
    if (has(j, "limit"))
        s.limit = int(integer(j.at("limit"), path + ".limit", what, 0, kMaxLimit));
    if (has(j, "runs")) {
        const nlohmann::json& runs = array(j.at("runs"), path + ".runs", what, kMaxRuns);
        for (std::size_t i = 0; i < runs.size(); ++i)
            s.runs.push_back(run(runs[i], path + ".runs[" + std::to_string(i) + "]", what));
        if (!s.runs.empty() && s.dataset.empty())
            refuse(path + ".dataset", "missing: a step that trains names its dataset", what);
    }
    if (has(j, "tab")) {
        s.tab = string(j.at("tab"), path + ".tab", what, 32);
        if (std::find(tabs().begin(), tabs().end(), s.tab) == tabs().end())
            refuse(path + ".tab", "'" + s.tab + "' is not a tab (training, explorer, features, diagnostics, runs)",
                   what);
    }
    return s;
}

} // namespace lessonjson

} // namespace aelab
