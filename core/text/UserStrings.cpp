#include "text/UserStrings.h"

#include "data/Catalog.h"
#include "data/Corruption.h"
#include "experiment/Probe.h"
#include "models/Priors.h"
#include "models/Registry.h"
#include "train/Trainer.h"

#include <algorithm>

namespace aelab {

std::vector<std::string> userVisibleStrings()
{
    std::vector<std::string> all;
    auto add = [&](const std::string& s) {
        if (!s.empty() && std::find(all.begin(), all.end(), s) == all.end())
            all.push_back(s);
    };
    for (const VariantInfo& v : variants()) {
        add(v.name);
        add(v.summary);
        for (const ParamSpec& spec : v.specs) {
            add(spec.label);
            add(spec.help);
            add(spec.group);
            for (const RangeWhen& r : spec.rangesWhen)
                add(r.why);
            for (const RefusedChoice& r : spec.refused)
                add(r.why);
        }
    }
    for (const DatasetInfo& d : builtinDatasets()) {
        add(d.description);
        for (const std::string& name : d.classNames)
            add(name);
    }
    for (CorruptionKind kind : corruptionKinds())
        add(corruptionKindLabel(kind));
    for (const std::string& name : priorNames())
        add(name);
    add(kStandardNormalPriorName);
    for (const std::string& reason : divergenceReasons())
        add(reason);
    for (const std::string& label : probeStrings())
        add(label);
    return all;
}

} // namespace aelab
