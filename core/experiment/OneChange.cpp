#include "experiment/OneChange.h"

#include "math/Error.h"
#include "models/Registry.h"

namespace aelab {

OneChange changeOneSetting(const RunRecord& run, const std::string& key, const std::string& text)
{
    OneChange change;
    change.key = key;
    change.settings = run.settings;
    // The run's values as it ended: a setting changed while training counts with its last value.
    for (const SettingChange& c : run.history.changes)
        change.settings.values[c.key] = c.to;

    if (key == "epochs") {
        int epochs = 0;
        try {
            std::size_t used = 0;
            epochs = std::stoi(text, &used);
            if (used != text.size())
                throw std::invalid_argument(text);
        } catch (const std::exception&) {
            fail(ErrorKind::InvalidArgument, "epochs must be a whole number, not '" + text + "'");
        }
        if (epochs < 1 || epochs > 100000)
            fail(ErrorKind::InvalidArgument, "epochs must be in [1, 100000]");
        change.from = change.settings.epochs;
        change.to = epochs;
        change.settings.epochs = epochs;
    } else {
        const VariantInfo& info = variantInfo(run.settings.variant);
        const ParamSpec* spec = findSpec(info.specs, key);
        if (!spec)
            fail(ErrorKind::InvalidArgument, "'" + key + "' is not a setting of " + info.key);
        change.from = change.settings.values.value(key, spec->defaultValue);
        change.to = parseValue(*spec, text);
        change.settings.values[key] = change.to;
        // The whole set again: a range that depends on another value holds too.
        change.settings.values = HyperParams::fromJson(change.settings.values, info.specs).json();
    }
    if (change.from == change.to)
        fail(ErrorKind::InvalidArgument, key + " is " + text + " already: change it to another value");

    const VariantInfo& info = variantInfo(change.settings.variant);
    auto probe = createModel(info.key, HyperParams::fromJson(change.settings.values, info.specs), run.context);
    change.sameInitialWeights = fitsModel(run.initialWeights, *probe);
    return change;
}

} // namespace aelab
