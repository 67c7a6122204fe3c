#pragma once
// A kept run as JSON, all of it but its matrices (weights, probe codes,
// images), which a session file holds beside it as safetensors and .npy.
// Every double is written so it reads back to the same bits (NaN, where a
// curve lacks a term at a point, as null).
//   {"id", "name", "note", "settings": {"variant", "values", "epochs", "val",
//    "seed"}, "dataset_spec", "dataset_fingerprint", "context": {"dim",
//    "shape", "unit_interval", "value_range", "seed", "dataset"},
//    "parameters", "history", "curves": {"terms", "train", "val"}, "seconds",
//    "steps", "samples_seen", "map_labels", "probe_fingerprint"}
// with each curve columnwise: {"step": [..], "epoch": [..], "samples": [..],
// "seconds": [..], "values": [[.. per point] per term]}.
#include "experiment/RunRecord.h"

#include <nlohmann/json.hpp>

namespace aelab {

nlohmann::json recordJson(const RunRecord& record);

// The fields recordJson wrote, into `record` (its matrices untouched).
// Throws Error(Format) naming the field that is missing or malformed.
void readRecordJson(const nlohmann::json& j, RunRecord& record);

} // namespace aelab
