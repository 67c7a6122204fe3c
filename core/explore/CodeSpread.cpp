#include "explore/CodeSpread.h"

#include "math/FiniteRows.h"

#include <cmath>

namespace aelab {

CodeSpread codeSpread(const Matrix& codes)
{
    const Matrix finite = finiteRows(codes);
    CodeSpread s;
    s.samples = int(finite.rows());
    s.mean.assign(std::size_t(codes.cols()), 0.0);
    s.stddev.assign(std::size_t(codes.cols()), 0.0);
    if (finite.rows() == 0)
        return s;
    for (Eigen::Index j = 0; j < finite.cols(); ++j) {
        const Eigen::ArrayXd column = finite.col(j).cast<double>().array();
        const double mean = column.mean();
        s.mean[std::size_t(j)] = mean;
        s.stddev[std::size_t(j)] = std::sqrt((column - mean).square().mean());
    }
    return s;
}

} // namespace aelab
