#include "losses/ContractivePenalty.h"

#include "math/Error.h"

#include <algorithm>

namespace aelab {

ContractiveValue sigmoidContractivePenalty(const Matrix& code, const Matrix& weight)
{
    if (code.cols() != weight.rows())
        fail(ErrorKind::InvalidArgument, "contractive penalty: the code has " + std::to_string(code.cols())
             + " units but the weight matrix has " + std::to_string(weight.rows()) + " rows");
    using Array = Eigen::Array<Scalar, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
    const Scalar batch = Scalar(std::max<Eigen::Index>(1, code.rows()));
    const RowVector w = weight.rowwise().squaredNorm().transpose();     // w_j = sum_i W_ji^2, (1, m)
    const Array s = code.array() * (Scalar(1) - code.array());          // s_bj, (B, m)
    const Array s2 = s.square();

    ContractiveValue out;
    Array weighted = s2;                                                // s_bj^2 w_j
    weighted.rowwise() *= w.array();
    out.norms = weighted.rowwise().sum().sqrt().matrix();              // ||J_b||_F
    out.value = code.rows() ? out.norms.cast<double>().squaredNorm() / double(code.rows()) : 0.0;
    out.meanNorm = code.rows() ? out.norms.cast<double>().mean() : 0.0;
    // dP/dh_bj = (2/B) s_bj (1 - 2 h_bj) w_j
    Array gradCode = (Scalar(2) / batch) * s * (Scalar(1) - Scalar(2) * code.array());
    gradCode.rowwise() *= w.array();
    out.gradCode = gradCode.matrix();
    // direct dP/dW_ji = (2/B) (sum_b s_bj^2) W_ji
    const Vector colSums = s2.colwise().sum().transpose().matrix();
    out.gradWeight = ((Scalar(2) / batch) * colSums).asDiagonal() * weight;
    return out;
}

} // namespace aelab
