#include "worker/TrainingWorker.h"

#include "i18n/CoreText.h"
#include "worker/ImageFolder.h"

#include "data/Catalog.h"
#include "io/ModelFile.h"
#include "math/Error.h"
#include "math/Parallel.h"
#include "models/Registry.h"
#include "train/Evaluate.h"

#include <QFileInfo>

#include <Eigen/Core>

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

void TrainingWorker::loadDataset(const QString& spec, int limit, quint64 seed)
{
    try {
        LoadOptions options;
        options.limit = limit > 0 ? limit : -1;
        options.seed = seed;
        const QFileInfo info(spec);
        auto data = std::make_shared<Dataset>(
            info.isDir() && looksLikeImageFolder(spec) ? loadImageFolder(spec, options.limit, seed)
                                                       : aelab::loadDataset(spec.toStdString(), options));
        m_data = data;
        m_dataSpec = spec;
        emit datasetReady(m_data, spec);
    } catch (const std::exception& e) {
        emit datasetFailed(spec, text(e));
    }
}

void TrainingWorker::prepareProbe(std::uint64_t seed)
{
    // The probe comes from held-out data: the test set, else validation.
    const Matrix* x = &m_data->testX;
    const std::vector<int>* y = &m_data->testY;
    if (x->rows() == 0) {
        x = m_split.valX.rows() > 0 ? &m_split.valX : &m_split.trainX;
        y = m_split.valX.rows() > 0 ? &m_split.valY : &m_split.trainY;
    }
    m_builder.emplace(chooseProbeSet(*x, *y, kProbePoints, kProbeImages, seed ^ 0x9e0beull), m_data->shape,
                      m_corruption, seed);
}

void TrainingWorker::startRun(const RunRequest& request)
{
    m_trainer.reset();
    m_model.reset();
    m_builder.reset();
    m_status = RunStatus::Ready;
    m_message.clear();
    if (!m_data) {
        emit failed(tr("Cannot start training"), tr("No dataset is loaded yet."));
        emit runEnded(int(RunStatus::Ready), {});
        return;
    }
    try {
        const VariantInfo& info = variantInfo(request.variant);
        const HyperParams hp = HyperParams::fromJson(request.hyperParams, info.specs);
        m_split = splitTrainValidation(m_data->trainX, m_data->trainY, request.validationFraction, request.seed);
        m_model = createModel(info.key, hp, contextFor(*m_data, request.seed));
        TrainOptions options;
        options.epochs = request.epochs;
        options.batchSize = hp.integer("batch");
        options.seed = request.seed;
        m_trainer = std::make_unique<Trainer>(*m_model, m_split.trainX, m_split.valX, options);
        m_epochs = request.epochs;
        if (request.threads > 0)
            setThreadCount(request.threads);
        prepareProbe(request.seed);
    } catch (const std::exception& e) {
        m_trainer.reset();
        m_model.reset();
        emit failed(tr("Cannot start training"), text(e));
        emit runEnded(int(RunStatus::Ready), {});
        return;
    }

    m_trainer->onStep = [this](const StepInfo& s) {
        m_builder->recordStep(s);
        m_builder->recordPhase(s.step, s.epoch - 1 + double(s.batch - 1) / std::max(1, s.batchesPerEpoch),
                               m_model->phase());
    };
    m_trainer->onEpoch = [this](const EpochInfo& e) { m_builder->recordEpoch(e, m_trainer->globalStep()); };
    m_runningSeconds = 0;
    m_viewsCost = 0;
    m_status = RunStatus::Running;
    // The phase at the start (before the first batch) is the first mark.
    m_model->beginEpoch(1, m_epochs);
    m_builder->recordPhase(0, 0, m_model->phase());
    emit runStarted(modelInfo({}));
    if (request.startPaused)
        m_requests->control.setPaused(true);

    auto lastEmit = Clock::now();
    m_lastViews = Clock::now() - std::chrono::hours(1);
    m_lastFrame = m_lastViews;
    m_lastFrameStep = 0;
    m_frameCost = 0;
    bool pausedShown = false;
    TrainControl& control = m_requests->control;
    while (true) {
        if (applyRequests())
            emitSnapshot(false, true);
        if (control.stopRequested()) {
            m_status = RunStatus::Stopped;
            m_message = "stopped at step " + std::to_string(m_trainer->globalStep());
            break;
        }
        bool single = false;
        if (control.paused()) {
            if (m_requests->pendingSteps.load() > 0) {
                m_requests->pendingSteps.fetch_sub(1);
                single = true;
            } else {
                if (!pausedShown) {
                    emitSnapshot(true);
                    pausedShown = true;
                }
                control.waitWhilePaused(25);
                continue;
            }
        }
        pausedShown = false;
        const auto t0 = Clock::now();
        const bool more = m_trainer->step();
        if (!more)
            break;
        const bool viewsDue = secondsSince(m_lastViews)
            >= std::max(kMinViewsIntervalMs / 1000.0, kViewsBudget * m_viewsCost);
        if (single || secondsSince(lastEmit) * 1000 >= kSnapshotIntervalMs) {
            emitSnapshot(single || viewsDue);
            lastEmit = Clock::now();
        }
        keepTimelineCodes();   // after the views: a frame they just made is not made twice
        m_runningSeconds += secondsSince(t0);
    }
    if (m_status != RunStatus::Stopped) {
        m_status = m_trainer->status();
        m_message = m_trainer->message();
        if (m_status == RunStatus::Finished)
            m_message = "finished: " + std::to_string(m_epochs) + " epoch(s), "
                + std::to_string(m_trainer->globalStep()) + " steps";
    }
    control.setPaused(false);
    // The run has ended: say so at once, then send the final views.
    emit runEnded(int(m_status), endMessage());
    emitSnapshot(true);
}

