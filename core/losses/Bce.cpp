#include "losses/Bce.h"

#include "layers/Activations.h"

#include <cmath>

namespace aelab {

namespace {
using Array = Eigen::Array<Scalar, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
} // namespace

LossValue bceWithLogitsLoss(const Matrix& logits, const Matrix& target)
{
    // e = exp(-|z|) serves both the loss and the gradient (one exp per entry):
    //   l = max(z, 0) - z t + log1p(e),   sigmoid(z) = (z >= 0 ? 1 : e) / (1 + e)
    const double batch = double(logits.rows());
    const auto z = logits.array();
    const Array e = (-z.abs()).exp();
    LossValue out;
    out.value = double((z.max(Scalar(0)) - z * target.array() + e.log1p()).sum()) / batch;
    out.grad.resize(logits.rows(), logits.cols());
    out.grad.array() = ((z >= Scalar(0)).select(Scalar(1) / (Scalar(1) + e), e / (Scalar(1) + e))
                        - target.array()) / Scalar(batch);
    return out;
}

LossValue maskedBceWithLogitsLoss(const Matrix& logits, const Matrix& target, const Matrix& mask)
{
    const double batch = double(logits.rows());
    const auto a = logits.array();
    const auto perEntry = a.max(Scalar(0)) - a * target.array() + (-a.abs()).exp().log1p();
    LossValue out;
    out.value = double((perEntry * mask.array()).sum()) / batch;
    out.grad = ((sigmoid(logits) - target).array() * mask.array()).matrix() / Scalar(batch);
    return out;
}

} // namespace aelab
