#include "layers/Dense.h"

#include "layers/ParameterBudget.h"
#include "math/Error.h"
#include "math/Parallel.h"

#include <algorithm>
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
// Products smaller than this run on one thread.
constexpr double kParallelFlops = 4e6;

// Each of a dense layer's three products: 2 * batch * in * out.
double productFlops(Eigen::Index batch, const Matrix& weight) { return 2.0 * double(batch) * double(weight.size()); }

// Runs f(begin, count) over [0, n) in parts (multiples of 16 columns), one
// part per thread of the core's pool (math/Parallel.h) when the product is
// large enough to pay for the threads. Each part is an independent
// single-threaded Eigen product; the parts meet once, at the end.
template <typename F> void inParts(Eigen::Index n, double flops, const F& f)
{
    const int threads = flops >= kParallelFlops ? threadCount() : 1;
    const Eigen::Index parts = std::min<Eigen::Index>(threads, n / 16);
    if (parts <= 1) {
        f(0, n);
        return;
    }
    const Eigen::Index size = ((n + parts - 1) / parts + 15) / 16 * 16;
    forEachPart(parts, [&](Eigen::Index p) {
        const Eigen::Index begin = p * size;
        if (begin < n)
            f(begin, std::min(size, n - begin));
    });
}

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
    m_input.resize(x.rows(), x.cols());
    forEachRowRange(x.rows(), x.cols(), [&](Eigen::Index r, Eigen::Index n) { m_input.middleRows(r, n) = x.middleRows(r, n); });
    return affine();
}

Matrix Dense::forwardOwned(Matrix&& x)
{
    m_input = std::move(x);
    return affine();
}

Matrix Dense::affine() const
{
    const Matrix& x = m_input;
    Matrix y(x.rows(), m_weight.rows());
    // Y = X W^T + b, by blocks of output columns: Y[:, j] = X W[j, :]^T + b[j]
    inParts(y.cols(), productFlops(x.rows(), m_weight), [&](Eigen::Index j, Eigen::Index n) {
        y.middleCols(j, n).noalias() = x * m_weight.middleRows(j, n).transpose();
        y.middleCols(j, n).rowwise() += m_bias.row(0).segment(j, n);
    });
    return y;
}

Matrix Dense::backward(const Matrix& dy)
{
    const double flops = productFlops(dy.rows(), m_weight);
    // dW = dY^T X and db = 1^T dY, by blocks of outputs (rows of W)
    const auto weightGradient = [&](Eigen::Index j, Eigen::Index n) {
        m_weightGrad.middleRows(j, n).noalias() += dy.middleCols(j, n).transpose() * m_input;
        m_biasGrad.middleCols(j, n) += dy.middleCols(j, n).colwise().sum();
    };
    if (!m_inputGradient) {
        inParts(m_weight.rows(), flops, weightGradient);
        return {};
    }
    // dX = dY W, by blocks of inputs (columns of W)
    Matrix dx(dy.rows(), m_weight.cols());
    const auto inputGradient = [&](Eigen::Index j, Eigen::Index n) {
        dx.middleCols(j, n).noalias() = dy * m_weight.middleCols(j, n);
    };
    // dW and dX cost the same and do not depend on each other: on two
    // threads each computes one whole product, which is faster than both
    // halving each product (no second packing of the shared operand, one
    // meeting instead of two).
    if (flops >= kParallelFlops && threadCount() == 2) {
        forEachPart(2, [&](Eigen::Index task) {
            if (task == 0)
                weightGradient(0, m_weight.rows());
            else
                inputGradient(0, dx.cols());
        });
        return dx;
    }
    inParts(m_weight.rows(), flops, weightGradient);
    inParts(dx.cols(), flops, inputGradient);
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

std::string Dense::torchModule() const
{
    return "nn.Linear(" + std::to_string(inputs()) + ", " + std::to_string(outputs()) + ")";
}

std::unique_ptr<Layer> Dense::clone() const { return std::make_unique<Dense>(*this); }

} // namespace aelab
