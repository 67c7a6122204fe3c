#pragma once
// The training thread's object (Qt's worker-object pattern): it owns the
// dataset, the current Run (core/train/Run: model, split, trainer, history)
// and the snapshot builder, and is only ever called through queued
// invocations from TrainingController. What is left here is threading and
// snapshots: the loop itself is Trainer::run, whose hooks serve the window's
// requests between batches (WorkerRequests) and send snapshots by value, at
// most every ~50 ms, the heavy views (probe codes, reconstructions,
// denoising) on a slower schedule that keeps their cost a small fraction of
// training.
#include "worker/CostBudget.h"
#include "worker/UiTypes.h"
#include "worker/WorkerRequests.h"

#include "io/ModelFile.h"
#include "train/Run.h"

#include <QObject>

#include <chrono>
#include <memory>
#include <optional>

namespace aelab::ui {

class TrainingWorker : public QObject {
    Q_OBJECT
public:
    explicit TrainingWorker(std::shared_ptr<WorkerRequests> requests);
    ~TrainingWorker() override;

    // All run on the worker's thread.
    void loadDataset(const QString& spec, int limit, quint64 seed);
    void startRun(const RunRequest& request);
    void openModel(const QString& path, int limit, std::uint64_t runId);
    void serviceRequests();    // live settings, corruption, saves, exploration jobs while idle
    void reset();

    // Snapshot throttling: at most one every this often (ms).
    static constexpr int kSnapshotIntervalMs = 50;
    // Views cost at most 1/kViewsBudget of the training time, and come at
    // most every kMinViewsIntervalMs.
    static constexpr double kViewsBudget = 40.0;
    static constexpr int kMinViewsIntervalMs = 200;
    static constexpr int kProbePoints = 2000;
    // The timeline's probe codes, every WorkerRequests::timelineInterval
    // steps, cost at most 1/kTimelineBudget of the training time.
    static constexpr double kTimelineBudget = 40.0;
    static constexpr int kProbeImages = 10;

signals:
    void datasetReady(aelab::ui::DatasetPtr data, const QString& spec);
    void datasetFailed(const QString& spec, const QString& why);
    void runStarted(const aelab::ui::ModelInfo& info);
    void snapshotReady(const aelab::Snapshot& snapshot);
    void runEnded(quint64 runId, int status, const QString& message);
    void modelOpened(const aelab::ui::ModelInfo& info);
    void modelSaved(const QString& path);
    void failed(const QString& title, const QString& why);
    void exploreReady(const aelab::ui::ExploreReply& reply);
    // The probe set's codes, for the timeline.
    void codesKept(quint64 runId, long long step, const aelab::Matrix& codes);
    // Every run that trained, however it ended (a Reset run too): the run list keeps it.
    void runKept(const aelab::ui::RunRecordPtr& record);

private:
    using Clock = std::chrono::steady_clock;

    void useDataset(DatasetPtr data, const QString& spec);
    void useDatasetOf(const LoadedModel& loaded, int limit);
    void prepareProbe(std::uint64_t seed);
    void followTrainer();
    TrainHooks loopHooks();
    void replayHistory(const History& history);   // an opened model's epochs as loss points
    // Applies live settings and corruption, serves saves and exploration
    // jobs; true if the denoising row must be recomputed.
    bool applyRequests();
    void applyLiveSettings();
    void serveSaves();
    void runJobs();
    void keepTimelineCodes();                  // encodes the probe for the timeline when a frame is due
    bool timelineFrameDue() const;
    void keepTimelineFrame(const Matrix& codes, double cost);
    void emitSnapshot(bool withViews, bool denoiseOnly = false);
    void fillProgress(Snapshot& s) const;
    ModelInfo modelInfo(const QString& path) const;
    void beginRecord(const RunRequest& request);
    void keepRecord();

    std::shared_ptr<WorkerRequests> m_requests;
    DatasetPtr m_data;
    QString m_dataSpec;
    std::unique_ptr<Run> m_run;
    std::uint64_t m_runId = 0;
    std::optional<SnapshotBuilder> m_builder;
    CorruptionSpec m_corruption;
    RunStatus m_status = RunStatus::Ready;
    std::string m_message;
    CostBudget m_snapshots{0, kSnapshotIntervalMs / 1000.0};
    CostBudget m_views{kViewsBudget, kMinViewsIntervalMs / 1000.0};
    CostBudget m_frames{kTimelineBudget, 0};
    long long m_lastFrameStep = 0; // the step of the last timeline codes
    std::shared_ptr<RunRecord> m_record;   // what the run list will keep of the current run
};

} // namespace aelab::ui
