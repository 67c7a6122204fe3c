#include "optim/Optimizer.h"

#include "math/Error.h"

#include <cmath>

namespace aelab {

bool Optimizer::step(const std::vector<Parameter>& params)
{
    double squared = 0;
    for (const auto& p : params)
        squared += double(p.grad->squaredNorm());
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
        Matrix& v = m_velocity[i];
        v = mu * v + gradScale * *params[i].grad;
        *params[i].value -= lr * v;
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
    for (std::size_t i = 0; i < params.size(); ++i) {
        auto g = (gradScale * params[i].grad->array());
        auto m = m_m[i].array();
        auto v = m_v[i].array();
        m = sb1 * m + (Scalar(1) - sb1) * g;
        v = sb2 * v + (Scalar(1) - sb2) * g.square();
        params[i].value->array() -= stepSize * m / (v.sqrt() * invSqrtC2 + eps);
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
