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

// The updates are element-wise. Each tensor is walked in chunks small enough
// that the update's several array expressions (m, v, w) run on data still in
// the L1 cache, i.e. one pass over memory instead of one per expression; the
// chunks of a large tensor are shared among the core's threads. Every
// entry is computed alone, so the result is the same on any number of threads.
constexpr Eigen::Index kChunk = 1024;

template <typename F> void forEachChunk(Eigen::Index n, const F& f)
{
    // Ranges of whole chunks, one per thread for a large tensor.
    const Eigen::Index chunks = (n + kChunk - 1) / kChunk;
    forEachRange(chunks, kParallelEntries / kChunk, [&](Eigen::Index first, Eigen::Index count) {
        const Eigen::Index end = std::min(n, (first + count) * kChunk);
        for (Eigen::Index at = first * kChunk; at < end; at += kChunk)
            f(at, std::min(kChunk, end - at));
    });
}
} // namespace

bool Optimizer::step(const std::vector<Parameter>& params)
{
    // Each tensor's squared norm on its own (large models: tensors shared
    // among the threads), then their sum in a fixed order.
    std::vector<double> squares(params.size());
    Eigen::Index entries = 0;
    for (const auto& p : params)
        entries += p.grad->size();
    const auto squareOf = [&](std::ptrdiff_t i) { squares[std::size_t(i)] = double(params[std::size_t(i)].grad->squaredNorm()); };
    if (entries >= kParallelEntries)
        forEachPart(std::ptrdiff_t(params.size()), squareOf);
    else
        for (std::size_t i = 0; i < params.size(); ++i)
            squareOf(std::ptrdiff_t(i));
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
    for (std::size_t i = 0; i < params.size(); ++i) {
        // v = mu v + s g;  w -= lr v
        Scalar* w = params[i].value->data();
        const Scalar* g = params[i].grad->data();
        Scalar* v = m_velocity[i].data();
        forEachChunk(params[i].value->size(), [&](Eigen::Index at, Eigen::Index len) {
            ArrayMap V(v + at, len), W(w + at, len);
            V = mu * V + gradScale * ConstArrayMap(g + at, len);
            W -= lr * V;
        });
    }
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
    for (std::size_t i = 0; i < params.size(); ++i) {
        Scalar* w = params[i].value->data();
        const Scalar* grad = params[i].grad->data();
        Scalar* m = m_m[i].data();
        Scalar* v = m_v[i].data();
        forEachChunk(params[i].value->size(), [&](Eigen::Index at, Eigen::Index len) {
            ArrayMap M(m + at, len), V(v + at, len), W(w + at, len);
            const auto g = gradScale * ConstArrayMap(grad + at, len);
            M = sb1 * M + oneMinusB1 * g;
            V = sb2 * V + oneMinusB2 * g.square();
            W -= stepSize * M / (V.sqrt() * invSqrtC2 + eps);
        });
    }
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
