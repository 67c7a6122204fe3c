#pragma once
// Commands from the window to the training thread, read by the worker
// between batches (and while paused): stop, pause and single steps through
// TrainControl's atomics, and live settings,
// the denoising corruption, save requests and exploration jobs through a
// mutex-guarded queue.
// Never shared widgets.
#include "worker/ExploreJob.h"
#include "data/Corruption.h"
#include "train/Control.h"

#include <nlohmann/json.hpp>

#include <atomic>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace aelab::ui {

class WorkerRequests {
public:
    TrainControl control;
    // Keep the probe set's codes every this many steps for the timeline (0: off).
    std::atomic<long long> timelineInterval{20};

    // A setting to change while training (Run::changeSetting checks it).
    void setLive(const std::string& key, const nlohmann::json& value);
    std::map<std::string, nlohmann::json> takeLive();

    void setCorruption(const CorruptionSpec& spec);
    std::optional<CorruptionSpec> takeCorruption();

    void requestSave(const std::string& path);
    std::optional<std::string> takeSave();

    // Exploration: a job replaces any pending job with the same key.
    struct PendingJob {
        std::uint64_t id = 0;
        std::string key;
        ExploreJob job;
        DataJob dataJob;   // set instead of `job` for a job on the dataset alone
    };
    void submitJob(PendingJob job);
    std::vector<PendingJob> takeJobs();

    bool anyPending();
    void clear();   // a new run starts from a clean slate

private:
    std::mutex m_mutex;
    std::map<std::string, nlohmann::json> m_live;
    std::optional<CorruptionSpec> m_corruption;
    std::vector<std::string> m_saves;
    std::vector<PendingJob> m_jobs;
};

} // namespace aelab::ui
