#include "data/Corruption.h"

#include "math/Error.h"

#include <cmath>
#include <limits>

namespace aelab {

double maxCorruptionLevel(CorruptionKind kind)
{
    return kind == CorruptionKind::Gaussian ? 2.0 : 1.0;
}

Matrix corrupt(const Matrix& clean, const CorruptionSpec& spec, Rng& rng)
{
    const double maxLevel = maxCorruptionLevel(spec.kind);
    if (!(spec.level >= 0 && spec.level <= maxLevel))
        fail(ErrorKind::InvalidArgument, corruptionKindLabel(spec.kind) + " level "
             + std::to_string(spec.level) + " is outside [0, " + std::to_string(maxLevel) + "]");
    Matrix out = clean;
    const Eigen::Index n = out.size();
    Scalar* v = out.data();
    switch (spec.kind) {
    case CorruptionKind::Gaussian:
        for (Eigen::Index i = 0; i < n; ++i)
            v[i] += Scalar(spec.level * rng.normal());
        break;
    case CorruptionKind::Masking:
        for (Eigen::Index i = 0; i < n; ++i)
            if (rng.bernoulli(spec.level))
                v[i] = 0;
        break;
    case CorruptionKind::SaltPepper:
        for (Eigen::Index i = 0; i < n; ++i)
            if (rng.bernoulli(spec.level))
                v[i] = rng.bernoulli(0.5) ? Scalar(spec.high) : Scalar(spec.low);
        break;
    }
    if (spec.clampUnit)
        out = out.cwiseMax(Scalar(0)).cwiseMin(Scalar(1));
    return out;
}

double psnr(const Matrix& a, const Matrix& b)
{
    if (a.rows() != b.rows() || a.cols() != b.cols())
        fail(ErrorKind::InvalidArgument, "PSNR needs two matrices of the same shape");
    if (a.size() == 0)
        fail(ErrorKind::InvalidArgument, "PSNR of an empty matrix is undefined");
    const double mse = (a.cast<double>() - b.cast<double>()).squaredNorm() / double(a.size());
    if (mse == 0)
        return std::numeric_limits<double>::infinity();
    return 10.0 * std::log10(1.0 / mse);
}

std::string corruptionKindName(CorruptionKind kind)
{
    switch (kind) {
    case CorruptionKind::Gaussian: return "gaussian";
    case CorruptionKind::Masking: return "masking";
    case CorruptionKind::SaltPepper: return "salt-pepper";
    }
    return "?";
}

std::string corruptionKindLabel(CorruptionKind kind)
{
    switch (kind) {
    case CorruptionKind::Gaussian: return "Gaussian noise";
    case CorruptionKind::Masking: return "Masking noise";
    case CorruptionKind::SaltPepper: return "Salt-and-pepper noise";
    }
    return "?";
}

std::vector<CorruptionKind> corruptionKinds()
{
    return {CorruptionKind::Gaussian, CorruptionKind::Masking, CorruptionKind::SaltPepper};
}

CorruptionKind parseCorruptionKind(const std::string& name)
{
    for (CorruptionKind kind : corruptionKinds())
        if (corruptionKindName(kind) == name)
            return kind;
    fail(ErrorKind::InvalidArgument, "unknown corruption '" + name + "' (known: gaussian, masking, salt-pepper)");
}

} // namespace aelab
