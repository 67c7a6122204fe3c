// Gradient checks, in double precision, of the dae / sparse / cae / vae
// objectives and of every loss term they add; the Jacobian computations of
// `cae` against their definitions; and the VAE against PyTorch
// (fixtures/torch_vae/vae_reference.json, made by make_vae_reference.py).
//
// Threshold of the central-difference checks: GradCheck's per-tensor error,
// max|a-n| / max(1e-8, max(|a|+|n|)), must be <= 1e-6 (its default). With
// eps = 1e-6 in double, a correct gradient of these small O(1) problems is
// matched to ~1e-9 or better, so a pass has a wide margin, while a missing
// factor, a wrong sign or a forgotten path (e.g. the direct dP/dW of the
// contractive penalty, or the eps path of the reparameterisation) gives
// errors of 1e-2 or more. Networks use tanh/sigmoid (no kinks), and the L1
// penalty is applied to sigmoid codes or to inputs kept away from 0.
#include "GradCheck.h"
#include "TestSupport.h"

#include "layers/Activations.h"
#include "layers/Dense.h"
#include "layers/Sequential.h"
#include "losses/ContractivePenalty.h"
#include "losses/GaussianKl.h"
#include "losses/JacobianPenalty.h"
#include "losses/Sparsity.h"
#include "models/Contractive.h"
#include "models/Registry.h"
#include "models/Sparse.h"
#include "models/Variational.h"

#include <QtTest>

#include <nlohmann/json.hpp>

#include <cmath>
#include <fstream>
#include <map>

using namespace aelab;
using namespace aelab::test;
using nlohmann::json;

namespace {

void expectPass(const GradCheckReport& report, const std::string& what)
{
    qInfo("%-44s max error %.2e", what.c_str(), report.maxError());
    QVERIFY2(report.passed(), (what + ": " + report.summary()).c_str());
}

std::unique_ptr<Autoencoder> makeModel(const std::string& key, const std::map<std::string, std::string>& text,
                                       int inputDim, bool unitInterval, std::uint64_t seed = 7)
{
    const auto& specs = variantInfo(key).specs;
    HyperParams hp = HyperParams::defaults(specs);
    for (const auto& [k, v] : text)
        hp.setFromText(*findSpec(specs, k), v);
    ModelContext c;
    c.inputDim = inputDim;
    c.shape = {1, 1, inputDim};
    c.unitInterval = unitInterval;
    c.seed = seed;
    return createModel(key, hp, c);
}

// The full objective of a model: evaluate() and computeGradients() with the
// same seed, so noise, probes and eps are the same draws in both.
GradCheckReport checkModel(Autoencoder& model, const Matrix& batch)
{
    return checkObjectiveGradients(
        model.parameters(), [&] { Rng r(5); return model.evaluate(batch, r).total(); },
        [&] { Rng r(5); model.computeGradients(batch, r); });
}

Matrix unitBatch(int rows, int cols, std::uint64_t seed)
{
    Rng rng(seed);
    return rng.uniformMatrix(rows, cols, 0.02, 0.98);
}

// A deep encoder of every smooth kind of layer, for the Jacobian checks.
Sequential deepEncoder(int in, int code, Rng& rng)
{
    Sequential net;
    net.emplace<Dense>(in, 5, rng);
    net.emplace<Tanh>();
    net.emplace<Dense>(5, 4, rng);
    net.emplace<LeakyReLU>(0.1);
    net.emplace<Dense>(4, code, rng);
    net.emplace<Sigmoid>();
    return net;
}

// The Jacobian of `net` at each sample by central differences: rows of
// d h / d x, (code, in) per sample.
std::vector<Matrix> numericJacobians(Sequential& net, const Matrix& x)
{
    std::vector<Matrix> out;
    const double eps = 1e-6;
    for (Eigen::Index b = 0; b < x.rows(); ++b) {
        const Eigen::Index code = net.forward(x.row(b)).cols();
        Matrix j(code, x.cols());
        for (Eigen::Index i = 0; i < x.cols(); ++i) {
            Matrix up = x.row(b), down = x.row(b);
            up(0, i) += eps;
            down(0, i) -= eps;
            j.col(i) = ((net.forward(up) - net.forward(down)) / (2 * eps)).transpose();
        }
        out.push_back(j);
    }
    return out;
}

Matrix toMatrix(const json& j) { return jsonMatrix(j); }

} // namespace

