#include "losses/JacobianPenalty.h"

#include "layers/Activations.h"
#include "layers/Dense.h"
#include "math/Error.h"

#include <algorithm>

namespace aelab {

namespace {

// What one layer's forward pass leaves for the Jacobian computations.
struct Node {
    Dense* dense = nullptr;   // a Dense layer, or else an element-wise activation
    Matrix input;             // a' (Dense) or u (activation), (B, in)
    Matrix tangentIn;         // t' (only with probes)
    Matrix d1, d2;            // f'(u), f''(u) (activations)
};

// f''(u) from y = f(u) for the smooth activations; 0 for the piecewise-linear ones.
Matrix secondDerivative(const Layer& layer, const Matrix& y)
{
    if (dynamic_cast<const Sigmoid*>(&layer))   // s'' = s (1 - s) (1 - 2 s)
        return (y.array() * (Scalar(1) - y.array()) * (Scalar(1) - Scalar(2) * y.array())).matrix();
    if (dynamic_cast<const Tanh*>(&layer))      // tanh'' = -2 tanh (1 - tanh^2)
        return (Scalar(-2) * y.array() * (Scalar(1) - y.array().square())).matrix();
    if (dynamic_cast<const ReLU*>(&layer) || dynamic_cast<const LeakyReLU*>(&layer)
        || dynamic_cast<const Identity*>(&layer))
        return Matrix::Zero(y.rows(), y.cols());
    fail(ErrorKind::Unsupported, "the Jacobian penalty does not support the layer " + layer.describe());
}

// The forward pass, and the tangent pass when `probes` is non-empty.
std::vector<Node> trace(Sequential& net, const Matrix& x, const Matrix& probes, Matrix& tangentOut)
{
    const bool tangent = probes.size() > 0;
    std::vector<Node> nodes(net.size());
    Matrix a = x;
    Matrix t = probes;
    for (std::size_t i = 0; i < net.size(); ++i) {
        Node& n = nodes[i];
        Layer& layer = net.at(i);
        n.input = a;
        if (tangent)
            n.tangentIn = t;
        if (auto* dense = dynamic_cast<Dense*>(&layer)) {
            n.dense = dense;
            const Matrix& w = dense->weight();
            Matrix next(a.rows(), w.rows());
            next.noalias() = a * w.transpose();
            next.rowwise() += dense->bias().row(0);
            a = std::move(next);
            if (tangent) {
                Matrix tn(t.rows(), w.rows());
                tn.noalias() = t * w.transpose();
                t = std::move(tn);
            }
        } else {
            const Matrix y = layer.forward(a);
            n.d1 = layer.backward(Matrix::Ones(a.rows(), a.cols()));   // element-wise: f'(u)
            n.d2 = secondDerivative(layer, y);
            a = y;
            if (tangent)
                t = (n.d1.array() * t.array()).matrix();
        }
    }
    tangentOut = std::move(t);
    return nodes;
}

Parameter findParameter(Dense& dense, const std::string& name)
{
    for (const auto& p : dense.parameters())
        if (p.name == name)
            return p;
    fail(ErrorKind::Unsupported, "a dense layer without a '" + name + "' parameter");
}

} // namespace

JacobianEstimate hutchinsonJacobianPenalty(Sequential& encoder, const Matrix& x, const Matrix& probes,
                                           double gradScale)
{
    if (probes.rows() != x.rows() || probes.cols() != x.cols())
        fail(ErrorKind::InvalidArgument, "Jacobian penalty: one probe per sample, shaped like the input");
    Matrix t;
    std::vector<Node> nodes = trace(encoder, x, probes, t);
    const double batch = double(std::max<Eigen::Index>(1, x.rows()));
    JacobianEstimate out;
    out.value = double(t.cast<double>().squaredNorm()) / batch;
    if (gradScale == 0)
        return out;

    Matrix gt = (Scalar(2 * gradScale / batch) * t).eval();   // d(scale P^)/dt_L
    Matrix ga = Matrix::Zero(t.rows(), t.cols());             // d(scale P^)/da_L
    for (std::size_t k = nodes.size(); k-- > 0;) {
        Node& n = nodes[k];
        if (n.dense) {
            Parameter w = findParameter(*n.dense, "weight");
            Parameter b = findParameter(*n.dense, "bias");
            w.grad->noalias() += gt.transpose() * n.tangentIn;
            w.grad->noalias() += ga.transpose() * n.input;
            *b.grad += ga.colwise().sum();
            if (k == 0)
                break;   // x and v are constants
            Matrix gtPrev(gt.rows(), w.value->cols()), gaPrev(ga.rows(), w.value->cols());
            gtPrev.noalias() = gt * *w.value;
            gaPrev.noalias() = ga * *w.value;
            gt = std::move(gtPrev);
            ga = std::move(gaPrev);
        } else {
            const Matrix gu = (ga.array() * n.d1.array()
                               + gt.array() * n.tangentIn.array() * n.d2.array()).matrix();
            gt = (n.d1.array() * gt.array()).matrix();
            ga = gu;
        }
    }
    return out;
}

Vector jacobianFrobeniusNorms(Sequential& encoder, const Matrix& x)
{
    Matrix unused;
    std::vector<Node> nodes = trace(encoder, x, Matrix(), unused);
    Eigen::Index codes = 0;
    for (auto it = nodes.rbegin(); it != nodes.rend() && codes == 0; ++it)
        if (it->dense)
            codes = it->dense->outputs();
    if (codes == 0)
        fail(ErrorKind::Unsupported, "the encoder has no dense layer");

    Vector squared = Vector::Zero(x.rows());
    for (Eigen::Index j = 0; j < codes; ++j) {
        Matrix g = Matrix::Zero(x.rows(), codes);   // row b: e_j^T, so the result is row j of J_b
        g.col(j).setOnes();
        for (std::size_t k = nodes.size(); k-- > 0;) {
            Node& n = nodes[k];
            if (n.dense) {
                Matrix prev(g.rows(), n.dense->inputs());
                prev.noalias() = g * n.dense->weight();
                g = std::move(prev);
            } else {
                g = (g.array() * n.d1.array()).matrix();
            }
        }
        squared += g.rowwise().squaredNorm();
    }
    return squared.cwiseSqrt();
}

} // namespace aelab
