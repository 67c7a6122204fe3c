#include "train/Trainer.h"

#include "math/Error.h"
#include "math/Parallel.h"
#include "train/Evaluate.h"

#include <algorithm>
#include <cmath>

namespace aelab {

namespace {
// Weights are copied every this many steps, so a run whose weights overflow
// can go back to finite ones; non-finite gradients never reach the weights.
constexpr long long kCheckpointEvery = 50;
using Clock = std::chrono::steady_clock;
constexpr const char* kLossNotFinite = "the loss became NaN or infinite";
constexpr const char* kGradientNotFinite = "the gradient became NaN or infinite";
constexpr const char* kWeightNotFinite = "a weight became NaN or infinite";
} // namespace

std::vector<std::string> divergenceReasons() { return {kLossNotFinite, kGradientNotFinite, kWeightNotFinite}; }

std::string statusName(RunStatus status)
{
    switch (status) {
    case RunStatus::Ready: return "ready";
    case RunStatus::Running: return "running";
    case RunStatus::Finished: return "finished";
    case RunStatus::Stopped: return "stopped";
    case RunStatus::Diverged: return "diverged";
    }
    return "?";
}

Trainer::Trainer(Autoencoder& model, const Matrix& train, const Matrix& val, const TrainOptions& options)
    : m_model(model), m_train(train), m_val(val), m_options(options),
      m_rng(options.seed), m_evalRng(options.seed ^ 0x5eedull)
{
    if (train.rows() == 0)
        fail(ErrorKind::InvalidArgument, "the training set is empty");
    if (options.epochs < 1)
        fail(ErrorKind::InvalidArgument, "--epochs must be at least 1");
    if (options.batchSize < 1)
        fail(ErrorKind::InvalidArgument, "--batch must be at least 1");
    if (train.cols() != model.context().inputDim)
        fail(ErrorKind::InvalidArgument, "the data has " + std::to_string(train.cols())
             + " features but the model expects " + std::to_string(model.context().inputDim));
    m_batchesPerEpoch = int((train.rows() + options.batchSize - 1) / options.batchSize);
    checkpoint();
}

void Trainer::checkpoint()
{
    const auto params = m_model.parameters();
    m_lastGood.resize(params.size());
    for (std::size_t i = 0; i < params.size(); ++i)
        m_lastGood[i] = *params[i].value;
    m_lastGoodStep = m_step;
}

bool Trainer::weightsFinite()
{
    for (const auto& p : m_model.parameters())
        if (!p.value->allFinite())
            return false;
    return true;
}

void Trainer::diverge(const std::string& what)
{
    m_status = RunStatus::Diverged;
    Divergence d{m_step, m_epoch, what};
    m_message = "diverged at step " + std::to_string(m_step) + " (epoch " + std::to_string(m_epoch)
        + "): " + what + ". Try a lower learning rate or gradient clipping.";
    if (!weightsFinite()) {
        const auto params = m_model.parameters();
        for (std::size_t i = 0; i < params.size(); ++i)
            *params[i].value = m_lastGood[i];
        d.restoredStep = m_lastGoodStep;
        m_message += " Weights restored to step " + std::to_string(m_lastGoodStep) + ".";
    } else {
        m_message += " The last finite weights are kept.";
    }
    m_divergence = d;
}

void Trainer::beginEpoch()
{
    ++m_epoch;
    m_batch = 0;
    m_order = m_rng.permutation(int(m_train.rows()));
    m_epochSum = {};
    m_epochWeight = 0;
    m_epochSeconds = 0;
    m_model.beginEpoch(m_epoch, m_options.epochs);
}

bool Trainer::step()
{
    if (m_status == RunStatus::Finished || m_status == RunStatus::Diverged)
        return false;
    m_status = RunStatus::Running;
    if (m_batch == 0)
        beginEpoch();
    const auto start = Clock::now();

    const int begin = m_batch * m_options.batchSize;
    const int rows = std::min<int>(m_options.batchSize, int(m_train.rows()) - begin);
    m_batchBuffer.resize(rows, m_train.cols());
    forEachRowRange(rows, m_train.cols(), [&](Eigen::Index first, Eigen::Index count) {
        for (Eigen::Index r = first; r < first + count; ++r)
            m_batchBuffer.row(r) = m_train.row(m_order[std::size_t(begin + r)]);
    });

    // Row r is training sample m_order[begin + r] (what a variant draws per
    // sample, such as masked's missing entries, follows the sample).
    m_batchSamples.resize(std::size_t(rows));
    for (int r = 0; r < rows; ++r)
        m_batchSamples[std::size_t(r)] = sampleId(SampleSet::Train, std::uint64_t(m_order[std::size_t(begin + r)]));
    m_model.setBatchSamples(m_batchSamples);
    LossTerms terms = m_model.trainStep(m_batchBuffer, m_rng);
    m_model.setBatchSamples({});
    ++m_batch;
    ++m_step;
    m_samplesSeen += rows;
    m_epochSeconds += std::chrono::duration<double>(Clock::now() - start).count();

    if (!terms.allFinite() || !terms.updated) {
        diverge(terms.allFinite() ? kGradientNotFinite : kLossNotFinite);
        return false;
    }
    if (m_step % kCheckpointEvery == 0) {
        if (!weightsFinite()) {
            diverge(kWeightNotFinite);
            return false;
        }
        checkpoint();
    }
    m_epochSum.accumulate(terms, rows);
    m_epochWeight += rows;

    if (onStep) {
        StepInfo info{m_epoch, m_batch, m_batchesPerEpoch, m_step, m_samplesSeen, terms};
        onStep(info);
    }
    if (m_batch == m_batchesPerEpoch) {
        endEpoch();
        if (m_status == RunStatus::Diverged)
            return false;
        if (m_epoch >= m_options.epochs) {
            m_status = RunStatus::Finished;
            return false;
        }
        m_batch = 0;
    }
    return true;
}

void Trainer::endEpoch()
{
    if (!weightsFinite()) {
        diverge(kWeightNotFinite);
        return;
    }
    checkpoint();
    EpochInfo info;
    info.epoch = m_epoch;
    info.train = m_epochSum;
    if (m_epochWeight > 0)
        info.train.scale(1.0 / m_epochWeight);
    info.val = validate();
    info.seconds = m_epochSeconds;
    info.samplesPerSecond = m_epochSeconds > 0 ? m_epochWeight / m_epochSeconds : 0;
    info.phase = m_model.phase();
    m_history.push_back(info);
    if (onEpoch)
        onEpoch(info);
}

TrainerState Trainer::state() const
{
    TrainerState s;
    s.epoch = m_epoch;
    s.batch = m_batch;
    s.step = m_step;
    s.samplesSeen = m_samplesSeen;
    s.order = m_order;
    s.rng = m_rng.state();
    s.epochSum = m_epochSum;
    s.epochWeight = m_epochWeight;
    s.epochSeconds = m_epochSeconds;
    s.runningSeconds = m_runningSeconds;
    s.history = m_history;
    return s;
}

void Trainer::restore(const TrainerState& s)
{
    const int rows = int(m_train.rows());
    const auto refuse = [](const std::string& what) { fail(ErrorKind::Format, "the saved training position " + what); };
    if ((s.epoch == m_options.epochs && (s.batch == 0 || s.batch == m_batchesPerEpoch)))
        fail(ErrorKind::Unsupported, "the run finished all its " + std::to_string(m_options.epochs)
             + " epochs: there is nothing left to train");
    if (s.epoch < 0 || s.epoch > m_options.epochs || s.batch < 0 || s.batch >= m_batchesPerEpoch
        || (s.epoch == 0 && s.batch != 0))
        refuse("(epoch " + std::to_string(s.epoch) + ", batch " + std::to_string(s.batch)
               + ") is not one of this run's");
    if (s.step != (long long)std::max(0, s.epoch - (s.batch > 0 ? 1 : 0)) * m_batchesPerEpoch + s.batch)
        refuse("does not agree with its step " + std::to_string(s.step));
    if (s.batch > 0) {
        // The epoch's order must be a permutation of the training rows.
        if (int(s.order.size()) != rows)
            refuse("holds an order of " + std::to_string(s.order.size()) + " rows for " + std::to_string(rows));
        std::vector<char> seen(std::size_t(rows), 0);
        for (int i : s.order) {
            if (i < 0 || i >= rows || seen[std::size_t(i)])
                refuse("holds an order that is not a permutation of the training rows");
            seen[std::size_t(i)] = 1;
        }
    }
    if (int(s.history.size()) != s.epoch - (s.batch > 0 ? 1 : 0))
        refuse("holds " + std::to_string(s.history.size()) + " ended epochs at epoch " + std::to_string(s.epoch));
    m_epoch = s.epoch;
    m_batch = s.batch;
    m_step = s.step;
    m_samplesSeen = s.samplesSeen;
    m_order = s.batch > 0 ? s.order : std::vector<int>{};
    m_rng.restore(s.rng);
    m_epochSum = s.epochSum;
    m_epochWeight = s.epochWeight;
    m_epochSeconds = s.epochSeconds;
    m_runningSeconds = s.runningSeconds;
    m_history = s.history;
    m_status = RunStatus::Ready;
    m_message.clear();
    m_divergence.reset();
    // A phased variant enters the epoch's phase (stacked: its stage and that
    // stage's optimizer, whose state the caller restores next).
    if (m_epoch > 0)
        m_model.beginEpoch(m_epoch, m_options.epochs);
    checkpoint();
}

LossTerms Trainer::validate()
{
    return evaluateSet(m_model, m_val, m_evalRng, 1024, SampleSet::Validation);   // the same noise for every pass
}

RunStatus Trainer::run(TrainControl* control, const TrainHooks& hooks)
{
    bool pauseShown = false;
    while (true) {
        if (hooks.betweenBatches)
            hooks.betweenBatches();
        if (control && control->stopRequested()) {
            m_status = RunStatus::Stopped;
            m_message = "stopped at step " + std::to_string(m_step);
            return m_status;
        }
        bool single = false;
        if (control && control->paused()) {
            single = control->takeStep();
            if (!single) {
                if (!pauseShown && hooks.pauseBegan)
                    hooks.pauseBegan();
                pauseShown = true;
                control->waitWhilePaused(25);
                continue;
            }
        }
        pauseShown = false;
        const auto start = Clock::now();
        const bool more = step();
        if (hooks.stepped)
            hooks.stepped(single);
        m_runningSeconds += std::chrono::duration<double>(Clock::now() - start).count();
        if (!more)
            return m_status;
    }
}

} // namespace aelab
