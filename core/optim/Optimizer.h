#pragma once
// Optimizers update parameters from their accumulated gradients.
// step() first measures the global gradient norm: a non-finite gradient is
// refused (nothing changes, step() returns false) so that a diverging run
// keeps its last finite weights; a norm above clipNorm (when > 0) is scaled
// down to it ("clipping by global norm").
#include "layers/Layer.h"

#include <memory>
#include <string>
#include <vector>

namespace aelab {

// What an optimizer carries from one step to the next, for a run that is
// saved and resumed: Adam's step count and moments "m" and "v", SGD's
// "velocity", one matrix per parameter tensor (empty before the first step).
struct OptimizerState {
    std::string kind;          // "adam" or "sgd"
    long long step = 0;
    std::vector<std::pair<std::string, std::vector<Matrix>>> buffers;
};

struct OptimizerConfig {
    std::string kind = "adam";   // "adam" or "sgd"
    double learningRate = 1e-3;
    double momentum = 0.9;       // sgd
    double beta1 = 0.9;          // adam
    double beta2 = 0.999;        // adam
    double epsilon = 1e-8;       // adam
    double clipNorm = 0;         // 0 = no clipping
};

class Optimizer {
public:
    explicit Optimizer(const OptimizerConfig& config) : m_config(config) {}
    virtual ~Optimizer() = default;

    bool step(const std::vector<Parameter>& params);

    void setLearningRate(double lr) { m_config.learningRate = lr; }
    double learningRate() const { return m_config.learningRate; }
    double lastGradientNorm() const { return m_lastNorm; }
    const OptimizerConfig& config() const { return m_config; }

    virtual OptimizerState state() const = 0;
    // Puts back a saved state for the optimizer of `params`. Throws
    // Error(Format) and changes nothing when it is of another kind or its
    // buffers do not match the tensors' count and shapes.
    void restore(const OptimizerState& state, const std::vector<Parameter>& params);

protected:
    virtual void restoreBuffers(const OptimizerState& state) = 0;

    // Apply one update; every gradient is to be multiplied by gradScale.
    virtual void update(const std::vector<Parameter>& params, Scalar gradScale) = 0;

    OptimizerConfig m_config;

private:
    double m_lastNorm = 0;
};

// SGD with (heavy-ball) momentum, as PyTorch: v = mu v + g; w -= lr v.
class Sgd : public Optimizer {
public:
    using Optimizer::Optimizer;

    OptimizerState state() const override;

protected:
    void update(const std::vector<Parameter>& params, Scalar gradScale) override;
    void restoreBuffers(const OptimizerState& state) override;

private:
    std::vector<Matrix> m_velocity;
};

// Adam (Kingma & Ba): the bias-correction powers advance once per step, not
// once per tensor.
class Adam : public Optimizer {
public:
    using Optimizer::Optimizer;
    long long steps() const { return m_step; }
    OptimizerState state() const override;

protected:
    void update(const std::vector<Parameter>& params, Scalar gradScale) override;
    void restoreBuffers(const OptimizerState& state) override;

private:
    std::vector<Matrix> m_m, m_v;
    long long m_step = 0;
};

std::unique_ptr<Optimizer> makeOptimizer(const OptimizerConfig& config);

} // namespace aelab
