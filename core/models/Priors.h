#pragma once
// The distributions an adversarial autoencoder (`aae`) pushes its codes
// towards. A prior is only ever sampled: the discriminator learns to tell its
// samples from the encoder's codes.
//   gaussian   z ~ N(0, I), any latent size
//   mixture    k Gaussians of standard deviation `spread`, their means evenly
//              spaced on a circle of radius `radius` (2-D only)
//   swiss-roll t = 1.5 pi (1 + 2u), u ~ U(0, 1);  z = (t cos t, t sin t) / (3 pi)
//              plus N(0, spread^2 / 16) noise (2-D only; within about [-1.5, 1.5])
#include "math/Matrix.h"
#include "math/Rng.h"

#include <string>
#include <vector>

namespace aelab {

enum class PriorKind { Gaussian, Mixture, SwissRoll };

struct PriorSpec {
    PriorKind kind = PriorKind::Gaussian;
    int components = 10;     // mixture
    double radius = 2.0;     // mixture
    double spread = 0.5;     // mixture: each component's standard deviation
};

class Prior {
public:
    // Throws Error(InvalidArgument) for a 2-D prior with dim != 2, or a
    // mixture with fewer than 1 component.
    Prior(const PriorSpec& spec, int dim);

    Matrix sample(Eigen::Index n, Rng& rng) const;   // (n, dim)
    int dim() const { return m_dim; }
    const PriorSpec& spec() const { return m_spec; }

private:
    PriorSpec m_spec;
    int m_dim;
};

std::string priorName(PriorKind kind);                  // "gaussian", "mixture", "swiss-roll"
PriorKind parsePriorKind(const std::string& name);      // throws for an unknown name
std::vector<std::string> priorNames();

// The name of N(0, I) as a prior the objective pulls towards (vae, wae).
inline constexpr const char* kStandardNormalPriorName = "standard normal N(0, I)";

} // namespace aelab
