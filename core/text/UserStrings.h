#pragma once
// Every string the core hands a front end to show, gathered from where it is
// defined: the variants' names, summaries and specs (labels, help, sections)
// in the registry, the dataset catalogue's descriptions and class names, the
// corruption kinds, the priors, why a run diverged, and the probe's feature
// sets and classifiers (experiment/Probe.h). The window
// translates exactly these (ui/i18n/CoreText): the build writes them out for
// lupdate (app/core_strings.cpp), and test_language checks each has a
// translation. Adding a variant adds its strings here by itself.
#include <string>
#include <vector>

namespace aelab {

// In a stable order, without duplicates.
std::vector<std::string> userVisibleStrings();

} // namespace aelab
