#pragma once
// The training loop (after dlib's trainer: it can be stepped one batch at a
// time, paused and resumed). Shuffled mini-batches each epoch, a validation
// pass at each epoch's end, callbacks per batch and per epoch, and a guard:
// a loss or weight that becomes NaN/Inf ends the run as Diverged with the
// last finite weights kept. run() is the one loop every front end uses: it
// answers stop, pause and single steps between batches and calls the
// caller's hooks there (live settings, views, exploration jobs).
#include "models/Autoencoder.h"
#include "train/Control.h"
#include "train/History.h"

#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace aelab {

enum class RunStatus { Ready, Running, Finished, Stopped, Diverged };
std::string statusName(RunStatus status);

struct TrainOptions {
    int epochs = 5;
    int batchSize = 128;
    std::uint64_t seed = 1;
};

struct StepInfo {
    int epoch = 0;               // 1-based
    int batch = 0;               // 1-based within the epoch
    int batchesPerEpoch = 0;
    long long step = 0;          // 1-based over the run
    long long samplesSeen = 0;
    LossTerms terms;
};

// Where a run stands between two batches: with the model's weights and its
// optimizers' state, all a resumed run needs to continue with the very
// numbers an uninterrupted one would have (train/Resume.h). The validation
// stream needs nothing: each pass starts from the same seed.
struct TrainerState {
    int epoch = 0;                    // the epoch begun last (0: none)
    int batch = 0;                    // batches of it done (0: it ended, or none began)
    long long step = 0;
    long long samplesSeen = 0;
    std::vector<int> order;           // the epoch's shuffled order of training rows
    RngState rng;                     // the stream of shuffling and the objective's noise
    LossTerms epochSum;               // what the epoch's mean is summed from so far
    double epochWeight = 0;
    double epochSeconds = 0;
    double runningSeconds = 0;
    std::vector<EpochInfo> history;   // the epochs ended
};

// Every Divergence::what the trainer may give (for translations).
std::vector<std::string> divergenceReasons();

// How a diverged run ended, for callers that say it in their own words
// (the window translates it); message() says it in English.
struct Divergence {
    long long step = 0;
    int epoch = 0;
    std::string what;              // "the loss became NaN or infinite", ...
    long long restoredStep = -1;   // the checkpoint the weights went back to; -1: the weights were finite and are kept
};

// What run() calls between batches, on the training thread. Each may be empty.
struct TrainHooks {
    std::function<void()> betweenBatches;     // before every batch, and every ~25 ms while paused
    std::function<void()> pauseBegan;         // once when a pause begins
    std::function<void(bool single)> stepped; // after each batch; single: one Step while paused
};

class Trainer {
public:
    // The trainer reads `train` and `val` for as long as it lives: they must
    // outlive it, so temporaries are refused at compile time.
    Trainer(Autoencoder& model, const Matrix& train, const Matrix& val, const TrainOptions& options);
    Trainer(Autoencoder&, Matrix&&, const Matrix&, const TrainOptions&) = delete;
    Trainer(Autoencoder&, const Matrix&, Matrix&&, const TrainOptions&) = delete;
    Trainer(Autoencoder&, Matrix&&, Matrix&&, const TrainOptions&) = delete;

    // One batch. Returns false once the run is over (finished or diverged).
    bool step();
    // step() until finished, diverged, or stopped through `control`; while
    // paused, one batch per control->requestStep().
    RunStatus run(TrainControl* control = nullptr, const TrainHooks& hooks = {});

    // The validation terms now (chunked; averages over samples).
    LossTerms validate();

    std::function<void(const StepInfo&)> onStep;
    std::function<void(const EpochInfo&)> onEpoch;

    RunStatus status() const { return m_status; }
    const std::string& message() const { return m_message; }
    const std::optional<Divergence>& divergence() const { return m_divergence; }
    const std::vector<EpochInfo>& history() const { return m_history; }
    // Wall time spent in run()'s batches and their hooks, pauses excluded.
    double runningSeconds() const { return m_runningSeconds; }
    int epoch() const { return m_epoch; }
    int batchInEpoch() const { return m_batch; }
    int batchesPerEpoch() const { return m_batchesPerEpoch; }
    long long globalStep() const { return m_step; }
    long long samplesSeen() const { return m_samplesSeen; }
    long long totalSteps() const { return (long long)m_batchesPerEpoch * m_options.epochs; }
    const TrainOptions& options() const { return m_options; }

    TrainerState state() const;
    // Continues from `state` (taken from a trainer of the same options and
    // data): checked against them first; throws Error(Format) and changes
    // nothing when it does not fit. The model's phase for the epoch is set
    // (Autoencoder::beginEpoch) before its optimizers are restored.
    void restore(const TrainerState& state);

private:
    void beginEpoch();
    void endEpoch();
    void diverge(const std::string& what);
    void checkpoint();
    bool weightsFinite();

    Autoencoder& m_model;
    const Matrix& m_train;
    const Matrix& m_val;
    TrainOptions m_options;
    Rng m_rng;
    Rng m_evalRng;

    RunStatus m_status = RunStatus::Ready;
    std::string m_message;
    std::optional<Divergence> m_divergence;
    std::vector<int> m_order;
    int m_epoch = 0;
    int m_batch = 0;
    int m_batchesPerEpoch = 0;
    long long m_step = 0;
    long long m_samplesSeen = 0;
    Matrix m_batchBuffer;
    std::vector<SampleId> m_batchSamples;   // which training samples its rows are
    LossTerms m_epochSum;
    double m_epochWeight = 0;
    double m_epochSeconds = 0;
    std::vector<EpochInfo> m_history;
    std::vector<Matrix> m_lastGood;    // weights at the last checkpoint
    long long m_lastGoodStep = 0;
    double m_runningSeconds = 0;
};

} // namespace aelab