class TestGradcheckVariantsA : public QObject {
    Q_OBJECT

private slots:
    // ---- the loss terms on their own ----------------------------------------

    void l1PenaltyGradient()
    {
        Rng rng(1);
        const Matrix code = smoothInput(4, 5, rng, 1e-2);   // no entry near the kink at 0
        expectPass(checkLossGradient([](const Matrix& h, const Matrix&) { return l1Penalty(h); }, code, code),
                   "l1Penalty");
        // Its value, by hand: the mean over samples of sum |h|.
        QCOMPARE(l1Penalty(code).value, code.cwiseAbs().sum() / 4.0);
    }

    void klSparsityGradient()
    {
        Rng rng(2);
        const Matrix h = rng.uniformMatrix(6, 4, 0.05, 0.95);   // sigmoid outputs, away from the clamp
        for (double rho : {0.05, 0.3}) {
            expectPass(checkLossGradient([rho](const Matrix& a, const Matrix&) { return klSparsityPenalty(a, rho); },
                                         h, h),
                       "klSparsityPenalty rho " + std::to_string(rho));
        }
        // Its value, by hand, for one unit with rho_hat = 0.2 and rho = 0.05.
        Matrix one(2, 1);
        one << 0.1, 0.3;
        const double expected = 0.05 * std::log(0.05 / 0.2) + 0.95 * std::log(0.95 / 0.8);
        QVERIFY(std::abs(klSparsityPenalty(one, 0.05).value - expected) < 1e-15);
        // Zero when every unit's mean is rho.
        QVERIFY(std::abs(klSparsityPenalty(Matrix::Constant(3, 2, 0.05), 0.05).value) < 1e-15);
    }

    void gaussianKlGradient()
    {
        Rng rng(3);
        const Matrix mu = rng.normalMatrix(5, 3);
        const Matrix logvar = rng.normalMatrix(5, 3, 0.0, 0.7);
        expectPass(checkLossGradient([&](const Matrix& m, const Matrix&) {
                       const auto kl = gaussianKl(m, logvar);
                       return LossValue{kl.value, kl.gradMu};
                   }, mu, mu),
                   "gaussianKl d/dmu");
        expectPass(checkLossGradient([&](const Matrix& lv, const Matrix&) {
                       const auto kl = gaussianKl(mu, lv);
                       return LossValue{kl.value, kl.gradLogvar};
                   }, logvar, logvar),
                   "gaussianKl d/dlogvar");
        // Zero at the prior; the per-dimension parts sum to the whole.
        QVERIFY(std::abs(gaussianKl(Matrix::Zero(2, 3), Matrix::Zero(2, 3)).value) < 1e-15);
        const auto kl = gaussianKl(mu, logvar);
        double sum = 0;
        for (double d : kl.perDimension) {
            QVERIFY(d > 0);   // KL of a non-degenerate Gaussian from N(0, 1)
            sum += d;
        }
        QVERIFY(std::abs(sum - kl.value) < 1e-12);
        // One entry by hand: mu = 1, logvar = 0 gives 1/2.
        QVERIFY(std::abs(gaussianKl(Matrix::Ones(1, 1), Matrix::Zero(1, 1)).value - 0.5) < 1e-15);
    }

