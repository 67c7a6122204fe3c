#include "losses/Bce.h"

#include "layers/Activations.h"
#include "math/Parallel.h"

#include <cmath>

namespace aelab {

namespace {
using Array = Eigen::Array<Scalar, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
} // namespace

LossValue bceWithLogitsLoss(const Matrix& logits, const Matrix& target)
{
    // e = exp(-|z|) serves both the loss and the gradient (one exp per entry):
    //   l = max(z, 0) - z t + log1p(e),   sigmoid(z) = (z >= 0 ? 1 : e) / (1 + e)
    // Rows are independent: large batches are shared among the core's threads,
    // each summing its own rows' losses.
    const Eigen::Index rows = logits.rows();
    const Scalar batch = Scalar(rows);
    LossValue out;
    out.grad.resize(rows, logits.cols());
    Eigen::Matrix<double, Eigen::Dynamic, 1> rowLoss(rows);
    forEachRowRange(rows, logits.cols(), [&](Eigen::Index r, Eigen::Index n) {
        const auto z = logits.middleRows(r, n).array();
        const Array e = (-z.abs()).exp();
        rowLoss.segment(r, n) = (z.max(Scalar(0)) - z * target.middleRows(r, n).array() + e.log1p())
                                    .rowwise().sum().template cast<double>();
        const Array inverse = (Scalar(1) + e).inverse();   // one division per entry
        out.grad.middleRows(r, n).array() = ((z >= Scalar(0)).select(inverse, e * inverse)
                                             - target.middleRows(r, n).array()) / batch;
    });
    out.value = rowLoss.sum() / double(rows);
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