bool TrainingWorker::applyRequests()
{
    bool denoise = false;
    if (const auto spec = m_requests->takeCorruption()) {
        m_corruption = *spec;
        if (m_builder)
            m_builder->setCorruption(*spec);
        denoise = m_model && m_builder;
    }
    for (const auto& [key, value] : m_requests->takeLive()) {
        if (!m_model)
            continue;
        try {
            if (key == "lr")
                m_model->setLearningRate(value);
            else
                m_model->setLiveParam(key, value);
        } catch (const std::exception& e) {
            emit failed(tr("Cannot change a setting while training"), text(e));
        }
    }
    while (const auto path = m_requests->takeSave()) {
        try {
            if (!m_model)
                fail(ErrorKind::InvalidArgument, "there is no model yet: train or open one first");
            nlohmann::json history = nlohmann::json::array();
            if (m_trainer)
                for (const EpochInfo& e : m_trainer->history()) {
                    nlohmann::json train = nlohmann::json::object(), val = nlohmann::json::object();
                    for (const auto& [k, v] : e.train.terms)
                        train[k] = v;
                    for (const auto& [k, v] : e.val.terms)
                        val[k] = v;
                    history.push_back({{"epoch", e.epoch}, {"train", train}, {"val", val},
                                       {"seconds", e.seconds}, {"samples_per_s", e.samplesPerSecond}});
                }
            saveModel(*path, *m_model, {m_dataSpec.toStdString(), m_data ? m_data->fingerprint : "", history});
            emit modelSaved(QString::fromStdString(*path));
        } catch (const std::exception& e) {
            emit failed(tr("Cannot save the model"), text(e));
        }
    }
    runJobs();
    return denoise;
}

bool TrainingWorker::timelineFrameDue() const
{
    const long long k = m_requests->timelineInterval.load();
    return k > 0 && m_trainer->globalStep() - m_lastFrameStep >= k
        && secondsSince(m_lastFrame) >= kTimelineBudget * m_frameCost;
}

void TrainingWorker::keepTimelineFrame(const Matrix& codes)
{
    m_lastFrame = Clock::now();
    m_lastFrameStep = m_trainer->globalStep();
    emit codesKept(m_lastFrameStep, codes);
}

