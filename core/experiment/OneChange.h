#pragma once
// "Run again with one change": a kept run's settings with one value
// changed, and whether the new run can start from the kept run's initial
// weights. It can when the change leaves the networks' shapes alone (a
// learning rate, a noise level, a penalty's weight): then the two runs share
// their seed, initial weights and batch order, and differ by the change only.
// A change of shape (latent size, widths) draws new weights from the same seed.
#include "experiment/RunRecord.h"

#include <string>

namespace aelab {

struct OneChange {
    RunSettings settings;
    bool sameInitialWeights = false;
    std::string key;
    nlohmann::json from, to;
};

// `key` is a hyperparameter of the run's variant or "epochs"; `text` the
// new value as a user types it. Throws Error (with the allowed range) for an
// unknown key or a value out of range, or when nothing would change.
OneChange changeOneSetting(const RunRecord& run, const std::string& key, const std::string& text);

} // namespace aelab
