#include "math/FiniteRows.h"

#include <limits>
#include <vector>

namespace aelab {

Matrix finiteRows(const Matrix& x)
{
    std::vector<Eigen::Index> keep;
    for (Eigen::Index i = 0; i < x.rows(); ++i)
        if (x.row(i).allFinite())
            keep.push_back(i);
    if (Eigen::Index(keep.size()) == x.rows())
        return x;
    return x(keep, Eigen::all);
}

int blankNonFiniteRows(Matrix& x)
{
    int blanked = 0;
    for (Eigen::Index i = 0; i < x.rows(); ++i)
        if (!x.row(i).allFinite()) {
            x.row(i).setConstant(std::numeric_limits<Scalar>::quiet_NaN());
            ++blanked;
        }
    return blanked;
}

} // namespace aelab
