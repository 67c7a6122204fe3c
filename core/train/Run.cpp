#include "train/Run.h"

#include "io/ModelFile.h"
#include "math/Error.h"
#include "models/Stacked.h"

#include <algorithm>

namespace aelab {

namespace {

std::shared_ptr<const Dataset> required(std::shared_ptr<const Dataset> data)
{
    if (!data)
        fail(ErrorKind::InvalidArgument, "no dataset is loaded");
    return data;
}

} // namespace

Run::Run(const RunSettings& settings, std::shared_ptr<const Dataset> data, std::string datasetSpec)
    : m_settings(settings), m_variant(&variantInfo(settings.variant)), m_data(required(std::move(data))),
      m_datasetSpec(datasetSpec.empty() ? m_data->name : std::move(datasetSpec))
{
    if (settings.epochs < 1)
        fail(ErrorKind::InvalidArgument, "--epochs must be at least 1");
    if (!(settings.validationFraction >= 0 && settings.validationFraction <= 0.5))
        fail(ErrorKind::InvalidArgument, "--val must be in [0, 0.5]");
    // Values first: a typo fails before any memory is spent on the split.
    const HyperParams values = HyperParams::fromJson(settings.values, m_variant->specs);
    m_settings.values = values.json();
    m_split = splitTrainValidation(m_data->trainX, m_data->trainY, settings.validationFraction, settings.seed);
    m_model = createModel(m_variant->key, values, contextFor(*m_data, settings.seed));
    // A phased variant's schedule must fit in the run: stacked refuses a run
    // too short for its pretraining instead of cutting it.
    if (const auto* stacked = dynamic_cast<const StackedAutoencoder*>(m_model.get()))
        stacked->checkSchedule(settings.epochs);
    TrainOptions options;
    options.epochs = settings.epochs;
    options.batchSize = values.integer("batch");
    options.seed = settings.seed;
    m_trainer = std::make_unique<Trainer>(*m_model, m_split.trainX, m_split.valX, options);
}

Run::Run(std::unique_ptr<Autoencoder> model, History history, std::shared_ptr<const Dataset> data,
         std::string datasetSpec, double validationFraction)
    : m_variant(&variantInfo(model->variant())), m_data(required(std::move(data))),
      m_datasetSpec(std::move(datasetSpec)), m_model(std::move(model)), m_history(std::move(history))
{
    const ModelContext& c = m_model->context();
    if (m_data->features() != c.inputDim)
        fail(ErrorKind::InvalidArgument, "the model expects " + std::to_string(c.inputDim) + " features but "
             + m_data->name + " has " + std::to_string(m_data->features()));
    m_settings.variant = m_variant->key;
    m_settings.values = m_model->hyperParams().json();
    m_settings.epochs = int(m_history.epochs.size());
    m_settings.validationFraction = validationFraction;
    m_settings.seed = c.seed;
    m_split = splitTrainValidation(m_data->trainX, m_data->trainY, validationFraction, c.seed);
}

Run::~Run() = default;

Trainer& Run::trainer()
{
    if (!m_trainer)
        fail(ErrorKind::InvalidArgument, "this model was opened from a file: it has no training run to continue");
    return *m_trainer;
}

RunStatus Run::train(TrainControl* control, const TrainHooks& hooks)
{
    return trainer().run(control, hooks);
}

void Run::changeSetting(const std::string& key, const nlohmann::json& value)
{
    const nlohmann::json before = m_model->hyperParams().json().value(key, nlohmann::json());
    m_model->changeSetting(key, value);
    const nlohmann::json after = m_model->hyperParams().json()[key];
    if (after == before)
        return;
    m_history.changes.push_back({step(), m_trainer ? std::max(1, m_trainer->epoch()) : 0, key, before, after});
}

History Run::history() const
{
    History h = m_history;
    if (!m_trainer)
        return h;
    h.epochs = m_trainer->history();
    const RunStatus status = m_trainer->status();
    if (status == RunStatus::Finished || status == RunStatus::Stopped || status == RunStatus::Diverged) {
        h.end = RunEnd{statusName(status), m_trainer->globalStep(), {}, -1};
        if (const auto& d = m_trainer->divergence()) {
            h.end->reason = d->what;
            // A refused update leaves the weights of the step before.
            h.end->weightsFromStep = d->restoredStep >= 0 ? d->restoredStep : d->step - 1;
        }
    }
    return h;
}

ModelProvenance Run::provenance() const
{
    return {m_datasetSpec, m_data->fingerprint, history()};
}

} // namespace aelab
