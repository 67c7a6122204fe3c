#include "models/Priors.h"

#include "math/Error.h"

#include <cmath>
#include <numbers>

namespace aelab {

namespace {
constexpr double kPi = std::numbers::pi;
}

Prior::Prior(const PriorSpec& spec, int dim) : m_spec(spec), m_dim(dim)
{
    if (dim < 1)
        fail(ErrorKind::InvalidArgument, "a prior needs a latent size of at least 1");
    if (spec.kind != PriorKind::Gaussian && dim != 2)
        fail(ErrorKind::InvalidArgument, "the " + priorName(spec.kind) + " prior is 2-D: use --latent 2 (or --prior gaussian)");
    if (spec.kind == PriorKind::Mixture && spec.components < 1)
        fail(ErrorKind::InvalidArgument, "the mixture prior needs at least one component");
}

Matrix Prior::sample(Eigen::Index n, Rng& rng) const
{
    if (m_spec.kind == PriorKind::Gaussian)
        return rng.normalMatrix(n, m_dim);
    Matrix z(n, 2);
    for (Eigen::Index i = 0; i < n; ++i) {
        if (m_spec.kind == PriorKind::Mixture) {
            // component j's mean: radius (cos 2 pi j / k, sin 2 pi j / k)
            const double angle = 2 * kPi * double(rng.below(std::uint64_t(m_spec.components))) / m_spec.components;
            z(i, 0) = Scalar(m_spec.radius * std::cos(angle) + m_spec.spread * rng.normal());
            z(i, 1) = Scalar(m_spec.radius * std::sin(angle) + m_spec.spread * rng.normal());
        } else {
            const double t = 1.5 * kPi * (1 + 2 * rng.uniform());
            const double noise = m_spec.spread / 4;
            z(i, 0) = Scalar(t * std::cos(t) / (3 * kPi) + noise * rng.normal());
            z(i, 1) = Scalar(t * std::sin(t) / (3 * kPi) + noise * rng.normal());
        }
    }
    return z;
}

std::string priorName(PriorKind kind)
{
    switch (kind) {
    case PriorKind::Gaussian: return "gaussian";
    case PriorKind::Mixture: return "mixture";
    case PriorKind::SwissRoll: return "swiss-roll";
    }
    return "?";
}

PriorKind parsePriorKind(const std::string& name)
{
    for (PriorKind k : {PriorKind::Gaussian, PriorKind::Mixture, PriorKind::SwissRoll})
        if (priorName(k) == name)
            return k;
    fail(ErrorKind::InvalidArgument, "unknown prior '" + name + "' (known: gaussian, mixture, swiss-roll)");
}

std::vector<std::string> priorNames() { return {"gaussian", "mixture", "swiss-roll"}; }

} // namespace aelab
