#include "losses/SoftmaxCrossEntropy.h"

#include "math/Error.h"

#include <cmath>

namespace aelab {

Matrix softmax(const Matrix& logits)
{
    Matrix p = logits.colwise() - logits.rowwise().maxCoeff();
    p = p.array().exp().matrix();
    p.array().colwise() /= p.rowwise().sum().array();
    return p;
}

LossValue softmaxCrossEntropyLoss(const Matrix& logits, const std::vector<int>& labels)
{
    const Eigen::Index n = logits.rows(), classes = logits.cols();
    if (Eigen::Index(labels.size()) != n)
        fail(ErrorKind::InvalidArgument, "softmax cross-entropy: " + std::to_string(n) + " rows of logits for "
             + std::to_string(labels.size()) + " labels");
    LossValue out;
    out.grad = softmax(logits);   // p, then p - onehot(y), then / n
    double sum = 0;
    for (Eigen::Index i = 0; i < n; ++i) {
        const int y = labels[std::size_t(i)];
        if (y < 0 || y >= classes)
            fail(ErrorKind::InvalidArgument, "softmax cross-entropy: label " + std::to_string(y)
                 + " is outside [0, " + std::to_string(classes) + ")");
        // -log p_y = logsumexp(z) - z_y, computed from the logits (not from p,
        // whose p_y may underflow to 0).
        const double top = double(logits.row(i).maxCoeff());
        const double lse = top + std::log(double((logits.row(i).array() - Scalar(top)).exp().sum()));
        sum += lse - double(logits(i, y));
        out.grad(i, y) -= 1;
    }
    if (n > 0) {
        out.value = sum / double(n);
        out.grad /= Scalar(n);
    }
    return out;
}

std::vector<int> argmaxRows(const Matrix& scores)
{
    std::vector<int> best(std::size_t(scores.rows()), -1);
    for (Eigen::Index i = 0; i < scores.rows(); ++i) {
        Eigen::Index at = 0;
        if (scores.cols() > 0) {
            scores.row(i).maxCoeff(&at);
            best[std::size_t(i)] = int(at);
        }
    }
    return best;
}

} // namespace aelab
