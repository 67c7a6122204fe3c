#pragma once
// Exploration requests to the training thread. A view that needs the model
// (decode a point, a manifold grid, a Jacobian, filters...) never touches it
// from the main thread: it submits a job, which the worker runs between two
// batches (or at once when idle), and the result comes back by value in an
// ExploreReply through a queued signal. A job is a function of the worker's
// state that calls core/ code and returns any copyable value; the view that
// asked knows its type. Jobs under the same key replace each other while
// pending, so a stream of hover or drag requests costs one job.
#include "data/Dataset.h"
#include "models/Autoencoder.h"
#include "train/Snapshot.h"
#include "train/Split.h"

#include <any>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace aelab::ui {

// What a job may read, on the worker's thread only.
struct ExploreContext {
    Autoencoder& model;
    const ProbeSet& probe;                 // the run's fixed held-out sample
    std::shared_ptr<const Dataset> data;
    const Split& split;                    // the run's training/validation split
};

using ExploreJob = std::function<std::any(ExploreContext&)>;
// A job that needs only the loaded dataset, not the current model (a kept
// run's probe rebuilds that run's model itself): served with or without one.
using DataJob = std::function<std::any(const Dataset&)>;

struct ExploreReply {
    std::uint64_t id = 0;
    std::uint64_t runId = 0;               // the model that answered
    std::string key;
    std::any value;                        // empty when error is set
    std::string error;
};

} // namespace aelab::ui
