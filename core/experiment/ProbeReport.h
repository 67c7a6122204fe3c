#pragma once
// A probe table as files: CSV (one row per cell) and JSON.
//   CSV columns: dataset, variant, features, classifier, labels_per_class
//   ("all" or a number), train_samples, test_samples, dimensions,
//   test_accuracy (a share in [0, 1]), seconds
#include "experiment/Probe.h"

#include <nlohmann/json.hpp>

#include <string>

namespace aelab {

std::string probeCsv(const ProbeTable& table);
nlohmann::json probeJson(const ProbeTable& table);

// By the extension: .csv or .json (anything else: Error(InvalidArgument)),
// written atomically.
void writeProbeTable(const std::string& path, const ProbeTable& table);

} // namespace aelab
