#include "models/Variational.h"

#include "losses/GaussianKl.h"
#include "losses/Likelihoods.h"
#include "models/CommonSpecs.h"
#include "models/ConvNetworks.h"

#include <algorithm>
#include <cmath>

namespace aelab {

VariationalAutoencoder::VariationalAutoencoder(const HyperParams& hp, const ModelContext& context)
    : EncoderDecoder(hp, context, 2 * hp.integer("latent")),   // x -> [mu | logvar]
      m_beta(hp.real("beta"))
{
}

void VariationalAutoencoder::posterior(const Matrix& x, Matrix& mu, Matrix& logvar)
{
    const Matrix heads = m_encoder.forward(x);   // (B, 2 latent)
    mu = heads.leftCols(m_latent);
    logvar = heads.rightCols(m_latent);
}

LossTerms VariationalAutoencoder::objectiveWithNoise(const Matrix& batch, const Matrix& eps, bool backprop)
{
    Matrix mu, logvar;
    posterior(batch, mu, logvar);
    const Matrix sigma = (Scalar(0.5) * logvar.array()).exp().matrix();   // exp(logvar / 2)
    const Matrix z = mu + (sigma.array() * eps.array()).matrix();
    const Matrix raw = m_decoder.forward(z);
    const LossValue recon = reconstructionLoss(m_output, raw, batch);
    const GaussianKlValue kl = gaussianKl(mu, logvar);

    if (backprop) {
        const Matrix dz = m_decoder.backward(recon.grad);
        // dz/dmu = 1;  dz/dlogvar = eps .* exp(logvar / 2) / 2
        Matrix dHeads(batch.rows(), 2 * m_latent);
        dHeads.leftCols(m_latent) = dz + Scalar(m_beta) * kl.gradMu;
        dHeads.rightCols(m_latent) = (dz.array() * eps.array() * sigma.array() * Scalar(0.5)).matrix()
            + Scalar(m_beta) * kl.gradLogvar;
        m_encoder.backward(dHeads);
    }
    LossTerms terms;
    terms.add("loss", recon.value + m_beta * kl.value);
    terms.add("recon", recon.value);
    terms.add("kl", kl.value);
    if (m_output.isDensity())
        terms.add("elbo", -(recon.value + kl.value));   // nats; a bound on log p(x) whatever beta
    for (std::size_t j = 0; j < kl.perDimension.size(); ++j)
        terms.add("kl_" + std::to_string(j), kl.perDimension[j]);
    return terms;
}

LossTerms VariationalAutoencoder::objective(const Matrix& batch, Rng& rng, bool backprop)
{
    return objectiveWithNoise(batch, rng.normalMatrix(batch.rows(), m_latent), backprop);
}

VariationalAutoencoder::LogLikelihoodEstimate VariationalAutoencoder::estimateLogLikelihood(const Matrix& x, int k,
                                                                                           Rng& rng, int chunk)
{
    if (!m_output.isDensity())
        fail(ErrorKind::Unsupported, "the log-likelihood needs a decoder density: --output continuous-bernoulli or "
                                     "gaussian (BCE on grey data and a squared error are not densities)");
    if (k < 1)
        fail(ErrorKind::InvalidArgument, "the importance-weighted estimate needs k >= 1 samples");
    LogLikelihoodEstimate e;
    e.k = k;
    e.samples = x.rows();
    double elboSum = 0, iwaeSum = 0;
    for (Eigen::Index begin = 0; begin < x.rows(); begin += chunk) {
        const Eigen::Index rows = std::min<Eigen::Index>(chunk, x.rows() - begin);
        const Matrix xs = x.middleRows(begin, rows);
        Matrix mu, logvar;
        posterior(xs, mu, logvar);
        const Matrix sigma = (Scalar(0.5) * logvar.array()).exp().matrix();
        const Eigen::VectorXd halfLogvar = 0.5 * logvar.cast<double>().rowwise().sum();
        Eigen::MatrixXd logw(rows, k);   // log w_s for each row; the 2 pi terms of p(z) and q(z|x) cancel
        for (int s = 0; s < k; ++s) {
            const Matrix eps = rng.normalMatrix(rows, m_latent);
            const Matrix z = mu + (sigma.array() * eps.array()).matrix();
            const Matrix raw = m_decoder.forward(z);
            const Eigen::VectorXd nll = m_output.kind == OutputKind::Gaussian
                                            ? gaussianNllRows(raw, xs, m_output.sigma)
                                            : continuousBernoulliNllRows(raw, xs);
            // log p(z) - log q(z|x) = -|z|^2/2 + |eps|^2/2 + sum_j logvar_j / 2
            logw.col(s) = -nll - 0.5 * z.cast<double>().rowwise().squaredNorm()
                          + 0.5 * eps.cast<double>().rowwise().squaredNorm() + halfLogvar;
        }
        for (Eigen::Index i = 0; i < rows; ++i) {
            const double top = logw.row(i).maxCoeff();
            iwaeSum += top + std::log((logw.row(i).array() - top).exp().sum() / double(k));
            elboSum += logw.row(i).mean();
        }
    }
    e.elbo = elboSum / double(x.rows());
    e.iwae = iwaeSum / double(x.rows());
    return e;
}

Matrix VariationalAutoencoder::samplePrior(int n, Rng& rng) { return rng.normalMatrix(n, m_latent); }

Matrix VariationalAutoencoder::encode(const Matrix& x)
{
    return m_encoder.forward(x).leftCols(m_latent);
}

VariantInfo variationalVariant()
{
    std::vector<ParamSpec> own;
    own.push_back({.key = "beta", .label = "KL weight (beta)", .type = ParamType::Real,
                   .defaultValue = 1.0, .min = 0.0, .max = 1000.0,
                   .choices = {}, .help = "Weight of KL(q(z|x) || N(0, I)); 1 = the ELBO, >1 disentangles, large collapses",
                   .group = "Objective"});
    // Why --up unpool is refused here (CommonSpecs.h: the code must be the only path).
    const std::string unpoolRefused =
        "a vae's decoder would read the max-pool switches the encoder recorded on x: the objective would "
        "then bound p(x | z, switches), not p(x | z), the KL would never pay for those bits, and a prior "
        "sample has no switches to decode with; use deconv or upsample";
    return {
        .key = "vae",
        .name = "Variational autoencoder",
        .summary = "Encodes each input as a Gaussian over codes, samples by reparameterisation, "
                   "and keeps codes near N(0, I) so the prior can be sampled and decoded",
        .specs = joinSpecs({denseArchitectureSpecs("512,256", 2, true), architectureChoiceSpecs(unpoolRefused), own, trainingSpecs(1e-3, 128)}),
        .create = [](const HyperParams& hp, const ModelContext& c) -> std::unique_ptr<Autoencoder> {
            return std::make_unique<VariationalAutoencoder>(hp, c);
        },
        .traits = {.standardNormalPrior = true, .diagnostics = {"posterior"}},
    };
}

} // namespace aelab
