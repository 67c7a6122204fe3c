#include "experiment/LogisticRegression.h"

#include "losses/SoftmaxCrossEntropy.h"
#include "math/Error.h"
#include "math/Parallel.h"
#include "train/Control.h"

#include <cmath>
#include <deque>

namespace aelab {

namespace {

// Rows per block of the objective: fixed, so the blocks' sums are added in
// the same order on any number of threads (the same weights everywhere).
constexpr Eigen::Index kBlockRows = 2048;

struct BlockPart {
    double loss = 0;   // summed over the block's rows
    Matrix gradWeight;
    Matrix gradBias;
};

} // namespace

double logisticObjective(const Matrix& x, const std::vector<int>& y, const Matrix& weight, const Matrix& bias,
                         double l2, Matrix* gradWeight, Matrix* gradBias)
{
    const Eigen::Index n = x.rows();
    if (Eigen::Index(y.size()) != n || n == 0)
        fail(ErrorKind::InvalidArgument, "logistic regression: " + std::to_string(n) + " samples for "
             + std::to_string(y.size()) + " labels");
    const bool grads = gradWeight || gradBias;
    const Eigen::Index blocks = (n + kBlockRows - 1) / kBlockRows;
    std::vector<BlockPart> parts(static_cast<std::size_t>(blocks));
    forEachPart(blocks, [&](std::ptrdiff_t b) {
        const Eigen::Index begin = b * kBlockRows, rows = std::min(kBlockRows, n - begin);
        Matrix logits(rows, weight.rows());
        logits.noalias() = x.middleRows(begin, rows) * weight.transpose();
        logits.rowwise() += bias.row(0);
        const std::vector<int> labels(y.begin() + begin, y.begin() + begin + rows);
        const LossValue ce = softmaxCrossEntropyLoss(logits, labels);   // mean over the block
        BlockPart& part = parts[std::size_t(b)];
        part.loss = ce.value * double(rows);
        if (grads) {
            // ce.grad is (P - Y) / rows: back to a sum over the block's rows.
            const Matrix delta = ce.grad * Scalar(rows);
            part.gradWeight.noalias() = delta.transpose() * x.middleRows(begin, rows);
            part.gradBias = delta.colwise().sum();
        }
    });
    double loss = 0;
    for (const BlockPart& p : parts)
        loss += p.loss;
    const double penalty = 0.5 * l2 * double(weight.cast<double>().squaredNorm());
    if (grads) {
        Matrix gw = Matrix::Zero(weight.rows(), weight.cols());
        Matrix gb = Matrix::Zero(1, weight.rows());
        for (const BlockPart& p : parts) {
            gw += p.gradWeight;
            gb += p.gradBias;
        }
        if (gradWeight)
            *gradWeight = gw / Scalar(n) + Scalar(l2) * weight;
        if (gradBias)
            *gradBias = gb / Scalar(n);
    }
    return loss / double(n) + penalty;
}

namespace {

// The parameters as one vector for L-BFGS: W row by row, then b.
Eigen::VectorXd pack(const Matrix& w, const Matrix& b)
{
    Eigen::VectorXd v(w.size() + b.size());
    v.head(w.size()) = Eigen::Map<const Eigen::Matrix<Scalar, Eigen::Dynamic, 1>>(w.data(), w.size()).cast<double>();
    v.tail(b.size()) = Eigen::Map<const Eigen::Matrix<Scalar, Eigen::Dynamic, 1>>(b.data(), b.size()).cast<double>();
    return v;
}

void unpack(const Eigen::VectorXd& v, Matrix& w, Matrix& b)
{
    Eigen::Map<Eigen::Matrix<Scalar, Eigen::Dynamic, 1>>(w.data(), w.size()) = v.head(w.size()).cast<Scalar>();
    Eigen::Map<Eigen::Matrix<Scalar, Eigen::Dynamic, 1>>(b.data(), b.size()) = v.tail(b.size()).cast<Scalar>();
}

} // namespace

LogisticRegression LogisticRegression::fit(const Matrix& x, const std::vector<int>& y, int classes,
                                           const LogisticOptions& options, const TrainControl* control)
{
    if (classes < 2)
        fail(ErrorKind::InvalidArgument, "logistic regression needs at least 2 classes");
    if (options.iterations < 0 || options.memory < 1 || options.l2 < 0)
        fail(ErrorKind::InvalidArgument, "logistic regression: iterations >= 0, memory >= 1 and l2 >= 0 are needed");
    LogisticRegression model;
    model.m_weight = Matrix::Zero(classes, x.cols());
    model.m_bias = Matrix::Zero(1, classes);
    Matrix gw, gb;
    auto evaluate = [&](const Eigen::VectorXd& theta, Eigen::VectorXd& grad) {
        unpack(theta, model.m_weight, model.m_bias);
        const double f = logisticObjective(x, y, model.m_weight, model.m_bias, options.l2, &gw, &gb);
        grad = pack(gw, gb);
        return f;
    };

    // L-BFGS (Nocedal & Wright, Algorithm 7.4) with a backtracking (Armijo)
    // line search; a pair with s.y <= 0 is not kept (the objective is convex,
    // so that happens only through rounding).
    Eigen::VectorXd theta = pack(model.m_weight, model.m_bias), grad;
    double f = evaluate(theta, grad);
    std::deque<Eigen::VectorXd> ss, ys;
    std::deque<double> rhos;
    int it = 0;
    for (; it < options.iterations; ++it) {
        if (grad.cwiseAbs().maxCoeff() < options.gradientTolerance)
            break;
        if (control && control->stopRequested())
            break;
        // Two-loop recursion: d = -H g.
        Eigen::VectorXd q = grad;
        std::vector<double> alpha(ss.size());
        for (int i = int(ss.size()) - 1; i >= 0; --i) {
            alpha[std::size_t(i)] = rhos[std::size_t(i)] * ss[std::size_t(i)].dot(q);
            q -= alpha[std::size_t(i)] * ys[std::size_t(i)];
        }
        const double gamma = ss.empty() ? 1.0 / std::max(1.0, grad.norm())
                                        : ss.back().dot(ys.back()) / ys.back().squaredNorm();
        Eigen::VectorXd d = gamma * q;
        for (std::size_t i = 0; i < ss.size(); ++i) {
            const double beta = rhos[i] * ys[i].dot(d);
            d += ss[i] * (alpha[i] - beta);
        }
        d = -d;
        double slope = grad.dot(d);
        if (!(slope < 0)) {   // not a descent direction (rounding): start again from the gradient
            ss.clear(), ys.clear(), rhos.clear();
            d = -grad / std::max(1.0, grad.norm());
            slope = grad.dot(d);
        }
        double step = 1;
        Eigen::VectorXd next, nextGrad;
        double nextF = 0;
        bool accepted = false;
        for (int tries = 0; tries < 30; ++tries, step *= 0.5) {
            next = theta + step * d;
            nextF = evaluate(next, nextGrad);
            if (std::isfinite(nextF) && nextF <= f + 1e-4 * step * slope) {
                accepted = true;
                break;
            }
        }
        if (!accepted)
            break;   // no decrease left to find at this precision
        const Eigen::VectorXd s = next - theta, yv = nextGrad - grad;
        const double sy = s.dot(yv);
        if (sy > 1e-12) {
            ss.push_back(s), ys.push_back(yv), rhos.push_back(1.0 / sy);
            if (int(ss.size()) > options.memory)
                ss.pop_front(), ys.pop_front(), rhos.pop_front();
        }
        theta = next, grad = nextGrad, f = nextF;
    }
    unpack(theta, model.m_weight, model.m_bias);
    model.m_iterations = it;
    model.m_objective = f;
    return model;
}

Matrix LogisticRegression::logits(const Matrix& x) const
{
    Matrix z(x.rows(), m_weight.rows());
    z.noalias() = x * m_weight.transpose();
    z.rowwise() += m_bias.row(0);
    return z;
}

std::vector<int> LogisticRegression::predict(const Matrix& x) const { return argmaxRows(logits(x)); }

} // namespace aelab