    void contractivePenaltyGradient()
    {
        // h = sigmoid(x W^T + b): the exact penalty as a function of W and b.
        Rng rng(4);
        Sequential enc;
        enc.emplace<Dense>(5, 4, rng);
        enc.emplace<Sigmoid>();
        auto& dense = dynamic_cast<Dense&>(enc.at(0));
        dense.bias() = rng.normalMatrix(1, 4, 0, 0.5);
        const Matrix x = rng.normalMatrix(6, 5);
        expectPass(checkObjectiveGradients(
                       enc.parameters(), [&] { return sigmoidContractivePenalty(enc.forward(x), dense.weight()).value; },
                       [&] {
                           const auto c = sigmoidContractivePenalty(enc.forward(x), dense.weight());
                           enc.backward(c.gradCode);
                           dense.parameters().front().grad->noalias() += c.gradWeight;
                       }),
                   "sigmoidContractivePenalty");
        // Both paths are needed: without the direct dP/dW the check fails
        // (so a pass above means something).
        const auto missingDirect = checkObjectiveGradients(
            enc.parameters(), [&] { return sigmoidContractivePenalty(enc.forward(x), dense.weight()).value; },
            [&] { enc.backward(sigmoidContractivePenalty(enc.forward(x), dense.weight()).gradCode); });
        qInfo("without the direct dP/dW: max error %.2e", missingDirect.maxError());
        QVERIFY(!missingDirect.passed());
        // The closed form is the definition: ||J_b||_F from a numeric Jacobian.
        const auto numeric = numericJacobians(enc, x);
        const auto c = sigmoidContractivePenalty(enc.forward(x), dense.weight());
        for (Eigen::Index b = 0; b < x.rows(); ++b)
            QVERIFY2(std::abs(c.norms(b) - numeric[std::size_t(b)].norm()) < 1e-8, "closed-form ||J||_F");
    }

    void hutchinsonPenaltyGradient()
    {
        Rng rng(5);
        Sequential enc = deepEncoder(6, 3, rng);
        const Matrix x = rng.normalMatrix(4, 6);
        const Matrix probes = rng.normalMatrix(4, 6);
        expectPass(checkObjectiveGradients(
                       enc.parameters(), [&] { return hutchinsonJacobianPenalty(enc, x, probes, 0).value; },
                       [&] { hutchinsonJacobianPenalty(enc, x, probes, 1.0); }),
                   "hutchinsonJacobianPenalty (deep)");
        // Its value is ||J_b v_b||^2 averaged, with J from central differences.
        const auto numeric = numericJacobians(enc, x);
        double expected = 0;
        for (Eigen::Index b = 0; b < x.rows(); ++b)
            expected += (numeric[std::size_t(b)] * probes.row(b).transpose()).squaredNorm() / 4.0;
        QVERIFY(std::abs(hutchinsonJacobianPenalty(enc, x, probes, 0).value - expected) < 1e-8);
    }

    void exactJacobianNorms()
    {
        Rng rng(6);
        Sequential enc = deepEncoder(6, 3, rng);
        const Matrix x = rng.normalMatrix(4, 6);
        const Vector norms = jacobianFrobeniusNorms(enc, x);
        const auto numeric = numericJacobians(enc, x);
        for (Eigen::Index b = 0; b < x.rows(); ++b)
            QVERIFY2(std::abs(norms(b) - numeric[std::size_t(b)].norm()) < 1e-8, "VJP ||J||_F");
    }

    void hutchinsonIsUnbiased()
    {
        // E ||J v||^2 = ||J||_F^2. Averaged over N = 4000 probes per sample, the
        // estimate's standard error is sqrt(2 ||J^T J||_F^2 / N) <= sqrt(2/N) ||J||_F^2
        // = 2.2 % of it; 8 % is more than 3.5 standard errors, and a biased
        // estimator (e.g. one missing a factor 2 or using uniform probes of
        // variance 1/3) misses by 50 % or more.
        Rng rng(7);
        Sequential enc = deepEncoder(6, 3, rng);
        const Matrix x = rng.normalMatrix(3, 6);
        const double exact = jacobianFrobeniusNorms(enc, x).squaredNorm() / 3.0;
        double sum = 0;
        const int draws = 4000;
        for (int k = 0; k < draws; ++k)
            sum += hutchinsonJacobianPenalty(enc, x, rng.normalMatrix(3, 6), 0).value;
        const double estimate = sum / draws;
        qInfo("Hutchinson mean %.5f vs exact %.5f", estimate, exact);
        QVERIFY(std::abs(estimate - exact) < 0.08 * exact);
    }

    // ---- the variants' full objectives --------------------------------------

    void denoisingObjective()
    {
        const Matrix batch = unitBatch(5, 6, 11);
        for (const char* kind : {"gaussian", "masking", "salt-pepper"}) {
            auto model = makeModel("dae", {{"hidden", "5"}, {"latent", "3"}, {"activation", "tanh"},
                                           {"corruption", kind}, {"noise", "0.3"}}, 6, true);
            expectPass(checkModel(*model, batch), std::string("dae objective, ") + kind);
        }
    }

