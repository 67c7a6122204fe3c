#pragma once
// The contract every variant fulfils. A variant owns its networks (encoder,
// decoder, and a discriminator where it has one) and its optimizers, and
// declares its hyperparameters as specs (see Registry.h).
#include "data/Dataset.h"
#include "data/SampleId.h"
#include "layers/Layer.h"
#include "math/Error.h"
#include "math/Rng.h"
#include "models/HyperParams.h"
#include "models/LossTerms.h"

#include <string>
#include <vector>

namespace aelab {

// What a variant is built for: the data's shape and whether its values are
// intensities in [0, 1] (images), which picks a Bernoulli/BCE output by default.
struct ModelContext {
    int inputDim = 0;
    SampleShape shape;
    bool unitInterval = false;
    double valueMin = 0, valueMax = 1;   // the training data's smallest and largest value
    std::uint64_t seed = 1;
    std::string dataset;   // its name, for messages ("" when unknown)
};

ModelContext contextFor(const Dataset& data, std::uint64_t seed);

class Optimizer;

// An optimizer of a variant and the tensors it updates, named for files:
// "main" (the encoder and decoder), aae's "disc" and "gen", stacked's "stage".
struct OptimizerSlot {
    std::string name;
    Optimizer* optimizer = nullptr;
    std::vector<Parameter> params;
};

class Autoencoder {
public:
    virtual ~Autoencoder() = default;

    virtual std::string variant() const = 0;

    // One optimisation step on a batch (batch, inputDim). Returns every term.
    virtual LossTerms trainStep(const Matrix& batch, Rng& rng) = 0;
    // The same terms without changing anything (validation). `rng` serves
    // variants whose objective is stochastic (noise, sampling).
    virtual LossTerms evaluate(const Matrix& batch, Rng& rng) = 0;
    // The terms of trainStep, with the gradients of the total left in every
    // parameter's grad (zeroed first), and no update: for gradient checks.
    virtual LossTerms computeGradients(const Matrix&, Rng&)
    {
        fail(ErrorKind::Unsupported, variant() + " cannot compute gradients without a training step");
    }

    // Which samples the rows of the next trainStep, evaluate or
    // computeGradients are (data/SampleId.h): the trainer and evaluateSet
    // say so before each batch. A variant that draws something once per
    // sample (masked: which entries are missing) seeds it by these. Unsaid,
    // or said for another number of rows, the rows are training samples
    // 0..B-1 (batchSamples).
    void setBatchSamples(std::vector<SampleId> ids) { m_batchSamples = std::move(ids); }

    virtual Matrix encode(const Matrix& x) = 0;       // (batch, latent)
    virtual Matrix decode(const Matrix& z) = 0;       // (batch, inputDim), in data space
    virtual Matrix reconstruct(const Matrix& x);      // decode(encode(x)) by default

    // The prior p(z) the objective pushes the codes towards, where there is
    // one (vae: N(0, I); aae: the chosen shape): n samples, and its name.
    virtual bool hasPrior() const { return false; }
    virtual Matrix samplePrior(int n, Rng& rng);      // (n, latent); throws Error(Unsupported) without a prior
    virtual std::string priorName() const { return {}; }
    // n prior samples decoded into data space: (n, inputDim).
    Matrix generate(int n, Rng& rng) { return decode(samplePrior(n, rng)); }

    // Every trainable tensor, named "encoder.0.weight" etc. (saved in files).
    virtual std::vector<Parameter> parameters() = 0;
    // The optimizers whose state a resumable model file keeps.
    virtual std::vector<OptimizerSlot> optimizerSlots() { return {}; }

    // The one path for a setting that changes while training runs: the
    // value is checked against the variant's spec (live-tunable, and the
    // range that applies given the other values), takes effect from the next
    // step, and is written into hyperParams(), so a model saved afterwards
    // says what was trained. Throws Error and changes nothing otherwise.
    void changeSetting(const std::string& key, const nlohmann::json& value);

    // What a change means to the model's state. "lr" is the rate of the
    // optimizer that trains the encoder and decoder; a variant with more
    // optimizers gives each its own key ("lr-disc").
    virtual void setLearningRate(double lr) = 0;

    // Called by the trainer at each epoch start (phased variants use it).
    virtual void beginEpoch(int epoch, int totalEpochs);
    // What the run is doing now, e.g. "pretraining layer 2 of 3"; "" if plain.
    virtual std::string phase() const { return {}; }

    int latentSize() const { return m_latent; }
    const ModelContext& context() const { return m_context; }
    const HyperParams& hyperParams() const { return m_hp; }
    std::size_t parameterCount();

protected:
    Autoencoder(const HyperParams& hp, const ModelContext& context, int latent)
        : m_hp(hp), m_context(context), m_latent(latent) {}

    // A live-tunable key other than "lr" (already checked): the variant
    // applies it. The default refuses, naming the key.
    virtual void applySetting(const std::string& key, const nlohmann::json& value);

    // The samples said for a batch of `rows` rows (see setBatchSamples).
    std::vector<SampleId> batchSamples(Eigen::Index rows) const;

    HyperParams m_hp;
    ModelContext m_context;
    int m_latent;
    std::vector<SampleId> m_batchSamples;
};

} // namespace aelab
