#include "explore/Subspace.h"

#include "math/Error.h"
#include "math/Pca.h"

#include <Eigen/SVD>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace aelab {

std::vector<double> principalAnglesDegrees(const Matrix& a, const Matrix& b)
{
    if (a.rows() != b.rows() || a.cols() != b.cols() || a.cols() < 1)
        fail(ErrorKind::InvalidArgument, "principal angles need two bases of the same shape");
    // Cosines alone lose small angles (acos is flat at 1: a float cosine
    // gives 0.02 degrees for a shared direction); the sines come from what
    // is left of B outside A's span (Bjorck & Golub 1973), in double.
    const Eigen::MatrixXd A = a.cast<double>(), B = b.cast<double>();
    const Eigen::MatrixXd overlap = A.transpose() * B;
    const Eigen::VectorXd cosines = Eigen::JacobiSVD<Eigen::MatrixXd>(overlap).singularValues();   // falling
    const Eigen::VectorXd sines = Eigen::JacobiSVD<Eigen::MatrixXd>(B - A * overlap).singularValues();   // falling
    std::vector<double> angles;
    const Eigen::Index k = cosines.size();
    for (Eigen::Index i = 0; i < k; ++i)   // the largest cosine pairs with the smallest sine
        angles.push_back(std::atan2(std::max(0.0, sines(k - 1 - i)), std::max(0.0, cosines(i))) * 180.0
                         / std::numbers::pi);
    std::sort(angles.begin(), angles.end());
    return angles;
}

SubspaceComparison reconstructionSubspace(const Matrix& x, const Matrix& reconstructions, int k)
{
    if (x.rows() != reconstructions.rows() || x.cols() != reconstructions.cols())
        fail(ErrorKind::InvalidArgument, "the reconstructions do not match the data's shape");
    if (k < 1 || k >= x.cols())
        fail(ErrorKind::InvalidArgument, "a subspace comparison needs 1 <= k < the data's width");
    SubspaceComparison result;
    result.k = k;
    result.anglesDegrees = principalAnglesDegrees(fitPca(reconstructions, k).components, fitPca(x, k).components);
    return result;
}

} // namespace aelab
