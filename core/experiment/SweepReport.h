#pragma once
// A sweep's results as files.
// CSV, one row per run: run, KEY (the swept key, again as "swept_key" and
// "swept_value"), seed, variant, dataset, epochs, every hyperparameter (a
// column each, named by its key), status, steps, samples_seen,
// train_samples, seconds, then final_train_<term> and final_val_<term> for
// every loss term any run reported (empty where a run had none), and
// probe_test_accuracy_<k>_per_class when the probe ran.
// JSON: the same per run, with each run's history (every epoch: terms,
// seconds, samples/s) for curves against epoch, samples seen or seconds.
#include "experiment/SweepRunner.h"

#include <nlohmann/json.hpp>

#include <string>

namespace aelab {

std::string sweepCsv(const SweepResults& results);
nlohmann::json sweepJson(const SweepResults& results);

// By the extension: .csv or .json (anything else: Error(InvalidArgument)),
// written atomically.
void writeSweepResults(const std::string& path, const SweepResults& results);

// Throws Error(InvalidArgument) unless `path` ends in .csv or .json; `what`
// names the flag ("--out").
void checkResultsExtension(const std::string& path, const std::string& what);

} // namespace aelab