    void sparseObjective()
    {
        const Matrix batch = unitBatch(6, 7, 12);
        for (const char* output : {"sigmoid-bce", "linear-mse"}) {
            auto model = makeModel("sparse", {{"hidden", "5"}, {"latent", "4"}, {"activation", "tanh"},
                                              {"output", output}, {"rho", "0.1"}, {"beta", "2"},
                                              {"lambda", "0.5"}}, 7, true);
            expectPass(checkModel(*model, batch), std::string("sparse objective, ") + output);
            // Both penalties are in the total, with their weights.
            Rng r(1);
            const LossTerms t = model->evaluate(batch, r);
            QVERIFY(t.get("l1") > 0 && t.get("kl") > 0);
            QVERIFY(std::abs(t.total() - (t.get("recon") + 0.5 * t.get("l1") + 2 * t.get("kl"))) < 1e-12);
        }
    }

    void contractiveObjective()
    {
        const Matrix batch = unitBatch(5, 6, 13);
        // One sigmoid layer: the exact penalty.
        auto shallow = makeModel("cae", {{"hidden", "none"}, {"latent", "4"}, {"lambda", "0.7"}}, 6, true);
        QVERIFY(dynamic_cast<ContractiveAutoencoder&>(*shallow).exactPenalty());
        expectPass(checkModel(*shallow, batch), "cae objective, one layer (exact)");
        // Deeper: the Hutchinson estimate with the step's probes.
        auto deep = makeModel("cae", {{"hidden", "5"}, {"latent", "3"}, {"activation", "tanh"},
                                      {"lambda", "0.7"}, {"output", "linear-mse"}}, 6, true);
        QVERIFY(!dynamic_cast<ContractiveAutoencoder&>(*deep).exactPenalty());
        expectPass(checkModel(*deep, batch), "cae objective, deep (estimate)");
        // The report: jacobian_norm is the exact mean norm in both cases.
        for (Autoencoder* m : {shallow.get(), deep.get()}) {
            Rng r(1);
            const double reported = m->evaluate(batch, r).get("jacobian_norm");
            const double exact = dynamic_cast<ContractiveAutoencoder&>(*m).jacobianNorms(batch).mean();
            QVERIFY(std::abs(reported - exact) < 1e-12);
        }
    }

    void variationalObjective()
    {
        const Matrix batch = unitBatch(5, 6, 14);
        for (const char* output : {"sigmoid-bce", "linear-mse", "continuous-bernoulli", "gaussian"}) {
            for (const char* beta : {"1", "0", "3"}) {   // beta 0: the reparameterised path alone
                auto model = makeModel("vae", {{"hidden", "5"}, {"latent", "3"}, {"activation", "tanh"},
                                               {"output", output}, {"beta", beta}, {"sigma", "0.7"}}, 6, true);
                expectPass(checkModel(*model, batch),
                           std::string("vae objective, ") + output + ", beta " + beta);
                // "elbo" (nats) only where the decoder is a density, and then
                // -(recon + kl) whatever beta weighs the KL with.
                Rng r(5);
                const LossTerms t = model->evaluate(batch, r);
                const bool density = std::string(output) == "continuous-bernoulli" || std::string(output) == "gaussian";
                QCOMPARE(!std::isnan(t.get("elbo")), density);
                if (density)
                    QVERIFY(std::abs(t.get("elbo") + t.get("recon") + t.get("kl")) < 1e-12);
            }
        }
    }

