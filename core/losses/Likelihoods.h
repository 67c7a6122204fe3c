#pragma once
// Decoder likelihoods that are normalised densities, so that the
// reconstruction term is -log p(x | z) in nats and an ELBO built on it is a
// bound on log p(x). Summed over a sample's features, averaged over the batch
// (as every loss, Loss.h); gradients with respect to the decoder's raw output.
//
// Continuous Bernoulli (Loaiza-Ganem & Cunningham, 2019), for x in [0, 1],
// with lambda = sigmoid(z) for a logit z:
//   p(x | lambda) = C(lambda) lambda^x (1 - lambda)^(1 - x)
//   C(lambda)     = 2 atanh(1 - 2 lambda) / (1 - 2 lambda)   (2 at lambda = 1/2)
// Since 1 - 2 sigmoid(z) = -tanh(z / 2) and atanh(-tanh(z / 2)) = -z / 2,
//   C = z / tanh(z / 2),   log C(z) = log(z / tanh(z / 2))   (log 2 at z = 0)
//   d log C / dz = 1 / z - 1 / sinh(z)                        (0 at z = 0)
// so -log p = BCE(z, x) - log C(z), and d(-log p)/dz = sigmoid(z) - x - (1/z - 1/sinh z).
// Its mean, what the decoder's output means in data space, is not lambda:
//   E[x] = lambda / (2 lambda - 1) + 1 / (2 atanh(1 - 2 lambda))
//        = sigmoid(z) / tanh(z / 2) - 1 / z                    (1/2 at z = 0)
// BCE alone on grey data (Fashion-MNIST) leaves out log C: not a density.
//
// Gaussian with a stated standard deviation sigma (the same for every
// feature), mean mu = the raw output:
//   -log N(x; mu, sigma^2) = (x - mu)^2 / (2 sigma^2) + log(2 pi sigma^2) / 2
// the constant included, so the figure is in nats.
#include "losses/Loss.h"

namespace aelab {

LossValue continuousBernoulliNll(const Matrix& logits, const Matrix& target);
// log C(z), entry by entry (exposed for the tests).
Matrix continuousBernoulliLogNormalizer(const Matrix& logits);
// E[x] under the continuous Bernoulli of each logit.
Matrix continuousBernoulliMean(const Matrix& logits);

LossValue gaussianNll(const Matrix& mean, const Matrix& target, double sigma);

// -log p(x_i | z_i) of each row (not averaged): the per-sample figures the
// importance-weighted bound needs (models/Variational.h).
Eigen::VectorXd continuousBernoulliNllRows(const Matrix& logits, const Matrix& target);
Eigen::VectorXd gaussianNllRows(const Matrix& mean, const Matrix& target, double sigma);

} // namespace aelab
