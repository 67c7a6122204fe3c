#include "worker/TrainingWorker.h"

#include "worker/DatasetSource.h"
#include "worker/RunEndText.h"

#include "io/ModelFile.h"
#include "math/Error.h"
#include "math/Parallel.h"
#include "train/Evaluate.h"
#include "train/Resume.h"

#include <QFileInfo>

#include <algorithm>

namespace aelab::ui {

namespace {

double secondsSince(std::chrono::steady_clock::time_point t)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

QString text(const std::exception& e) { return QString::fromStdString(e.what()); }

} // namespace

TrainingWorker::TrainingWorker(std::shared_ptr<WorkerRequests> requests)
    : m_requests(std::move(requests))
{
}

TrainingWorker::~TrainingWorker() = default;

void TrainingWorker::useDataset(DatasetPtr data, const QString& spec)
{
    m_data = std::move(data);
    m_dataSpec = spec;
    emit datasetReady(m_data, spec);
}

void TrainingWorker::loadDataset(const QString& spec, int limit, quint64 seed)
{
    try {
        useDataset(std::make_shared<Dataset>(loadDatasetSpec(spec, limit, seed)), spec);
    } catch (const std::exception& e) {
        emit datasetFailed(spec, text(e));
    }
}

void TrainingWorker::prepareProbe(std::uint64_t seed)
{
    m_builder.emplace(heldOutProbe(*m_data, m_run->split(), kProbePoints, kProbeImages, seed), m_data->shape,
                      m_corruption, seed);
}

void TrainingWorker::startRun(const RunRequest& request)
{
    reset();
    m_runId = request.runId;
    try {
        if (!m_data)
            fail(ErrorKind::InvalidArgument, "no dataset is loaded yet");
        if (!request.resumeFrom.empty())
            m_run = resumeRun(loadModel(request.resumeFrom), m_data, m_dataSpec.toStdString());
        else
            m_run = std::make_unique<Run>(request.settings, m_data, m_dataSpec.toStdString());
        if (request.initialWeights)
            loadWeights(m_run->model(), *request.initialWeights);
        if (request.threads > 0)
            setThreadCount(request.threads);
        prepareProbe(m_run->settings().seed);
        beginRecord(request);
    } catch (const std::exception& e) {
        m_run.reset();
        emit failed(tr("Cannot start training"), text(e));
        emit runEnded(m_runId, int(RunStatus::Ready), {});
        return;
    }
    followTrainer();
    m_status = RunStatus::Running;
    emit runStarted(modelInfo({}));
    if (request.startPaused)
        m_requests->control.setPaused(true);

    m_status = m_run->train(&m_requests->control, loopHooks());
    m_message = m_run->trainer().message();
    m_requests->control.setPaused(false);
    // The run has ended: say so at once, then send the final views.
    emit runEnded(m_runId, int(m_status), RunEndText::of(m_status, *m_run));
    emitSnapshot(true);
    keepRecord();
}

void TrainingWorker::beginRecord(const RunRequest& request)
{
    Autoencoder& model = m_run->model();
    m_record = std::make_shared<RunRecord>();
    m_record->name = request.name;
    m_record->settings = m_run->settings();
    m_record->datasetSpec = m_run->datasetSpec();
    m_record->datasetFingerprint = m_data->fingerprint;
    m_record->context = model.context();
    m_record->parameters = (long long)model.parameterCount();
    m_record->initialWeights = request.initialWeights ? *request.initialWeights : weightsOf(model);
    m_record->probeFingerprint = probeFingerprintOf(m_builder->probe().points);
}

void TrainingWorker::keepRecord()
{
    if (!m_record || !m_run)
        return;
    try {
        Autoencoder& model = m_run->model();
        RunRecord& r = *m_record;
        r.history = m_run->history();
        r.seconds = m_run->trainer().runningSeconds();
        r.steps = m_run->step();
        r.samplesSeen = m_run->trainer().samplesSeen();
        r.finalWeights = weightsOf(model);
        LatentMap map = m_builder->latentMap(model);
        r.probeCodes = std::move(map.codes);
        r.probeMap = std::move(map.points);
        r.probeLabels = std::move(map.labels);
        r.mapXLabel = map.xLabel;
        r.mapYLabel = map.yLabel;
        ReconstructionRow row = m_builder->reconstruction(model);
        if (row.images) {
            r.originals = std::move(row.originals);
            r.reconstructions = std::move(row.reconstructions);
        }
        emit runKept(std::move(m_record));
    } catch (const std::exception& e) {
        emit failed(tr("Cannot keep the run in the run list"), text(e));
    }
    m_record.reset();
}

void TrainingWorker::followTrainer()
{
    Trainer& trainer = m_run->trainer();
    trainer.onStep = [this](const StepInfo& s) {
        m_builder->recordStep(s);
        const double epoch = s.epoch - 1 + double(s.batch) / std::max(1, s.batchesPerEpoch);
        m_record->curves.addTrain({s.step, epoch, s.samplesSeen, m_run->trainer().runningSeconds(), {}}, s.terms);
        m_builder->recordPhase(s.step, s.epoch - 1 + double(s.batch - 1) / std::max(1, s.batchesPerEpoch),
                               m_run->model().phase());
    };
    trainer.onEpoch = [this](const EpochInfo& e) {
        m_builder->recordEpoch(e, m_run->step());
        if (!e.val.terms.empty())
            m_record->curves.addVal({m_run->step(), double(e.epoch), m_run->trainer().samplesSeen(),
                                     m_run->trainer().runningSeconds(), {}}, e.val);
    };
    // The phase at the start (before the first batch) is the first mark.
    m_run->model().beginEpoch(1, trainer.options().epochs);
    m_builder->recordPhase(0, 0, m_run->model().phase());
    m_snapshots.ran(0);
    m_views.reset();
    m_frames.reset();
    m_lastFrameStep = 0;
}

TrainHooks TrainingWorker::loopHooks()
{
    TrainHooks hooks;
    hooks.betweenBatches = [this] {
        if (applyRequests())
            emitSnapshot(false, true);
    };
    hooks.pauseBegan = [this] { emitSnapshot(true); };
    hooks.stepped = [this](bool single) {
        if (single || m_snapshots.due()) {
            emitSnapshot(single || m_views.due());
            m_snapshots.ran(0);
        }
        keepTimelineCodes();   // after the views: a frame they just made is not made twice
    };
    return hooks;
}

bool TrainingWorker::applyRequests()
{
    bool denoise = false;
    if (const auto spec = m_requests->takeCorruption()) {
        m_corruption = *spec;
        if (m_builder)
            m_builder->setCorruption(*spec);
        denoise = m_run && m_builder;
    }
    applyLiveSettings();
    serveSaves();
    runJobs();
    return denoise;
}

void TrainingWorker::applyLiveSettings()
{
    for (const auto& [key, value] : m_requests->takeLive()) {
        if (!m_run)
            continue;
        try {
            m_run->changeSetting(key, value);
        } catch (const std::exception& e) {
            emit failed(tr("Cannot change a setting while training"), text(e));
        }
    }
}

void TrainingWorker::serveSaves()
{
    while (const auto path = m_requests->takeSave()) {
        try {
            if (!m_run)
                fail(ErrorKind::InvalidArgument, "there is no model yet: train or open one first");
            saveRun(*path, *m_run);   // with its training state while it has one: File > Resume continues it
            emit modelSaved(QString::fromStdString(*path));
        } catch (const std::exception& e) {
            emit failed(tr("Cannot save the model"), text(e));
        }
    }
}

bool TrainingWorker::timelineFrameDue() const
{
    const long long k = m_requests->timelineInterval.load();
    return k > 0 && m_run->step() - m_lastFrameStep >= k && m_frames.due();
}

void TrainingWorker::keepTimelineFrame(const Matrix& codes, double cost)
{
    m_frames.ran(cost);
    m_lastFrameStep = m_run->step();
    emit codesKept(m_runId, m_lastFrameStep, codes);
}

void TrainingWorker::keepTimelineCodes()
{
    if (!timelineFrameDue())
        return;
    try {
        const auto t0 = Clock::now();
        Matrix codes = encodeSet(m_run->model(), m_builder->probe().points);
        keepTimelineFrame(codes, secondsSince(t0));
    } catch (const std::exception& e) {
        m_requests->timelineInterval.store(0);   // once is enough
        emit failed(tr("Cannot keep the timeline"), text(e));
    }
}

void TrainingWorker::runJobs()
{
    for (WorkerRequests::PendingJob& job : m_requests->takeJobs()) {
        ExploreReply reply;
        reply.id = job.id;
        reply.runId = m_runId;
        reply.key = job.key;
        try {
            if (job.dataJob) {
                if (!m_data)
                    fail(ErrorKind::InvalidArgument, "no dataset is loaded");
                reply.value = job.dataJob(*m_data);
                emit exploreReady(reply);
                continue;
            }
            if (!m_run || !m_builder)
                fail(ErrorKind::InvalidArgument, "there is no model yet: train one or open one first");
            ExploreContext context{m_run->model(), m_builder->probe(), m_data, m_run->split()};
            reply.value = job.job(context);
        } catch (const std::exception& e) {
            reply.error = e.what();
        }
        emit exploreReady(reply);
    }
}

void TrainingWorker::serviceRequests()
{
    if (applyRequests())
        emitSnapshot(false, true);
}

void TrainingWorker::fillProgress(Snapshot& s) const
{
    s.runId = m_runId;
    s.status = m_status;
    s.message = m_message;
    s.phase = m_run ? m_run->model().phase() : std::string();
    if (m_run && m_run->hasTrainer())
        recordProgress(s, m_run->trainer(), m_run->split().trainX.rows());
}

void TrainingWorker::emitSnapshot(bool withViews, bool denoiseOnly)
{
    if (!m_builder)
        return;
    Snapshot s = m_builder->takePoints();
    fillProgress(s);
    if (m_run) {
        try {
            const auto t0 = Clock::now();
            if (denoiseOnly) {
                s.denoising = m_builder->denoising(m_run->model());
            } else if (withViews) {
                m_builder->addViews(s, m_run->model());
                m_views.ran(secondsSince(t0));
                // The latent map's codes are the probe's codes at this step:
                // they serve as the timeline's frame when one is due (at no cost).
                if (s.latent && m_run->hasTrainer() && timelineFrameDue())
                    keepTimelineFrame(s.latent->codes, 0);
            }
        } catch (const std::exception& e) {
            emit failed(tr("Cannot draw the views"), text(e));
        }
    }
    emit snapshotReady(s);
}

ModelInfo TrainingWorker::modelInfo(const QString& path) const
{
    ModelInfo info;
    info.runId = m_runId;
    if (!m_run)
        return info;
    Autoencoder& model = m_run->model();
    info.variant = QString::fromStdString(model.variant());
    info.hyperParams = model.hyperParams().json();
    info.datasetSpec = m_dataSpec;
    info.path = path;
    info.latentSize = model.latentSize();
    info.parameters = (long long)model.parameterCount();
    return info;
}

void TrainingWorker::openModel(const QString& path, int limit, std::uint64_t runId)
{
    try {
        LoadedModel loaded = loadModel(path.toStdString());
        const ModelContext& c = loaded.model->context();
        useDatasetOf(loaded, limit);
        reset();
        m_runId = runId;
        m_run = std::make_unique<Run>(std::move(loaded.model), loaded.provenance.history, m_data,
                                      m_dataSpec.toStdString());
        prepareProbe(c.seed);
        m_message = "opened " + QFileInfo(path).fileName().toStdString();
        emit modelOpened(modelInfo(path));
        replayHistory(m_run->history());
        emitSnapshot(true);
    } catch (const std::exception& e) {
        emit failed(tr("Cannot open the model %1").arg(QFileInfo(path).fileName()), text(e));
    }
}

void TrainingWorker::useDatasetOf(const LoadedModel& loaded, int limit)
{
    // The one loaded if it is the model's, else the model's own, else the
    // one loaded if it fits the model at all.
    const ModelContext& c = loaded.model->context();
    if (m_data && m_data->fingerprint == loaded.provenance.datasetFingerprint && m_data->features() == c.inputDim)
        return;
    const QString spec = QString::fromStdString(loaded.provenance.dataset);
    try {
        useDataset(std::make_shared<Dataset>(loadDatasetSpec(spec, limit, c.seed)), spec);
    } catch (const std::exception& e) {
        if (!m_data || m_data->features() != c.inputDim)
            fail(ErrorKind::Unsupported, "its dataset '" + spec.toStdString() + "' cannot be loaded (" + e.what()
                 + "), and the current dataset does not fit the model (" + std::to_string(c.inputDim) + " features)");
    }
}

void TrainingWorker::replayHistory(const History& history)
{
    // A file keeps each epoch's mean, not each step: each is drawn where its
    // epoch ended, at the step it was trained to (the run's batches per
    // epoch), so the axis means what it means in a live run; phases too.
    const long long rows = m_run->split().trainX.rows();
    const long long batch = std::max<long long>(1, m_run->model().hyperParams().integer("batch"));
    const int perEpoch = int(std::max<long long>(1, (rows + batch - 1) / batch));
    for (const EpochInfo& e : history.epochs) {
        StepInfo s;
        s.epoch = e.epoch;
        s.batch = perEpoch;
        s.batchesPerEpoch = perEpoch;
        s.step = (long long)(e.epoch) * perEpoch;
        s.terms = e.train;
        m_builder->recordPhase((long long)(e.epoch - 1) * perEpoch, e.epoch - 1, e.phase);
        if (!e.train.terms.empty())
            m_builder->recordStep(s);
        m_builder->recordEpoch(e, s.step);
    }
}

void TrainingWorker::reset()
{
    m_run.reset();
    m_builder.reset();
    m_runId = 0;
    m_status = RunStatus::Ready;
    m_message.clear();
}

} // namespace aelab::ui
