#include "losses/Likelihoods.h"

#include "layers/Activations.h"
#include "math/Error.h"

#include <cmath>
#include <numbers>

namespace aelab {

namespace {

// Below this |z| the closed forms cancel (z / tanh(z / 2), 1/z - 1/sinh z,
// sigmoid(z) / tanh(z / 2) - 1/z): their Taylor series instead, whose next
// terms are below 1e-9 there.
constexpr double kSmallLogit = 1e-2;

double logNormalizer(double z)
{
    if (std::abs(z) < kSmallLogit)
        return std::log(2.0) + z * z / 12.0;   // log(2 + z^2/6 - ...) = log 2 + z^2/12 + O(z^4)
    return std::log(z / std::tanh(z / 2));
}

double logNormalizerSlope(double z)
{
    if (std::abs(z) < kSmallLogit)
        return z / 6.0;                         // 1/z - 1/sinh z = z/6 - 7 z^3/360 + ...
    if (std::abs(z) > 40)
        return 1.0 / z;                         // 1/sinh z underflows to nothing
    return 1.0 / z - 1.0 / std::sinh(z);
}

double bce(double z, double t) { return std::max(z, 0.0) - z * t + std::log1p(std::exp(-std::abs(z))); }

double sigmoidOf(double z) { return z >= 0 ? 1.0 / (1.0 + std::exp(-z)) : std::exp(z) / (1.0 + std::exp(z)); }

void checkShapes(const Matrix& a, const Matrix& b, const char* what)
{
    if (a.rows() != b.rows() || a.cols() != b.cols())
        fail(ErrorKind::InvalidArgument, std::string(what) + ": the output and the target differ in shape");
}

} // namespace

Matrix continuousBernoulliLogNormalizer(const Matrix& logits)
{
    return logits.unaryExpr([](Scalar z) { return Scalar(logNormalizer(double(z))); });
}

Matrix continuousBernoulliMean(const Matrix& logits)
{
    return logits.unaryExpr([](Scalar zs) {
        const double z = double(zs);
        if (std::abs(z) < kSmallLogit)
            return Scalar(0.5 + z / 12.0);      // 1/2 + z/12 - z^3/720 + ...
        return Scalar(sigmoidOf(z) / std::tanh(z / 2) - 1.0 / z);
    });
}

Eigen::VectorXd continuousBernoulliNllRows(const Matrix& logits, const Matrix& target)
{
    checkShapes(logits, target, "continuous Bernoulli");
    Eigen::VectorXd rows = Eigen::VectorXd::Zero(logits.rows());
    for (Eigen::Index i = 0; i < logits.rows(); ++i)
        for (Eigen::Index j = 0; j < logits.cols(); ++j) {
            const double z = double(logits(i, j));
            rows(i) += bce(z, double(target(i, j))) - logNormalizer(z);
        }
    return rows;
}

LossValue continuousBernoulliNll(const Matrix& logits, const Matrix& target)
{
    const Eigen::VectorXd rows = continuousBernoulliNllRows(logits, target);
    const double batch = double(logits.rows());
    LossValue out;
    out.value = rows.sum() / batch;
    out.grad.resize(logits.rows(), logits.cols());
    for (Eigen::Index i = 0; i < logits.rows(); ++i)
        for (Eigen::Index j = 0; j < logits.cols(); ++j) {
            const double z = double(logits(i, j));
            out.grad(i, j) = Scalar((sigmoidOf(z) - double(target(i, j)) - logNormalizerSlope(z)) / batch);
        }
    return out;
}

Eigen::VectorXd gaussianNllRows(const Matrix& mean, const Matrix& target, double sigma)
{
    checkShapes(mean, target, "Gaussian");
    if (!(sigma > 0))
        fail(ErrorKind::InvalidArgument, "the Gaussian decoder's sigma must be positive");
    const double constant = 0.5 * std::log(2 * std::numbers::pi * sigma * sigma) * double(mean.cols());
    const Eigen::VectorXd squares = (mean - target).cast<double>().rowwise().squaredNorm();
    return (squares.array() / (2 * sigma * sigma) + constant).matrix();
}

LossValue gaussianNll(const Matrix& mean, const Matrix& target, double sigma)
{
    const double batch = double(mean.rows());
    LossValue out;
    out.value = gaussianNllRows(mean, target, sigma).sum() / batch;
    out.grad = (mean - target) * Scalar(1.0 / (sigma * sigma * batch));
    return out;
}

} // namespace aelab
