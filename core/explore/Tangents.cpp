#include "explore/Tangents.h"

#include "math/Error.h"
#include "train/Evaluate.h"

#include <Eigen/SVD>

#include <algorithm>

namespace aelab {

Matrix encoderJacobian(Autoencoder& model, const RowVector& x, double eps)
{
    const Eigen::Index d = x.size();
    if (d != model.context().inputDim)
        fail(ErrorKind::InvalidArgument, "the point has " + std::to_string(d) + " features, the model takes "
             + std::to_string(model.context().inputDim));
    if (!(eps > 0))
        fail(ErrorKind::InvalidArgument, "the difference step must be positive");
    // Rows 2i and 2i + 1: x + eps e_i and x - eps e_i.
    Matrix shifted = x.replicate(2 * d, 1);
    for (Eigen::Index i = 0; i < d; ++i) {
        shifted(2 * i, i) += Scalar(eps);
        shifted(2 * i + 1, i) -= Scalar(eps);
    }
    const Matrix h = encodeSet(model, shifted, 512);   // (2d, latent)
    Matrix jac(h.cols(), d);
    for (Eigen::Index i = 0; i < d; ++i)
        jac.col(i) = ((h.row(2 * i) - h.row(2 * i + 1)) / Scalar(2 * eps)).transpose();
    return jac;
}

TangentSpace tangentSpace(const Matrix& jacobian, int k)
{
    if (jacobian.size() == 0)
        fail(ErrorKind::InvalidArgument, "an empty Jacobian has no tangent space");
    const Eigen::MatrixXd j = jacobian.cast<double>();
    Eigen::JacobiSVD<Eigen::MatrixXd> svd(j, Eigen::ComputeThinV);
    TangentSpace t;
    const Eigen::VectorXd& s = svd.singularValues();
    t.singularValues.assign(s.data(), s.data() + s.size());
    const int keep = std::clamp(k, 0, int(s.size()));
    t.directions = svd.matrixV().leftCols(keep).transpose().cast<Scalar>();
    return t;
}

Matrix signedToUnit(const Matrix& rows)
{
    Matrix out(rows.rows(), rows.cols());
    for (Eigen::Index r = 0; r < rows.rows(); ++r) {
        const Scalar m = rows.row(r).cwiseAbs().maxCoeff();
        out.row(r) = m > 0 ? RowVector((rows.row(r).array() / m * Scalar(0.5) + Scalar(0.5)).matrix())
                           : RowVector(RowVector::Constant(rows.cols(), Scalar(0.5)));
    }
    return out;
}

} // namespace aelab
