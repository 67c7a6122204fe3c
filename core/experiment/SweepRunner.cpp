#include "experiment/SweepRunner.h"

#include "experiment/Probe.h"
#include "math/Error.h"
#include "train/Control.h"

#include <chrono>
#include <cmath>

namespace aelab {

namespace {

using Clock = std::chrono::steady_clock;

// The rows Split gives the training part (Split.h: round(fraction * n) go
// to validation, at least one stays).
long long trainingRows(const Dataset& data, double validationFraction)
{
    const long long n = data.trainX.rows();
    return std::max(1LL, n - std::llround(validationFraction * double(n)));
}

} // namespace

SweepRunResult summarizeRun(Run& run, const SweepRunPlan& plan, const std::string& key, double seconds,
                            long long samplesSeen, const SweepOptions& options)
{
    SweepRunResult r;
    r.index = plan.index;
    r.key = key;
    r.value = plan.value;
    r.seedIndex = plan.seedIndex;
    r.settings = run.settings();
    r.history = run.history();
    r.status = r.history.end ? r.history.end->status : "running";
    r.message = r.history.end ? r.history.end->reason : "";
    if (!r.history.epochs.empty()) {
        r.finalTrain = r.history.epochs.back().train;
        r.finalVal = r.history.epochs.back().val;
    }
    r.steps = run.step();
    r.samplesSeen = samplesSeen;
    r.trainSamples = int(run.split().trainX.rows());
    r.seconds = seconds;
    const Dataset& data = run.data();
    const bool labelled = data.hasLabels() && data.testX.rows() > 0 && data.testY.size() == std::size_t(data.testX.rows());
    if (options.probe && labelled && r.status != "diverged") {
        ProbeOptions probe;
        probe.labelsPerClass = {options.probeLabelsPerClass};
        probe.features = {ProbeFeatures::Codes};
        probe.classifiers = {ProbeClassifier::Logistic};
        probe.seed = r.settings.seed;
        try {
            const ProbeTable table = probeModel(run.model(), data, probe);
            if (!table.cells.empty()) {
                r.probeAccuracy = table.cells.front().accuracy;
                r.probeLabelsPerClass = options.probeLabelsPerClass;
            }
        } catch (const Error&) {
            // Codes that are not finite have no accuracy: the cell stays empty.
        }
    }
    return r;
}

SweepResults runSweep(const SweepSpec& sweep, const std::vector<SweepRunPlan>& plan,
                      std::shared_ptr<const Dataset> data, const std::string& datasetSpec,
                      const SweepOptions& options, TrainControl* control, const SweepCallbacks& callbacks)
{
    if (!data)
        fail(ErrorKind::InvalidArgument, "no dataset is loaded");
    SweepResults results;
    results.dataset = data->name;
    results.sweep = sweep;
    results.variant = plan.empty() ? std::string() : plan.front().settings.variant;
    for (const SweepRunPlan& p : plan)
        results.seeds = std::max(results.seeds, p.seedIndex + 1);

    long long samplesTotal = 0;
    for (const SweepRunPlan& p : plan)
        samplesTotal += (long long)p.settings.epochs * trainingRows(*data, p.settings.validationFraction);
    long long samplesBefore = 0;   // of the runs already done
    const auto start = Clock::now();
    for (const SweepRunPlan& p : plan) {
        if (control && control->stopRequested()) {
            results.complete = false;
            break;
        }
        Run run(p.settings, data, datasetSpec);
        Trainer& trainer = run.trainer();
        long long samplesSeen = 0;
        trainer.onStep = [&](const StepInfo& s) {
            samplesSeen = s.samplesSeen;
            if (!callbacks.progress)
                return;
            SweepProgress progress;
            progress.run = p.index + 1;
            progress.runs = int(plan.size());
            progress.step = s.step;
            progress.stepsInRun = trainer.totalSteps();
            progress.loss = s.terms.total();
            progress.samplesDone = samplesBefore + s.samplesSeen;
            progress.samplesTotal = samplesTotal;
            progress.elapsedSeconds = std::chrono::duration<double>(Clock::now() - start).count();
            progress.etaSeconds = progress.samplesDone > 0
                ? progress.elapsedSeconds * double(samplesTotal - progress.samplesDone) / double(progress.samplesDone)
                : NAN;
            callbacks.progress(progress);
        };
        const RunStatus status = run.train(control);
        SweepRunResult result = summarizeRun(run, p, sweep.key, trainer.runningSeconds(), samplesSeen, options);
        if (callbacks.runFinished)
            callbacks.runFinished(result, run);
        results.runs.push_back(std::move(result));
        samplesBefore += (long long)p.settings.epochs * trainingRows(*data, p.settings.validationFraction);
        if (status == RunStatus::Stopped) {
            results.complete = false;
            break;
        }
    }
    return results;
}

} // namespace aelab
