#include "worker/TrainingController.h"

#include "worker/TrainingWorker.h"

namespace aelab::ui {

TrainingController::TrainingController(QObject* parent)
    : QObject(parent), m_requests(std::make_shared<WorkerRequests>())
{
    registerMetaTypes();
    m_worker = new TrainingWorker(m_requests);
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);

    connect(m_worker, &TrainingWorker::datasetReady, this, [this](DatasetPtr data, const QString& spec) {
        if (m_state == State::Loading)
            setState(State::Idle);
        emit datasetReady(data, spec);
    });
    connect(m_worker, &TrainingWorker::datasetFailed, this, [this](const QString& spec, const QString& why) {
        if (m_state == State::Loading)
            setState(State::Idle);
        emit datasetFailed(spec, why);
    });
    connect(m_worker, &TrainingWorker::runStarted, this, [this](const ModelInfo& info) {
        if (!current(info.runId))
            return;
        m_hasModel = true;
        setState(m_requests->control.paused() ? State::Paused : State::Running);
        emit runStarted(info);
    });
    connect(m_worker, &TrainingWorker::snapshotReady, this, [this](const Snapshot& s) {
        if (current(s.runId))
            emit snapshotReady(s);
    });
    connect(m_worker, &TrainingWorker::runEnded, this, [this](quint64 runId, int status, const QString& message) {
        // A reset run's end still frees the controls, but says nothing.
        if (m_state != State::Loading)
            setState(State::Idle);
        if (current(runId))
            emit runEnded(status, message);
    });
    connect(m_worker, &TrainingWorker::modelOpened, this, [this](const ModelInfo& info) {
        if (!current(info.runId))
            return;
        m_hasModel = true;
        if (m_state == State::Loading)
            setState(State::Idle);
        emit modelOpened(info);
    });
    connect(m_worker, &TrainingWorker::modelSaved, this, &TrainingController::modelSaved);
    connect(m_worker, &TrainingWorker::exploreReady, this, [this](const ExploreReply& reply) {
        if (current(reply.runId) || reply.runId == 0)   // 0: asked when there was no model (its error)
            emit exploreReady(reply);
    });
    connect(m_worker, &TrainingWorker::codesKept, this, [this](quint64 runId, long long step, const Matrix& codes) {
        if (current(runId))
            emit codesKept(step, codes);
    });
    // Kept whatever run the window shows now: a run reset mid-way is still one the user trained.
    connect(m_worker, &TrainingWorker::runKept, this, &TrainingController::runKept);
    connect(m_worker, &TrainingWorker::failed, this, [this](const QString& title, const QString& why) {
        if (m_state == State::Loading)
            setState(State::Idle);
        emit failed(title, why);
    });
    m_thread.setObjectName("aelab-training");
    m_thread.start();
}

TrainingController::~TrainingController()
{
    // Abort, wake, wait: the loop sees the stop flag within a batch.
    m_requests->control.requestStop();
    m_thread.quit();
    m_thread.wait();
}

void TrainingController::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

void TrainingController::poke()
{
    QMetaObject::invokeMethod(m_worker, [w = m_worker] { w->serviceRequests(); }, Qt::QueuedConnection);
}

void TrainingController::loadDataset(const QString& spec, int limit, quint64 seed)
{
    if (isRunning())
        stop();
    setState(State::Loading);
    QMetaObject::invokeMethod(m_worker, [w = m_worker, spec, limit, seed] { w->loadDataset(spec, limit, seed); },
                              Qt::QueuedConnection);
}

void TrainingController::start(const RunRequest& request)
{
    if (isRunning())
        return;
    m_pending = request;
    m_requests->clear();
    RunRequest tagged = request;
    tagged.runId = m_runId = ++m_lastRunId;
    setState(request.startPaused ? State::Paused : State::Running);
    QMetaObject::invokeMethod(m_worker, [w = m_worker, tagged] { w->startRun(tagged); }, Qt::QueuedConnection);
}

void TrainingController::pause()
{
    if (m_state != State::Running)
        return;
    m_requests->control.setPaused(true);
    setState(State::Paused);
}

void TrainingController::resume()
{
    if (m_state != State::Paused)
        return;
    m_requests->control.setPaused(false);
    setState(State::Running);
}

void TrainingController::step()
{
    if (m_state == State::Idle) {
        RunRequest request = m_pending;
        request.startPaused = true;
        start(request);
        m_requests->control.setPaused(true);
    } else if (m_state == State::Running) {
        pause();
    }
    if (m_state == State::Paused)
        m_requests->control.requestStep();
}

void TrainingController::stop()
{
    if (!isRunning())
        return;
    m_requests->control.requestStop();
    setState(State::Stopping);
}

void TrainingController::reset()
{
    stop();
    m_runId = 0;   // whatever the stopped run still sends is dropped
    m_hasModel = false;
    QMetaObject::invokeMethod(m_worker, [w = m_worker] { w->reset(); }, Qt::QueuedConnection);
}

void TrainingController::setLiveParam(const QString& key, const nlohmann::json& value)
{
    m_requests->setLive(key.toStdString(), value);
    if (!isRunning())
        poke();
}

void TrainingController::setCorruption(const CorruptionSpec& spec)
{
    m_corruption = spec;
    m_requests->setCorruption(spec);
    if (!isRunning())
        poke();
}

void TrainingController::saveModel(const QString& path)
{
    m_requests->requestSave(path.toStdString());
    if (!isRunning())
        poke();
}

std::uint64_t TrainingController::submit(const std::string& key, ExploreJob job)
{
    const std::uint64_t id = m_nextJob++;
    m_requests->submitJob({id, key, std::move(job)});
    // A running loop serves it between batches; a poke queued meanwhile runs
    // after the loop ends and finds nothing, or whatever came in since.
    poke();
    return id;
}

std::uint64_t TrainingController::submitDataJob(const std::string& key, DataJob job)
{
    const std::uint64_t id = m_nextJob++;
    WorkerRequests::PendingJob pending{id, key, {}, std::move(job)};
    m_requests->submitJob(std::move(pending));
    poke();
    return id;
}

void TrainingController::openModel(const QString& path, int limit)
{
    if (isRunning())
        stop();
    setState(State::Loading);
    const std::uint64_t runId = m_runId = ++m_lastRunId;
    QMetaObject::invokeMethod(m_worker, [w = m_worker, path, limit, runId] { w->openModel(path, limit, runId); },
                              Qt::QueuedConnection);
}

} // namespace aelab::ui