void TrainingWorker::keepTimelineCodes()
{
    if (!timelineFrameDue())
        return;
    try {
        const auto t0 = Clock::now();
        Matrix codes = encodeSet(*m_model, m_builder->probe().points);
        m_frameCost = secondsSince(t0);
        keepTimelineFrame(codes);
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
        reply.key = job.key;
        try {
            if (!m_model || !m_builder || !m_data)
                fail(ErrorKind::InvalidArgument, "there is no model yet: train one or open one first");
            ExploreContext context{*m_model, m_builder->probe(), m_data, m_split};
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
    s.status = m_status;
    s.message = m_message;
    s.phase = m_model ? m_model->phase() : std::string();
    s.epochs = m_epochs;
    s.elapsedSeconds = m_runningSeconds;
    if (!m_trainer)
        return;
    s.step = m_trainer->globalStep();
    s.totalSteps = m_trainer->totalSteps();
    s.epoch = m_trainer->epoch();
    s.batch = m_trainer->batchInEpoch();
    s.batchesPerEpoch = m_trainer->batchesPerEpoch();
    const long long perEpoch = m_split.trainX.rows();
    s.samplesSeen = (long long)std::max(0, s.epoch - 1) * perEpoch
        + std::min<long long>(perEpoch, (long long)s.batch * m_trainer->options().batchSize);
    if (m_runningSeconds > 0.2) {
        s.samplesPerSecond = double(s.samplesSeen) / m_runningSeconds;
        const double remaining = double(perEpoch) * m_epochs - double(s.samplesSeen);
        s.etaSeconds = s.samplesPerSecond > 0 ? std::max(0.0, remaining) / s.samplesPerSecond : -1;
    }
}

void TrainingWorker::emitSnapshot(bool withViews, bool denoiseOnly)
{
    if (!m_builder)
        return;
    Snapshot s = m_builder->takePoints();
    fillProgress(s);
    if (m_model) {
        try {
            const auto t0 = Clock::now();
            if (denoiseOnly) {
                s.denoising = m_builder->denoising(*m_model);
            } else if (withViews) {
                m_builder->addViews(s, *m_model);
                m_viewsCost = secondsSince(t0);
                m_lastViews = Clock::now();
                // The latent map's codes are the probe's codes at this step:
                // they serve as the timeline's frame when one is due.
                if (s.latent && m_trainer && timelineFrameDue())
                    keepTimelineFrame(s.latent->codes);
            }
        } catch (const std::exception& e) {
            emit failed(tr("Cannot draw the views"), text(e));
        }
    }
    emit snapshotReady(s);
}

QString TrainingWorker::endMessage() const
{
    const long long step = m_trainer ? m_trainer->globalStep() : 0;
    switch (m_status) {
    case RunStatus::Finished:
        return tr("Finished: %1 epoch(s), %2 steps.").arg(m_epochs).arg(step);
    case RunStatus::Stopped:
        return tr("Stopped at step %1. The model is kept: save it, or try the denoising slider.").arg(step);
    case RunStatus::Diverged:
        if (const auto& d = m_trainer ? m_trainer->divergence() : std::nullopt) {
            const QString kept = d->restoredStep >= 0 ? tr("Weights restored to step %1.").arg(d->restoredStep)
                                                      : tr("The last finite weights are kept.");
            return tr("Diverged at step %1 (epoch %2): %3. Try a lower learning rate or gradient clipping. %4")
                .arg(d->step)
                .arg(d->epoch)
                .arg(coreText(d->what), kept);
        }
        break;
    default:
        break;
    }
    return QString::fromStdString(m_message);
}

ModelInfo TrainingWorker::modelInfo(const QString& path) const
{
    ModelInfo info;
    if (!m_model)
        return info;
    info.variant = QString::fromStdString(m_model->variant());
    info.hyperParams = m_model->hyperParams().json();
    info.datasetSpec = m_dataSpec;
    info.path = path;
    info.latentSize = m_model->latentSize();
    info.parameters = (long long)const_cast<Autoencoder&>(*m_model).parameterCount();
    return info;
}

void TrainingWorker::openModel(const QString& path, int limit)
{
    try {
        LoadedModel loaded = loadModel(path.toStdString());
        const ModelContext& c = loaded.model->context();
        // Use the model's dataset: the one loaded if it matches, else load it.
        if (!m_data || m_data->fingerprint != loaded.provenance.datasetFingerprint
            || m_data->features() != c.inputDim) {
            const QString spec = QString::fromStdString(loaded.provenance.dataset);
            try {
                LoadOptions options;
                options.limit = limit > 0 ? limit : -1;
                options.seed = c.seed;
                const QFileInfo info(spec);
                auto data = std::make_shared<Dataset>(
                    info.isDir() && looksLikeImageFolder(spec) ? loadImageFolder(spec, options.limit, c.seed)
                                                               : aelab::loadDataset(spec.toStdString(), options));
                m_data = data;
                m_dataSpec = spec;
                emit datasetReady(m_data, spec);
            } catch (const std::exception& e) {
                if (!m_data || m_data->features() != c.inputDim)
                    fail(ErrorKind::Unsupported, "its dataset '" + spec.toStdString() + "' cannot be loaded ("
                         + e.what() + "), and the current dataset does not fit the model ("
                         + std::to_string(c.inputDim) + " features)");
            }
        }
        m_trainer.reset();
        m_model = std::move(loaded.model);
        m_split = splitTrainValidation(m_data->trainX, m_data->trainY, 0.1, c.seed);
        prepareProbe(c.seed);
        m_status = RunStatus::Ready;
        m_message = "opened " + QFileInfo(path).fileName().toStdString();
        m_epochs = 0;
        m_runningSeconds = 0;
        emit modelOpened(modelInfo(path));
        // The saved history as loss points, one per epoch.
        const nlohmann::json& history = loaded.provenance.history;
        if (history.is_array())
            for (const auto& e : history) {
                if (!e.is_object() || !e.contains("epoch"))
                    continue;
                EpochInfo info;
                info.epoch = e.value("epoch", 0);
                for (const char* part : {"train", "val"})
                    if (e.contains(part) && e[part].is_object())
                        for (const auto& [k, v] : e[part].items())
                            if (v.is_number())
                                (std::string(part) == "train" ? info.train : info.val).add(k, v.get<double>());
                StepInfo s;
                s.epoch = info.epoch;
                s.batch = 1;
                s.batchesPerEpoch = 1;
                s.step = info.epoch;
                s.terms = info.train;
                if (!info.train.terms.empty())
                    m_builder->recordStep(s);
                m_builder->recordEpoch(info, info.epoch);
            }
        emitSnapshot(true);
    } catch (const std::exception& e) {
        emit failed(tr("Cannot open the model %1").arg(QFileInfo(path).fileName()), text(e));
    }
}

void TrainingWorker::reset()
{
    m_trainer.reset();
    m_model.reset();
    m_builder.reset();
    m_status = RunStatus::Ready;
    m_message.clear();
    m_runningSeconds = 0;
}

} // namespace aelab::ui
