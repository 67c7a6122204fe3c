#include "train/Resume.h"

#include "math/Error.h"
#include "optim/Optimizer.h"

#include <algorithm>
#include <cstring>

namespace aelab {

namespace {

constexpr int kResumeVersion = 1;
const char* const kSplitRule = "seeded shuffle";

std::uint64_t bitsOf(double v)
{
    std::uint64_t b;
    std::memcpy(&b, &v, sizeof b);
    return b;
}

double doubleOf(std::uint64_t b)
{
    double v;
    std::memcpy(&v, &b, sizeof v);
    return v;
}

// Terms in their order (a JSON object would sort them by name).
nlohmann::json termsArray(const LossTerms& terms)
{
    nlohmann::json a = nlohmann::json::array();
    for (const auto& [name, value] : terms.terms)
        a.push_back({name, value});
    return a;
}

LossTerms termsFrom(const nlohmann::json& a)
{
    LossTerms terms;
    for (const auto& pair : a)
        terms.add(pair.at(0).get<std::string>(), pair.at(1).get<double>());
    return terms;
}

std::string tensorName(const std::string& optimizer, const std::string& buffer, std::size_t i)
{
    return std::string(kResumeTensorPrefix) + optimizer + "." + buffer + "." + std::to_string(i);
}

// The file's weights into the run's model of the same variant and settings.
void copyWeights(Autoencoder& from, Autoencoder& to)
{
    const auto source = from.parameters();
    const auto target = to.parameters();
    if (source.size() != target.size())
        fail(ErrorKind::Format, "its weights do not fit the model its settings describe");
    for (std::size_t i = 0; i < source.size(); ++i) {
        if (source[i].name != target[i].name || source[i].value->rows() != target[i].value->rows()
            || source[i].value->cols() != target[i].value->cols())
            fail(ErrorKind::Format, "its tensor '" + source[i].name + "' does not fit the model its settings describe");
        *target[i].value = *source[i].value;
    }
}

} // namespace

ResumeSection resumeSectionOf(Run& run)
{
    Trainer& trainer = run.trainer();
    const TrainerState t = trainer.state();
    const RunSettings& settings = run.settings();
    ResumeSection section;
    nlohmann::json& m = section.meta;
    m["version"] = kResumeVersion;
    m["settings"] = {{"variant", settings.variant},
                     {"values", run.model().hyperParams().json()},
                     {"epochs", settings.epochs},
                     {"val", settings.validationFraction},
                     {"seed", settings.seed},
                     {"batch", trainer.options().batchSize}};
    m["split"] = {{"rule", kSplitRule},
                  {"seed", settings.seed},
                  {"fraction", settings.validationFraction},
                  {"dataset_fingerprint", run.data().fingerprint},
                  {"train_rows", run.split().trainX.rows()},
                  {"val_rows", run.split().valX.rows()}};
    nlohmann::json words = nlohmann::json::array();
    for (std::uint64_t w : t.rng.words)
        words.push_back(w);
    m["trainer"] = {{"epoch", t.epoch},
                    {"batch", t.batch},
                    {"step", t.step},
                    {"samples_seen", t.samplesSeen},
                    {"order", t.order},
                    {"rng", {{"words", words}, {"has_spare", t.rng.hasSpare}, {"spare_bits", bitsOf(t.rng.spare)}}},
                    {"epoch_sum", termsArray(t.epochSum)},
                    {"epoch_weight", t.epochWeight},
                    {"epoch_seconds", t.epochSeconds},
                    {"running_seconds", t.runningSeconds}};
    m["optimizers"] = nlohmann::json::array();
    for (const OptimizerSlot& slot : run.model().optimizerSlots()) {
        const OptimizerState state = slot.optimizer->state();
        nlohmann::json buffers = nlohmann::json::object();
        for (const auto& [name, values] : state.buffers) {
            buffers[name] = values.size();
            for (std::size_t i = 0; i < values.size(); ++i)
                section.tensors.push_back(matrixToTensor(tensorName(slot.name, name, i), values[i]));
        }
        m["optimizers"].push_back({{"name", slot.name}, {"kind", state.kind}, {"step", state.step}, {"buffers", buffers}});
    }
    return section;
}

void saveRun(const std::string& path, Run& run)
{
    if (!run.hasTrainer()) {
        saveModel(path, run.model(), run.provenance());
        return;
    }
    const ResumeSection section = resumeSectionOf(run);
    saveModel(path, run.model(), run.provenance(), &section);
}

std::string resumeRefusal(const LoadedModel& loaded)
{
    if (!loaded.resume)
        return "this model file was saved without its training state (the optimizer's moments and step, "
               "the data split, the random stream's position, the place in the epoch), as files from before "
               "aelab kept it are: its run cannot continue exactly. Train a new run with its settings, or "
               "start one from its weights";
    if (const auto& end = loaded.provenance.history.end) {
        if (end->status == "diverged")
            return "the run diverged at step " + std::to_string(end->step)
                   + ": it cannot continue (lower the learning rate and train again)";
    }
    return {};
}

std::unique_ptr<Run> resumeRun(const LoadedModel& loaded, std::shared_ptr<const Dataset> data, std::string datasetSpec)
{
    if (const std::string why = resumeRefusal(loaded); !why.empty())
        fail(ErrorKind::Unsupported, why);
    if (!data)
        fail(ErrorKind::InvalidArgument, "no dataset is loaded");
    const nlohmann::json& m = loaded.resume->meta;
    std::unique_ptr<Run> run;
    try {
        if (m.at("version") != kResumeVersion)
            fail(ErrorKind::Format, "its training state is of version " + m.at("version").dump()
                 + ", this aelab reads version " + std::to_string(kResumeVersion));
        const auto& split = m.at("split");
        if (split.at("rule") != kSplitRule)
            fail(ErrorKind::Format, "its data split follows an unknown rule");
        if (split.at("dataset_fingerprint").get<std::string>() != data->fingerprint)
            fail(ErrorKind::InvalidArgument, "the run trained on " + loaded.provenance.dataset
                 + " (fingerprint " + split.at("dataset_fingerprint").get<std::string>() + "), but the data loaded now ("
                 + data->name + ", fingerprint " + data->fingerprint
                 + ") is not the same: load the same data with the same sample limit to continue it");

        const auto& s = m.at("settings");
        RunSettings settings;
        settings.variant = s.at("variant").get<std::string>();
        settings.values = s.at("values");
        settings.epochs = s.at("epochs").get<int>();
        settings.validationFraction = split.at("fraction").get<double>();
        settings.seed = split.at("seed").get<std::uint64_t>();
        if (settings.variant != loaded.model->variant())
            fail(ErrorKind::Format, "its training state is of another variant than its model");
        run = std::make_unique<Run>(settings, data, datasetSpec.empty() ? loaded.provenance.dataset : datasetSpec);
        if (run->split().trainX.rows() != split.at("train_rows").get<long long>()
            || run->split().valX.rows() != split.at("val_rows").get<long long>())
            fail(ErrorKind::Format, "the data split made again does not have the saved number of rows");
        if (run->trainer().options().batchSize != s.at("batch").get<int>())
            fail(ErrorKind::Format, "its batch size does not agree with its settings");
        copyWeights(*loaded.model, run->model());

        const auto& t = m.at("trainer");
        TrainerState state;
        state.epoch = t.at("epoch").get<int>();
        state.batch = t.at("batch").get<int>();
        state.step = t.at("step").get<long long>();
        state.samplesSeen = t.at("samples_seen").get<long long>();
        state.order = t.at("order").get<std::vector<int>>();
        const auto words = t.at("rng").at("words").get<std::vector<std::uint64_t>>();
        if (words.size() != 4)
            fail(ErrorKind::Format, "its random stream's state is not four words");
        for (std::size_t i = 0; i < 4; ++i)
            state.rng.words[i] = words[i];
        state.rng.hasSpare = t.at("rng").at("has_spare").get<bool>();
        state.rng.spare = doubleOf(t.at("rng").at("spare_bits").get<std::uint64_t>());
        state.epochSum = termsFrom(t.at("epoch_sum"));
        state.epochWeight = t.at("epoch_weight").get<double>();
        state.epochSeconds = t.at("epoch_seconds").get<double>();
        state.runningSeconds = t.at("running_seconds").get<double>();
        state.history = loaded.provenance.history.epochs;
        run->trainer().restore(state);

        // The optimizers after the trainer: restoring the position enters the
        // epoch's phase, which may make a stage's optimizer.
        std::vector<OptimizerSlot> slots = run->model().optimizerSlots();
        const auto& saved = m.at("optimizers");
        if (!saved.is_array() || saved.size() != slots.size())
            fail(ErrorKind::Format, "it keeps the state of " + std::to_string(saved.size()) + " optimizers, the "
                 + settings.variant + " run has " + std::to_string(slots.size()));
        for (const auto& o : saved) {
            const std::string name = o.at("name").get<std::string>();
            const auto slot = std::find_if(slots.begin(), slots.end(), [&](const OptimizerSlot& x) { return x.name == name; });
            if (slot == slots.end())
                fail(ErrorKind::Format, "it keeps the state of an optimizer '" + name + "' the run does not have");
            OptimizerState state;
            state.kind = o.at("kind").get<std::string>();
            state.step = o.at("step").get<long long>();
            for (const auto& [buffer, count] : o.at("buffers").items()) {
                std::vector<Matrix> values;
                const std::size_t n = count.get<std::size_t>();
                if (n > slot->params.size())
                    fail(ErrorKind::Format, "optimizer '" + name + "' keeps more buffers than the run has tensors");
                for (std::size_t i = 0; i < n; ++i) {
                    const Tensor* found = nullptr;
                    for (const Tensor& tensor : loaded.resume->tensors)
                        if (tensor.name == tensorName(name, buffer, i))
                            found = &tensor;
                    if (!found)
                        fail(ErrorKind::Format, "tensor '" + tensorName(name, buffer, i) + "' is missing");
                    values.push_back(tensorToMatrix(*found));
                }
                state.buffers.emplace_back(buffer, std::move(values));
            }
            // Buffers in the optimizer's own order (JSON objects sort by name).
            const OptimizerState mine = slot->optimizer->state();
            std::vector<std::pair<std::string, std::vector<Matrix>>> ordered;
            for (const auto& [buffer, unused] : mine.buffers)
                for (auto& b : state.buffers)
                    if (b.first == buffer)
                        ordered.push_back(std::move(b));
            if (ordered.size() != state.buffers.size())
                fail(ErrorKind::Format, "optimizer '" + name + "' keeps buffers a " + state.kind + " optimizer does not have");
            state.buffers = std::move(ordered);
            slot->optimizer->restore(state, slot->params);
        }
        run->restoreChanges(loaded.provenance.history.changes);
    } catch (const nlohmann::json::exception& e) {
        fail(ErrorKind::Format, "its training state is malformed (" + std::string(e.what()) + ")");
    }
    return run;
}

} // namespace aelab
