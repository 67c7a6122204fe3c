#include "losses/Bce.h"

#include "layers/Activations.h"

#include <cmath>

namespace aelab {

namespace {
double bceSum(const Matrix& z, const Matrix& t)
{
    const auto a = z.array();
    return double((a.max(Scalar(0)) - a * t.array() + (-a.abs()).exp().log1p()).sum());
}
} // namespace

LossValue bceWithLogitsLoss(const Matrix& logits, const Matrix& target)
{
    const double batch = double(logits.rows());
    LossValue out;
    out.value = bceSum(logits, target) / batch;
    out.grad = (sigmoid(logits) - target) / Scalar(batch);
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
