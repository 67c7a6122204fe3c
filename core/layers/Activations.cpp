#include "layers/Activations.h"

#include "math/Error.h"
#include "layers/SampleChain.h"
#include "math/Parallel.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace aelab {

Matrix sigmoid(const Matrix& x)
{
    // 1/(1+e^-x) for x >= 0 and e^x/(1+e^x) for x < 0: neither overflows.
    // With e = exp(-|x|) (vectorised, one exp per entry) both read
    // (x >= 0 ? 1 : e) / (1 + e).
    const Eigen::Array<Scalar, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor> e = (-x.array().abs()).exp();
    Matrix s(x.rows(), x.cols());
    s.array() = (x.array() >= Scalar(0)).select(Scalar(1) / (Scalar(1) + e), e / (Scalar(1) + e));
    return s;
}

// ---- sample by sample ----------------------------------------------------------

void ElementwiseSamples::forwardSample(Eigen::Index b, const Scalar* in, Scalar* out)
{
    const Eigen::Index n = m_kept.cols();
    apply(ConstRow(in, n), Row(out, n));
    std::copy_n(keepsInput() ? in : out, n, m_kept.data() + b * n);
}

void ElementwiseSamples::beginBackward(Eigen::Index batch)
{
    if (batch != m_kept.rows())
        fail(ErrorKind::InvalidArgument, "activation backward: the gradient does not match the last forward batch");
}

void ElementwiseSamples::backwardSample(int, Eigen::Index b, const Scalar* dOut, Scalar* dIn)
{
    const Eigen::Index n = m_kept.cols();
    if (dIn)
        derive(ConstRow(m_kept.data() + b * n, n), ConstRow(dOut, n), Row(dIn, n));
}

void Identity::forwardSample(Eigen::Index, const Scalar* in, Scalar* out) { std::copy_n(in, m_width, out); }

void Identity::backwardSample(int, Eigen::Index, const Scalar* dOut, Scalar* dIn)
{
    if (dIn)
        std::copy_n(dOut, m_width, dIn);
}

void Sigmoid::apply(ConstRow in, Row out) const
{
    // As sigmoid() below: (x >= 0 ? 1 : e) / (1 + e) with e = exp(-|x|).
    const Eigen::Array<Scalar, 1, Eigen::Dynamic> e = (-in.abs()).exp();
    out = (in >= Scalar(0)).select(Scalar(1) / (Scalar(1) + e), e / (Scalar(1) + e));
}

// ---- batch passes ------------------------------------------------------------------

Matrix ReLU::forward(const Matrix& x)
{
    m_kept.resize(x.rows(), x.cols());
    Matrix y(x.rows(), x.cols());
    forEachRowRange(x.rows(), x.cols(), [&](Eigen::Index r, Eigen::Index n) {
        m_kept.middleRows(r, n) = x.middleRows(r, n);
        y.middleRows(r, n) = x.middleRows(r, n).cwiseMax(Scalar(0));
    });
    return y;
}

Matrix ReLU::forwardOwned(Matrix&& x)
{
    m_kept = std::move(x);
    Matrix y(m_kept.rows(), m_kept.cols());
    forEachRowRange(y.rows(), y.cols(), [&](Eigen::Index r, Eigen::Index n) {
        y.middleRows(r, n) = m_kept.middleRows(r, n).cwiseMax(Scalar(0));
    });
    return y;
}

Matrix ReLU::backward(const Matrix& dy)
{
    Matrix dx(dy.rows(), dy.cols());
    forEachRowRange(dy.rows(), dy.cols(), [&](Eigen::Index r, Eigen::Index n) {
        dx.middleRows(r, n) = (m_kept.middleRows(r, n).array() > Scalar(0)).select(dy.middleRows(r, n), Scalar(0));
    });
    return dx;
}

std::unique_ptr<Layer> ReLU::clone() const { return std::make_unique<ReLU>(*this); }

Matrix LeakyReLU::forward(const Matrix& x)
{
    m_kept = x;
    return (x.array() > Scalar(0)).select(x, m_slope * x);
}

Matrix LeakyReLU::backward(const Matrix& dy)
{
    return (m_kept.array() > Scalar(0)).select(dy, m_slope * dy);
}

std::string LeakyReLU::describe() const { return "LeakyReLU(" + std::to_string(m_slope) + ")"; }

std::string LeakyReLU::torchModule() const
{
    char slope[32];
    std::snprintf(slope, sizeof slope, "%.9g", double(m_slope));
    return std::string("nn.LeakyReLU(") + slope + ")";
}

std::unique_ptr<Layer> LeakyReLU::clone() const { return std::make_unique<LeakyReLU>(*this); }

// Sigmoid and Tanh go row by row as in a chain (SampleChain.h), so a batch
// gets the very numbers a chain gives (Eigen's vectorised exp and tanh round
// the last values of a row otherwise than those of a longer run).
Matrix Sigmoid::forward(const Matrix& x) { return chainForward({this}, x); }

Matrix Sigmoid::backward(const Matrix& dy) { return chainBackward({this}, dy); }

std::unique_ptr<Layer> Sigmoid::clone() const { return std::make_unique<Sigmoid>(*this); }

Matrix Tanh::forward(const Matrix& x) { return chainForward({this}, x); }

Matrix Tanh::backward(const Matrix& dy) { return chainBackward({this}, dy); }

std::unique_ptr<Layer> Tanh::clone() const { return std::make_unique<Tanh>(*this); }

std::unique_ptr<Layer> Identity::clone() const { return std::make_unique<Identity>(*this); }

const std::vector<std::string>& activationNames()
{
    static const std::vector<std::string> names{"relu", "leaky-relu", "sigmoid", "tanh", "linear"};
    return names;
}

std::unique_ptr<Layer> makeActivation(const std::string& name)
{
    if (name == "relu")
        return std::make_unique<ReLU>();
    if (name == "leaky-relu")
        return std::make_unique<LeakyReLU>(0.01);
    if (name == "sigmoid")
        return std::make_unique<Sigmoid>();
    if (name == "tanh")
        return std::make_unique<Tanh>();
    if (name == "linear")
        return std::make_unique<Identity>();
    fail(ErrorKind::InvalidArgument, "unknown activation '" + name
         + "' (choose relu, leaky-relu, sigmoid, tanh or linear)");
}

} // namespace aelab
