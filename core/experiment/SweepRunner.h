#pragma once
// Trains a sweep's runs one after another (Run.h: each the same recipe as a
// single run) and keeps, per run, what a comparison needs: every
// hyperparameter and the seed, how it ended, the final training and
// validation loss terms, steps, samples seen, seconds, the history of every
// epoch, and optionally a linear probe's test accuracy on the codes.
#include "experiment/LabelBudget.h"
#include "experiment/SweepSpec.h"
#include "train/History.h"
#include "train/Run.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace aelab {

class TrainControl;

struct SweepOptions {
    bool probe = false;                  // score each run's codes with the linear probe
    int probeLabelsPerClass = 100;       // labels per class the probe is fitted on (or kAllLabels)
};

struct SweepRunResult {
    int index = 0;
    std::string key;                     // the swept key
    nlohmann::json value;                // its value in this run
    int seedIndex = 0;
    RunSettings settings;                // every hyperparameter (defaults filled), epochs, seed
    std::string status;                  // "finished", "stopped", "diverged"
    std::string message;                 // why it diverged ("" otherwise)
    LossTerms finalTrain;                // the last epoch's mean training terms
    LossTerms finalVal;                  // the last epoch's validation terms (empty with no validation part)
    long long steps = 0;
    long long samplesSeen = 0;           // training samples the steps went through
    int trainSamples = 0;                // size of the training part
    double seconds = 0;                  // training time (validation and probe excluded)
    std::optional<double> probeAccuracy; // logistic regression on the codes, test share in [0, 1]
    int probeLabelsPerClass = 0;
    History history;                     // every epoch's terms, times and phases
};

struct SweepResults {
    std::string dataset;
    std::string variant;
    SweepSpec sweep;
    int seeds = 1;
    std::vector<SweepRunResult> runs;    // in training order
    bool complete = true;                // false when stopped before every run finished
};

// Where a sweep is: run k of n, the step in it, and an ETA from the samples
// trained so far against the samples every run will train.
struct SweepProgress {
    int run = 0;                         // 1-based
    int runs = 0;
    long long step = 0;                  // in this run
    long long stepsInRun = 0;
    double loss = 0;                     // the last batch's total
    long long samplesDone = 0;           // over the sweep
    long long samplesTotal = 0;
    double elapsedSeconds = 0;
    double etaSeconds = 0;               // NaN before the first step
};

struct SweepCallbacks {
    std::function<void(const SweepProgress&)> progress;               // after every batch (throttle in the caller)
    std::function<void(const SweepRunResult&, Run&)> runFinished;     // each run, with its model, before the next starts
};

// A finished (or stopped, or diverged) run as a sweep's row. The probe runs
// when options ask for it, the dataset has labels and a test set, and the
// run did not diverge.
SweepRunResult summarizeRun(Run& run, const SweepRunPlan& plan, const std::string& key, double seconds,
                            long long samplesSeen, const SweepOptions& options = {});

// The runs of `plan` in order on the calling thread. A stop requested
// through `control` ends the current run (kept, status "stopped") and skips
// the rest (complete = false). Errors building a run are thrown (expandSweep
// has checked them all before).
SweepResults runSweep(const SweepSpec& sweep, const std::vector<SweepRunPlan>& plan,
                      std::shared_ptr<const Dataset> data, const std::string& datasetSpec,
                      const SweepOptions& options = {}, TrainControl* control = nullptr,
                      const SweepCallbacks& callbacks = {});

} // namespace aelab
