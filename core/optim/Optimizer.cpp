#include "optim/Optimizer.h"

#include "math/Error.h"
#include "math/Parallel.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace aelab {

namespace {
using ArrayMap = Eigen::Map<Eigen::Array<Scalar, Eigen::Dynamic, 1>>;
using ConstArrayMap = Eigen::Map<const Eigen::Array<Scalar, Eigen::Dynamic, 1>>;

// The updates are element-wise. All tensors are walked in one parallel loop,
// in chunks small enough that the update's several array expressions (m, v,
// w) run on data still in the L1 cache, i.e. one pass over memory instead of
// one per expression. Every entry is computed alone, so the result is the
// same on any number of threads.
constexpr std::ptrdiff_t kChunk = 1024;
} // namespace

bool Optimizer::step(const std::vector<Parameter>& params)
{
    // The squared norm of each chunk, then their sum in a fixed order: the
    // same on any number of threads.
    const std::vector<std::ptrdiff_t> sizes = entryCounts(params);
    std::vector<double> squares;
    std::vector<std::ptrdiff_t> firstChunk{0};
    for (auto n : sizes)
        firstChunk.push_back(firstChunk.back() + chunkCount(n, kChunk));
    squares.resize(std::size_t(firstChunk.back()));
    forEachChunk(sizes, kChunk, [&](std::size_t i, std::ptrdiff_t at, std::ptrdiff_t len) {
        const ConstArrayMap g(params[i].grad->data() + at, len);
        squares[std::size_t(firstChunk[i] + at / kChunk)] = double(g.square().sum());
    });
    double squared = 0;
    for (double s : squares)
        squared += s;
    m_lastNorm = std::sqrt(squared);
    if (!std::isfinite(m_lastNorm))
        return false;
    Scalar scale = 1;
    if (m_config.clipNorm > 0 && m_lastNorm > m_config.clipNorm)
        scale = Scalar(m_config.clipNorm / m_lastNorm);
    update(params, scale);
    return true;
}

void Sgd::update(const std::vector<Parameter>& params, Scalar gradScale)
{
    if (m_velocity.size() != params.size()) {
        m_velocity.clear();
        for (const auto& p : params)
            m_velocity.push_back(Matrix::Zero(p.value->rows(), p.value->cols()));
    }
    const Scalar lr = Scalar(m_config.learningRate);
    const Scalar mu = Scalar(m_config.momentum);
    forEachChunk(entryCounts(params), kChunk, [&](std::size_t i, std::ptrdiff_t at, std::ptrdiff_t len) {
        // v = mu v + s g;  w -= lr v
        ArrayMap V(m_velocity[i].data() + at, len), W(params[i].value->data() + at, len);
        V = mu * V + gradScale * ConstArrayMap(params[i].grad->data() + at, len);
        W -= lr * V;
    });
}

void Adam::update(const std::vector<Parameter>& params, Scalar gradScale)
{
    if (m_m.size() != params.size()) {
        m_m.clear();
        m_v.clear();
        for (const auto& p : params) {
            m_m.push_back(Matrix::Zero(p.value->rows(), p.value->cols()));
            m_v.push_back(Matrix::Zero(p.value->rows(), p.value->cols()));
        }
    }
    ++m_step;
    const double b1 = m_config.beta1, b2 = m_config.beta2;
    const double correction1 = 1.0 - std::pow(b1, double(m_step));
    const double correction2 = 1.0 - std::pow(b2, double(m_step));
    // w -= lr * m_hat / (sqrt(v_hat) + eps), written as PyTorch does:
    // step = lr / c1, denom = sqrt(v) / sqrt(c2) + eps.
    const Scalar stepSize = Scalar(m_config.learningRate / correction1);
    const Scalar invSqrtC2 = Scalar(1.0 / std::sqrt(correction2));
    const Scalar eps = Scalar(m_config.epsilon);
    const Scalar sb1 = Scalar(b1), sb2 = Scalar(b2);
    // 1 - beta in double before rounding, as PyTorch does (in float, 1 - 0.999f is 1e-3 off by 1.3e-5 relative).
    const Scalar oneMinusB1 = Scalar(1.0 - b1), oneMinusB2 = Scalar(1.0 - b2);
    forEachChunk(entryCounts(params), kChunk, [&](std::size_t i, std::ptrdiff_t at, std::ptrdiff_t len) {
        ArrayMap M(m_m[i].data() + at, len), V(m_v[i].data() + at, len), W(params[i].value->data() + at, len);
        const auto g = gradScale * ConstArrayMap(params[i].grad->data() + at, len);
        M = sb1 * M + oneMinusB1 * g;
        V = sb2 * V + oneMinusB2 * g.square();
        W -= stepSize * M / (V.sqrt() * invSqrtC2 + eps);
    });
}

void Optimizer::restore(const OptimizerState& state, const std::vector<Parameter>& params)
{
    if (state.kind != m_config.kind)
        fail(ErrorKind::Format, "the saved optimizer is " + state.kind + ", the run's is " + m_config.kind);
    const OptimizerState mine = this->state();
    if (state.buffers.size() != mine.buffers.size())
        fail(ErrorKind::Format, "the saved " + state.kind + " state has " + std::to_string(state.buffers.size())
             + " kinds of buffer, expected " + std::to_string(mine.buffers.size()));
    // All saved after a step, or all before the first (an update fills them together).
    for (const auto& buffer : state.buffers)
        if (buffer.second.empty() != state.buffers.front().second.empty())
            fail(ErrorKind::Format, "the saved " + state.kind + " state has some buffers and lacks others");
    for (std::size_t b = 0; b < state.buffers.size(); ++b) {
        const auto& [name, values] = state.buffers[b];
        if (name != mine.buffers[b].first)
            fail(ErrorKind::Format, "the saved " + state.kind + " state has '" + name + "' where '"
                 + mine.buffers[b].first + "' belongs");
        if (values.empty())
            continue;   // saved before its first step
        if (values.size() != params.size())
            fail(ErrorKind::Format, "the saved " + state.kind + " state holds " + std::to_string(values.size())
                 + " tensors of '" + name + "' for " + std::to_string(params.size()) + " parameters");
        for (std::size_t i = 0; i < params.size(); ++i)
            if (values[i].rows() != params[i].value->rows() || values[i].cols() != params[i].value->cols())
                fail(ErrorKind::Format, "the saved " + state.kind + " state's '" + name + "' of " + params[i].name
                     + " does not have the parameter's shape");
    }
    if (state.step < 0)
        fail(ErrorKind::Format, "the saved optimizer's step count is negative");
    restoreBuffers(state);
}

OptimizerState Sgd::state() const { return {"sgd", 0, {{"velocity", m_velocity}}}; }

void Sgd::restoreBuffers(const OptimizerState& state) { m_velocity = state.buffers[0].second; }

OptimizerState Adam::state() const { return {"adam", m_step, {{"m", m_m}, {"v", m_v}}}; }

void Adam::restoreBuffers(const OptimizerState& state)
{
    m_m = state.buffers[0].second;
    m_v = state.buffers[1].second;
    m_step = state.step;
}

std::unique_ptr<Optimizer> makeOptimizer(const OptimizerConfig& config)
{
    if (!(config.learningRate > 0) || !std::isfinite(config.learningRate))
        fail(ErrorKind::InvalidArgument, "learning rate must be a positive number");
    if (config.kind == "adam")
        return std::make_unique<Adam>(config);
    if (config.kind == "sgd")
        return std::make_unique<Sgd>(config);
    fail(ErrorKind::InvalidArgument, "unknown optimizer '" + config.kind + "' (choose adam or sgd)");
}

} // namespace aelab