    void reparameterisedPathWithFixedEps()
    {
        // The gradient through z = mu + exp(logvar/2) eps with eps given; a
        // large eps makes the logvar path dominate the recon gradient.
        auto model = makeModel("vae", {{"hidden", "4"}, {"latent", "2"}, {"activation", "tanh"},
                                       {"output", "linear-mse"}, {"beta", "0"}}, 5, true);
        auto& vae = dynamic_cast<VariationalAutoencoder&>(*model);
        const Matrix batch = unitBatch(4, 5, 15);
        const Matrix eps = Matrix::Constant(4, 2, 2.5);
        expectPass(checkObjectiveGradients(
                       vae.parameters(), [&] { return vae.objectiveWithNoise(batch, eps, false).total(); },
                       [&] { vae.objectiveWithNoise(batch, eps, true); }),
                   "vae recon through z(eps), beta 0");
        // With eps = 0 the sample is mu: no gradient reaches the logvar head.
        for (const auto& p : vae.parameters())
            p.grad->setZero();
        vae.objectiveWithNoise(batch, Matrix::Zero(4, 2), true);
        const Matrix& lastWeightGrad = *vae.encoder().parameters()[2].grad;   // encoder.2.weight (4 heads)
        QVERIFY(lastWeightGrad.bottomRows(2).cwiseAbs().maxCoeff() == 0.0);
        QVERIFY(lastWeightGrad.topRows(2).cwiseAbs().maxCoeff() > 0.0);
    }

    // ---- the VAE against PyTorch --------------------------------------------

    void vaeMatchesPyTorch()
    {
        std::ifstream in(fixture("torch_vae/vae_reference.json"));
        QVERIFY2(in, "missing fixture torch_vae/vae_reference.json");
        const json ref = json::parse(in);
        const Matrix batch = toMatrix(ref["batch"]);
        const Matrix eps = toMatrix(ref["eps"]);
        // Tolerance 1e-9, relative to each reference tensor's largest entry:
        // both programs compute in float64 with the same formulas in a
        // different order, which costs ~1e-15; a wrong factor (e.g. logvar/2
        // vs logvar in sigma) or a missing path is off by 1e-2 or more.
        const double tol = 1e-9;
        double worst = 0;
        for (const json& c : ref["cases"]) {
            const std::string kind = c["loss_kind"];
            const double beta = c["beta"];
            auto model = makeModel("vae", {{"hidden", std::to_string(ref["hidden"].get<int>())},
                                           {"latent", std::to_string(ref["latent"].get<int>())},
                                           {"activation", ref["activation"].get<std::string>()},
                                           {"output", kind == "bce" ? "sigmoid-bce" : "linear-mse"},
                                           {"beta", std::to_string(beta)}},
                                   ref["input"].get<int>(), true);
            auto& vae = dynamic_cast<VariationalAutoencoder&>(*model);
            QCOMPARE(vae.beta(), beta);
            for (const auto& p : vae.parameters()) {
                QVERIFY2(ref["weights"].contains(p.name), p.name.c_str());
                *p.value = toMatrix(ref["weights"][p.name]);
                p.grad->setZero();
            }
            Matrix mu, logvar;
            vae.posterior(batch, mu, logvar);
            const std::string label = kind + " beta " + std::to_string(beta);
            auto check = [&](double err, const std::string& what) {
                worst = std::max(worst, err);
                QVERIFY2(err <= tol, (label + ": " + what + " relative error " + std::to_string(err)).c_str());
            };
            check(relativeError(mu, toMatrix(c["mu"])), "mu");
            check(relativeError(logvar, toMatrix(c["logvar"])), "logvar");
            check(relativeError(vae.encode(batch), toMatrix(c["mu"])), "encode() = mu");

            const LossTerms t = vae.objectiveWithNoise(batch, eps, true);
            check(relativeError(t.total(), c["loss"].get<double>()), "loss");
            check(relativeError(t.get("recon"), c["recon"].get<double>()), "recon");
            check(relativeError(t.get("kl"), c["kl"].get<double>()), "kl");
            for (std::size_t j = 0; j < c["kl_per_dim"].size(); ++j)
                check(relativeError(t.get("kl_" + std::to_string(j)), c["kl_per_dim"][j].get<double>()),
                      "kl_" + std::to_string(j));
            int compared = 0;
            for (const auto& p : vae.parameters()) {
                check(relativeError(*p.grad, toMatrix(c["grads"][p.name])), "grad " + p.name);
                ++compared;
            }
            QCOMPARE(compared, 8);   // 4 layers x (weight, bias)
        }
        qInfo("vae vs PyTorch: worst relative error %.2e", worst);
    }
};

QTEST_APPLESS_MAIN(TestGradcheckVariantsA)
#include "test_gradcheck_variants_a.moc"
