#pragma once
// How the decoder's last layer meets the data, and the reconstruction term
// every variant's objective starts from, summed over a sample's features and
// averaged over the batch:
//   SigmoidBce           x^ = sigmoid(raw), recon = sum_j BCE(x^_j, x_j)
//                        (-log p(x|z) of a Bernoulli: a density only for 0/1
//                        data; on grey images it leaves out the continuous
//                        Bernoulli's normaliser, so it is no likelihood)
//   LinearSquaredError   x^ = raw, recon = sum_j (x^_j - x_j)^2
//                        (a per-sample sum; a Gaussian likelihood only up to
//                        a hidden variance and a constant)
//   ContinuousBernoulli  x^ = E[x] under CB(sigmoid(raw)), recon = -log p(x|z)
//                        in nats (Loaiza-Ganem & Cunningham, 2019; [0, 1] data)
//   Gaussian             x^ = raw, recon = -log N(x; raw, sigma^2 I) in nats,
//                        constant included, sigma stated ("sigma")
// The last two are normalised densities (losses/Likelihoods.h): only with
// them is a VAE's ELBO a bound on log p(x) (Variational.h).
#include "losses/Loss.h"
#include "models/HyperParams.h"

#include <string>

namespace aelab {

struct ModelContext;

enum class OutputKind { SigmoidBce, LinearSquaredError, ContinuousBernoulli, Gaussian };

struct OutputMode {
    OutputKind kind = OutputKind::SigmoidBce;
    double sigma = 1;   // Gaussian: the decoder's standard deviation, per feature

    // recon is -log p(x | z) of a normalised density, in nats.
    bool isDensity() const { return kind == OutputKind::ContinuousBernoulli || kind == OutputKind::Gaussian; }
    // The decoder's raw output is a logit (sigmoid-bce, continuous-bernoulli).
    bool isLogit() const { return kind == OutputKind::SigmoidBce || kind == OutputKind::ContinuousBernoulli; }
    bool operator==(const OutputMode&) const = default;
};

// "output": auto picks sigmoid+BCE for data in [0, 1], linear + squared error
// otherwise; "sigma" (where the variant has it) is the Gaussian's.
// Throws Error(InvalidArgument) for a logit output on data outside [0, 1].
OutputMode outputModeFor(const HyperParams& hp, const ModelContext& context);

// The loss between the decoder's raw output and the target.
LossValue reconstructionLoss(const OutputMode& mode, const Matrix& raw, const Matrix& target);
// The raw output mapped to data space (the mean of x given the code).
Matrix toDataSpace(const OutputMode& mode, const Matrix& raw);
// What the reconstruction term is, for a reader: "BCE (nats)", "-log p(x|z)
// (nats)", "squared error (sum over features)".
std::string reconstructionTermName(const OutputMode& mode);

} // namespace aelab
