#pragma once
// The numeric types of the core. A batch is a matrix with one sample per row
// (row-major, so a sample is contiguous, as in NumPy and PyTorch).
// The core is compiled twice: with float for training, and with double
// (AELAB_DOUBLE) for the central-difference gradient checks.
#include <Eigen/Core>

namespace aelab {

#ifdef AELAB_DOUBLE
using Scalar = double;
#else
using Scalar = float;
#endif

using Matrix = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
using Vector = Eigen::Matrix<Scalar, Eigen::Dynamic, 1>;
using RowVector = Eigen::Matrix<Scalar, 1, Eigen::Dynamic>;

} // namespace aelab
