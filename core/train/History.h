#pragma once
// What a run did: each epoch's mean loss terms (training and validation), its
// time and phase, and every setting changed while it ran, with the step at
// which it changed. One type for the model file's "history", aelab-cli's
// --metrics and the window, so the three cannot drift apart.
//
// JSON (model files from format 1 on):
//   {"epochs": [{"epoch": 1, "train": {"loss": .., ..}, "val": {..},
//                "seconds": .., "samples_per_s": .., "phase": ".."}, ..],
//    "changes": [{"step": 120, "epoch": 2, "key": "lr", "from": 0.001, "to": 0.0003}, ..],
//    "end": {"status": "diverged", "step": 812, "reason": "..", "weights_from_step": 800}}
// Files written before settings were recorded hold the bare "epochs" array;
// fromJson() reads both.
#include "models/LossTerms.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace aelab {

struct EpochInfo {
    int epoch = 0;
    LossTerms train;             // mean over the epoch's batches
    LossTerms val;               // on the validation set (empty if none)
    double seconds = 0;          // training time of this epoch (validation excluded)
    double samplesPerSecond = 0;
    std::string phase;           // what a phased variant trained ("" if plain)
};

// A live-tunable setting changed while the run trained: it took effect from
// step `step + 1` on.
struct SettingChange {
    long long step = 0;
    int epoch = 0;
    std::string key;
    nlohmann::json from;
    nlohmann::json to;
};

// How a run ended: "finished", "stopped" or "diverged" at `step`; for a
// divergence, what went wrong and the step the kept weights are from.
struct RunEnd {
    std::string status;
    long long step = 0;
    std::string reason;
    long long weightsFromStep = -1;
};

struct History {
    std::vector<EpochInfo> epochs;
    std::vector<SettingChange> changes;
    std::optional<RunEnd> end;          // none while the run goes on

    bool empty() const { return epochs.empty() && changes.empty(); }

    nlohmann::json toJson() const;
    // Tolerant of what older files hold (the bare epochs array, entries
    // without a phase); throws Error(Format) for anything else.
    static History fromJson(const nlohmann::json& j);
};

nlohmann::json termsJson(const LossTerms& terms);
nlohmann::json epochJson(const EpochInfo& epoch);

} // namespace aelab
