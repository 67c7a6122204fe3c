#pragma once
// A run: what a user chose (variant, hyperparameters, epochs, validation
// share, seed) applied to a dataset. The one recipe the window's worker and
// aelab-cli both follow, reading each value once:
//   settings.variant -> its specs -> values checked, defaults filled
//   data + seed      -> the training/validation split
//   values + data    -> the model (its weights drawn from the seed)
//   values           -> the trainer (epochs, batch size, seed)
// A run also keeps what it did (History), including each setting changed
// while it trained, so a model saved from it says what was trained.
#include "data/Dataset.h"
#include "models/Registry.h"
#include "train/History.h"
#include "train/Split.h"
#include "train/Trainer.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <memory>
#include <string>

namespace aelab {

struct ModelProvenance;

struct RunSettings {
    std::string variant = "ae";
    nlohmann::json values = nlohmann::json::object();   // hyperparameters as set; missing keys take defaults
    int epochs = 5;
    double validationFraction = 0.1;
    std::uint64_t seed = 1;
};

class Run {
public:
    // Checks everything before anything is built; throws Error with a
    // message a user can act on.
    Run(const RunSettings& settings, std::shared_ptr<const Dataset> data, std::string datasetSpec = {});
    // A model that exists already (opened from a file): no trainer; its
    // history is what the file recorded.
    Run(std::unique_ptr<Autoencoder> model, History history, std::shared_ptr<const Dataset> data,
        std::string datasetSpec, double validationFraction = 0.1);
    ~Run();

    const RunSettings& settings() const { return m_settings; }
    const VariantInfo& variant() const { return *m_variant; }
    Autoencoder& model() { return *m_model; }
    const Dataset& data() const { return *m_data; }
    const std::shared_ptr<const Dataset>& dataPtr() const { return m_data; }
    const std::string& datasetSpec() const { return m_datasetSpec; }
    const Split& split() const { return m_split; }
    bool hasTrainer() const { return m_trainer != nullptr; }
    Trainer& trainer();   // throws for a run without one (an opened model)

    // Trains until finished, diverged or stopped (Trainer::run), keeping the
    // epochs in the history.
    RunStatus train(TrainControl* control = nullptr, const TrainHooks& hooks = {});

    // Changes a live-tunable setting: checked against its spec (the range
    // that applies given the other values), applied from the next step on,
    // written into the model's hyperparameters and recorded in the history
    // at the current step. Throws Error for a key that cannot change while
    // training or a value out of range; nothing changes then.
    void changeSetting(const std::string& key, const nlohmann::json& value);

    // A resumed run (train/Resume.h) takes over the settings changed before
    // it was saved.
    void restoreChanges(std::vector<SettingChange> changes) { m_history.changes = std::move(changes); }

    // The epochs trained so far (the file's, for an opened model) and the
    // settings changed.
    History history() const;
    long long step() const { return m_trainer ? m_trainer->globalStep() : 0; }
    // What a model file records about where the weights came from.
    ModelProvenance provenance() const;

private:
    RunSettings m_settings;
    const VariantInfo* m_variant = nullptr;
    std::shared_ptr<const Dataset> m_data;
    std::string m_datasetSpec;
    Split m_split;
    std::unique_ptr<Autoencoder> m_model;
    std::unique_ptr<Trainer> m_trainer;
    History m_history;
};

} // namespace aelab
