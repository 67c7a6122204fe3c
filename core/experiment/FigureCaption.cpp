#include "experiment/FigureCaption.h"

#include "models/Registry.h"

namespace aelab {

namespace {

// A value as the CLI takes it: lists comma-separated, strings bare.
std::string flagValue(const nlohmann::json& v)
{
    if (v.is_string())
        return v.get<std::string>();
    if (v.is_array()) {
        std::string s;
        for (const auto& item : v)
            s += (s.empty() ? "" : ",") + flagValue(item);
        return s;
    }
    return v.dump();
}

} // namespace

std::string figureCaption(const RunSettings& settings, const std::string& dataset)
{
    std::string caption = settings.variant + " on " + dataset + ", " + std::to_string(settings.epochs)
        + (settings.epochs == 1 ? " epoch" : " epochs") + ", seed " + std::to_string(settings.seed);
    const VariantInfo* info = nullptr;
    for (const VariantInfo& v : variants())
        if (v.key == settings.variant)
            info = &v;
    if (!info)
        return caption;
    const nlohmann::json defaults = HyperParams::defaults(info->specs).json();
    std::string differing;
    for (const ParamSpec& spec : info->specs) {   // in the form's order
        if (!settings.values.contains(spec.key))
            continue;
        const nlohmann::json& value = settings.values[spec.key];
        if (defaults.contains(spec.key) && defaults[spec.key] == value)
            continue;
        differing += " --" + spec.key + " " + flagValue(value);
    }
    return differing.empty() ? caption + " (defaults otherwise)" : caption + ":" + differing;
}

} // namespace aelab
