#include "layers/Dense.h"

#include "layers/ParameterBudget.h"
#include "math/Error.h"

#include <cmath>

namespace aelab {

void initXavier(Matrix& w, int fanIn, int fanOut, Rng& rng)
{
    const double limit = std::sqrt(6.0 / double(fanIn + fanOut));
    w = rng.uniformMatrix(w.rows(), w.cols(), -limit, limit);
}

void initHe(Matrix& w, int fanIn, Rng& rng)
{
    w = rng.normalMatrix(w.rows(), w.cols(), 0.0, std::sqrt(2.0 / double(fanIn)));
}

namespace {
int checkedWidth(int n, int in, int out)
{
    if (in < 1 || out < 1)
        fail(ErrorKind::InvalidArgument, "a dense layer needs at least one input and one output");
    ParameterBudget::claim(std::int64_t(in) * out + out);
    return n;
}
} // namespace

Dense::Dense(int in, int out, Rng& rng, Init init)
    : m_weight(checkedWidth(out, in, out), in), m_weightGrad(Matrix::Zero(out, in)),
      m_bias(Matrix::Zero(1, out)), m_biasGrad(Matrix::Zero(1, out))
{
    if (init == Init::He)
        initHe(m_weight, in, rng);
    else
        initXavier(m_weight, in, out, rng);
}

Matrix Dense::forward(const Matrix& x)
{
    m_input = x;
    Matrix y(x.rows(), m_weight.rows());
    y.noalias() = x * m_weight.transpose();
    y.rowwise() += m_bias.row(0);
    return y;
}

Matrix Dense::backward(const Matrix& dy)
{
    m_weightGrad.noalias() += dy.transpose() * m_input;   // dW = dY^T X
    m_biasGrad += dy.colwise().sum();                      // db = 1^T dY
    if (!m_inputGradient)
        return {};
    Matrix dx(dy.rows(), m_weight.cols());
    dx.noalias() = dy * m_weight;                          // dX = dY W
    return dx;
}

void Dense::setInputGradient(bool needed) { m_inputGradient = needed; }

bool Dense::inputGradient() const { return m_inputGradient; }

std::vector<Parameter> Dense::parameters()
{
    return {{"weight", &m_weight, &m_weightGrad}, {"bias", &m_bias, &m_biasGrad}};
}

std::string Dense::describe() const
{
    return "Dense(" + std::to_string(inputs()) + " -> " + std::to_string(outputs()) + ")";
}

std::unique_ptr<Layer> Dense::clone() const { return std::make_unique<Dense>(*this); }

} // namespace aelab
