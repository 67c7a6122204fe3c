#include "losses/Sparsity.h"

#include "math/Error.h"

#include <algorithm>
#include <cmath>

namespace aelab {

LossValue l1Penalty(const Matrix& code)
{
    const double batch = double(code.rows());
    LossValue out;
    out.value = batch > 0 ? double(code.cast<double>().cwiseAbs().sum()) / batch : 0.0;
    out.grad = (code.array().sign() / Scalar(std::max(1.0, batch))).matrix();
    return out;
}

RowVector meanActivation(const Matrix& activations)
{
    if (activations.rows() == 0)
        return RowVector::Zero(activations.cols());
    return (activations.cast<double>().colwise().sum() / double(activations.rows())).cast<Scalar>();
}

LossValue klSparsityPenalty(const Matrix& activations, double rho)
{
    if (!(rho > 0 && rho < 1))
        fail(ErrorKind::InvalidArgument, "the target activation rho must lie strictly between 0 and 1");
    const double batch = double(activations.rows());
    LossValue out;
    out.grad = Matrix::Zero(activations.rows(), activations.cols());
    if (activations.rows() == 0)
        return out;
    constexpr double kFloor = 1e-6;
    const Eigen::RowVectorXd rhoHat = activations.cast<double>().colwise().sum() / batch;
    for (Eigen::Index j = 0; j < activations.cols(); ++j) {
        const double r = std::clamp(rhoHat(j), kFloor, 1.0 - kFloor);
        out.value += rho * std::log(rho / r) + (1 - rho) * std::log((1 - rho) / (1 - r));
        out.grad.col(j).setConstant(Scalar((-rho / r + (1 - rho) / (1 - r)) / batch));
    }
    return out;
}

} // namespace aelab
