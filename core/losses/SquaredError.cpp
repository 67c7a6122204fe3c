#include "losses/SquaredError.h"

namespace aelab {

LossValue squaredErrorLoss(const Matrix& prediction, const Matrix& target)
{
    const double batch = double(prediction.rows());
    LossValue out;
    out.grad = prediction - target;
    out.value = double(out.grad.squaredNorm()) / batch;
    out.grad *= Scalar(2.0 / batch);
    return out;
}

LossValue maskedSquaredErrorLoss(const Matrix& prediction, const Matrix& target, const Matrix& mask)
{
    const double batch = double(prediction.rows());
    LossValue out;
    out.grad = (prediction - target).cwiseProduct(mask);
    out.value = double(out.grad.squaredNorm()) / batch;
    out.grad *= Scalar(2.0 / batch);
    return out;
}

} // namespace aelab
