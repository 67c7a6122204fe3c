#pragma once
// The window's handle on training (main thread). It owns the worker thread
// and the worker object (Qt's worker-object pattern), forwards commands to
// the worker as queued calls or through WorkerRequests' atomics, and
// re-emits the worker's results on the main thread. Its destructor stops a
// running loop, quits the thread and waits for it (as in Qt's Mandelbrot
// example), so closing the window mid-run is clean.
#include "worker/UiTypes.h"
#include "worker/WorkerRequests.h"

#include <QObject>
#include <QThread>

#include <memory>

namespace aelab::ui {

class TrainingWorker;

class TrainingController : public QObject {
    Q_OBJECT
public:
    enum class State { Idle, Loading, Running, Paused, Stopping };
    Q_ENUM(State)

    explicit TrainingController(QObject* parent = nullptr);
    ~TrainingController() override;

    State state() const { return m_state; }
    bool isRunning() const { return m_state == State::Running || m_state == State::Paused || m_state == State::Stopping; }
    bool hasModel() const { return m_hasModel; }
    QThread* workerThread() { return &m_thread; }

    void loadDataset(const QString& spec, int limit, quint64 seed);
    void start(const RunRequest& request);
    void pause();
    void resume();
    void step();                  // one batch; starts a paused run if none runs
    void stop();
    void reset();                 // stops and forgets the model; what the old run still sends is dropped
    void setLiveParam(const QString& key, const nlohmann::json& value);
    void setCorruption(const CorruptionSpec& spec);
    CorruptionSpec corruption() const { return m_corruption; }   // the last one set (the denoising view's)
    void saveModel(const QString& path);
    void openModel(const QString& path, int limit);

    // Runs `job` on the training thread between batches (at once when idle);
    // the answer comes in exploreReady with the returned id. A pending job
    // with the same key is replaced.
    std::uint64_t submit(const std::string& key, ExploreJob job);
    // The same for a job that needs only the loaded dataset (with or without a model).
    std::uint64_t submitDataJob(const std::string& key, DataJob job);
    // How often the worker keeps the probe codes for the timeline (codesKept).
    void setTimelineInterval(long long steps) { m_requests->timelineInterval.store(std::max(0LL, steps)); }

    // Last request to start, used by step() when no run exists.
    void setPendingRequest(const RunRequest& request) { m_pending = request; }

signals:
    void stateChanged(aelab::ui::TrainingController::State state);
    void datasetReady(aelab::ui::DatasetPtr data, const QString& spec);
    void datasetFailed(const QString& spec, const QString& why);
    void runStarted(const aelab::ui::ModelInfo& info);
    void snapshotReady(const aelab::Snapshot& snapshot);
    void runEnded(int status, const QString& message);
    void modelOpened(const aelab::ui::ModelInfo& info);
    void modelSaved(const QString& path);
    void failed(const QString& title, const QString& why);
    void exploreReady(const aelab::ui::ExploreReply& reply);
    void codesKept(long long step, const aelab::Matrix& codes);
    void runKept(const aelab::ui::RunRecordPtr& record);

private:
    void setState(State state);
    void poke();   // lets an idle worker serve pending requests
    bool current(std::uint64_t runId) const { return runId != 0 && runId == m_runId; }

    std::shared_ptr<WorkerRequests> m_requests;
    QThread m_thread;
    TrainingWorker* m_worker = nullptr;   // owned by m_thread's lifetime (deleteLater)
    State m_state = State::Idle;
    CorruptionSpec m_corruption;
    bool m_hasModel = false;
    RunRequest m_pending;
    std::uint64_t m_nextJob = 1;
    std::uint64_t m_lastRunId = 0;
    std::uint64_t m_runId = 0;   // the run (or opened model) the window shows; 0 after a Reset
};

} // namespace aelab::ui
