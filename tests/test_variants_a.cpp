// The variants dae, sparse, cae and vae do what they are for, on small
// Fashion-MNIST subsets (3000 training images, 500 held-out test images) so
// each test stays within seconds:
//   dae     denoises: held-out noisy images come back closer to the clean ones;
//   sparse  reaches its target mean activation; without penalties it does not;
//   cae     has a much smaller encoder Jacobian than without the penalty;
//   vae     the ELBO improves, the KL is positive, prior samples differ, and a
//           large beta collapses every latent dimension onto the prior.
// Plus the contract every variant keeps: terms reported "loss" first, then
// "recon", then the others; objective specs; the live noise level.
// Every threshold is stated where it is checked, with the figure measured
// when it was set (seeded runs: the same numbers each time).
#include "TestSupport.h"

#include "data/Catalog.h"
#include "data/Corruption.h"
#include "math/Error.h"
#include "math/Parallel.h"
#include "models/Contractive.h"
#include "models/Denoising.h"
#include "models/Registry.h"
#include "models/Sparse.h"
#include "models/Variational.h"
#include "train/Evaluate.h"
#include "train/Trainer.h"

#include <QtTest>

#include <chrono>
#include <cmath>
#include <map>

using namespace aelab;
using Clock = std::chrono::steady_clock;

namespace {

std::unique_ptr<Autoencoder> makeModel(const std::string& key, const std::map<std::string, std::string>& text,
                                       const Dataset& data, std::uint64_t seed = 3)
{
    return test::makeModel(key, text, contextFor(data, seed));
}

void train(Autoencoder& model, const Dataset& data, int epochs, std::uint64_t seed = 3)
{
    TrainOptions opt;
    opt.epochs = epochs;
    opt.batchSize = model.hyperParams().integer("batch");
    opt.seed = seed;
    const Matrix noVal;
    Trainer trainer(model, data.trainX, noVal, opt);
    const RunStatus status = trainer.run();
    if (status != RunStatus::Finished)
        throw std::runtime_error("training ended as " + statusName(status) + ": " + trainer.message());
}

double seconds(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

} // namespace

class TestVariantsA : public QObject {
    Q_OBJECT

    Dataset m_fashion;   // 3000 train, 500 test
    Dataset m_moons;

private slots:
    void initTestCase()
    {
        // One thread: these networks are small, and on a shared 2-core machine
        // OpenMP's two threads made each product ~20x slower (spinning at
        // barriers while other processes hold the cores).
        setThreadCount(1);
        QVERIFY2(test::haveFashionMnist(), "Fashion-MNIST is missing: install dataset-fashion-mnist (see README)");
        LoadOptions opt;
        opt.limit = 3000;
        opt.testLimit = 500;
        m_fashion = loadDataset("fashion-mnist", opt);
        QCOMPARE(m_fashion.trainX.rows(), Eigen::Index(3000));
        QCOMPARE(m_fashion.testX.rows(), Eigen::Index(500));
        LoadOptions small;
        small.syntheticSamples = 300;
        m_moons = loadDataset("moons", small);
    }

    // ---- the contract ----------------------------------------------------------

    void termsAndSpecs_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QStringList>("extra");   // the terms after loss and recon
        QTest::newRow("dae") << "dae" << QStringList{};
        QTest::newRow("sparse") << "sparse" << QStringList{"l1", "kl", "mean_activation"};
        QTest::newRow("cae") << "cae" << QStringList{"contractive", "jacobian_norm"};
        QTest::newRow("vae") << "vae" << QStringList{"kl", "kl_0", "kl_1"};
    }

    void termsAndSpecs()
    {
        QFETCH(QString, key);
        QFETCH(QStringList, extra);
        const VariantInfo& info = variantInfo(key.toStdString());
        QCOMPARE(QString::fromStdString(info.key), key);
        bool hasObjective = false;
        for (const ParamSpec& s : info.specs) {
            QVERIFY2(!s.help.empty() && s.help.find('\n') == std::string::npos, s.key.c_str());
            hasObjective = hasObjective || s.group == "Objective";
        }
        QVERIFY(hasObjective);
        // One epoch on moons (2-D, linear + MSE output), all terms finite.
        auto model = makeModel(key.toStdString(), {{"hidden", "16"}, {"batch", "64"}}, m_moons);
        QCOMPARE(QString::fromStdString(model->variant()), key);
        train(*model, m_moons, 1);
        Rng rng(1);
        const LossTerms t = model->evaluate(m_moons.testX, rng);
        QVERIFY(t.allFinite());
        QStringList names;
        for (const auto& [name, value] : t.terms)
            names << QString::fromStdString(name);
        QCOMPARE(names, QStringList({"loss", "recon"}) + extra);
        QVERIFY(t.total() >= t.get("recon"));   // penalties are >= 0
    }

    // ---- dae ---------------------------------------------------------------------

    void denoisingRaisesPsnr()
    {
        const auto start = Clock::now();
        auto model = makeModel("dae", {{"hidden", "256"}, {"latent", "64"}, {"corruption", "gaussian"},
                                       {"noise", "0.3"}, {"lr", "3e-3"}},
                               m_fashion);
        train(*model, m_fashion, 10);
        const Matrix& clean = m_fashion.testX;   // held out
        Rng noiseRng(99);
        const Matrix noisy = corrupt(clean, {CorruptionKind::Gaussian, 0.3, true}, noiseRng);
        const double noisyPsnr = psnr(noisy, clean);
        const double denoisedPsnr = psnr(reconstructSet(*model, noisy), clean);
        qInfo("dae: noisy %.2f dB -> denoised %.2f dB (%.1f s)", noisyPsnr, denoisedPsnr, seconds(start));
        // Gaussian noise of sigma 0.3 (clamped to [0, 1]) leaves 12.8 dB; the
        // dae trained 10 epochs on 3000 images gave 17.0 dB when this was set
        // (18.2 dB with 20 epochs and a wider network, too slow for the suite).
        // A gain of at least 3 dB (half the squared error) is a clear margin
        // for "denoises": the identity map gains 0 dB.
        QVERIFY2(denoisedPsnr >= noisyPsnr + 3.0,
                 qPrintable(QString("gain %1 dB").arg(denoisedPsnr - noisyPsnr)));
    }

    // The control for "denoises": a plain ae of the same size, data and
    // training gains PSNR on noisy inputs too (its bottleneck projects some
    // noise away), so the dae's gain means something only beside the ae's.
    // Measured after 6 epochs on 3000 images (784-128-32, 109k parameters
    // each): dae 3.12 dB, plain ae 1.81 dB. The dae must gain at least 1 dB more.
    void denoisingBeatsAPlainAeOfTheSameSize()
    {
        const auto start = Clock::now();
        const std::map<std::string, std::string> size{{"hidden", "128"}, {"latent", "32"}, {"lr", "3e-3"}};
        auto daeSettings = size;
        daeSettings["corruption"] = "gaussian";
        daeSettings["noise"] = "0.3";
        auto dae = makeModel("dae", daeSettings, m_fashion);
        auto ae = makeModel("ae", size, m_fashion);
        QCOMPARE(dae->parameterCount(), ae->parameterCount());
        train(*dae, m_fashion, 6);
        train(*ae, m_fashion, 6);
        const Matrix& clean = m_fashion.testX;   // held out
        Rng noiseRng(99);
        const Matrix noisy = corrupt(clean, {CorruptionKind::Gaussian, 0.3, true}, noiseRng);
        const double before = psnr(noisy, clean);
        const double daeGain = psnr(reconstructSet(*dae, noisy), clean) - before;
        const double aeGain = psnr(reconstructSet(*ae, noisy), clean) - before;
        qInfo("noisy %.2f dB; PSNR gain: dae %.2f dB, plain ae %.2f dB (%.1f s)", before, daeGain, aeGain,
              seconds(start));
        QVERIFY2(daeGain >= aeGain + 1.0, qPrintable(QString("dae %1 dB, ae %2 dB").arg(daeGain).arg(aeGain)));
    }

    void denoisingNoiseIsLiveAndFresh()
    {
        auto model = makeModel("dae", {{"hidden", "8"}, {"latent", "2"}, {"corruption", "masking"},
                                       {"noise", "0.5"}},
                               m_moons);
        auto& dae = dynamic_cast<DenoisingAutoencoder&>(*model);
        const ParamSpec* noise = findSpec(variantInfo("dae").specs, "noise");
        QVERIFY(noise && noise->liveTunable);
        dae.changeSetting("noise", 0.25);
        QCOMPARE(dae.corruption().level, 0.25);
        QCOMPARE(dae.hyperParams().real("noise"), 0.25);   // what a saved model records
        // A masking fraction above 1 is refused, and the level stays.
        QVERIFY_THROWS_EXCEPTION(Error, dae.changeSetting("noise", 1.5));
        QCOMPARE(dae.corruption().level, 0.25);
        QCOMPARE(dae.hyperParams().real("noise"), 0.25);
        QVERIFY_THROWS_EXCEPTION(Error, dae.changeSetting("rho", 0.1));      // not dae's
        QVERIFY_THROWS_EXCEPTION(Error, dae.changeSetting("latent", 4));     // not live
        // At creation too: masking 1.5 is not a fraction.
        QVERIFY_THROWS_EXCEPTION(Error, makeModel("dae", {{"corruption", "masking"}, {"noise", "1.5"}}, m_moons));
        // evaluate() corrupts with the rng given: the same seed gives the same
        // terms, another seed another draw.
        const Matrix batch = m_moons.testX.topRows(64);
        Rng a(5), b(5), c(6);
        const double la = dae.evaluate(batch, a).total();
        QCOMPARE(dae.evaluate(batch, b).total(), la);
        QVERIFY(dae.evaluate(batch, c).total() != la);
        // No noise: the loss is the plain reconstruction loss.
        dae.changeSetting("noise", 0.0);
        Rng d(7);
        const double noiseless = dae.evaluate(batch, d).total();
        const double plain = reconstructionLoss(dae.outputMode(), dae.decoder().forward(dae.encode(batch)), batch).value;
        QVERIFY(std::abs(noiseless - plain) < 1e-4 * std::max(1.0, std::abs(plain)));
    }

    // ---- sparse ------------------------------------------------------------------

    void sparseReachesTargetActivation()
    {
        const auto start = Clock::now();
        const std::map<std::string, std::string> base{{"hidden", "none"}, {"latent", "64"}, {"rho", "0.05"},
                                                      {"lr", "3e-3"}};
        auto penalised = makeModel("sparse", base, m_fashion);
        auto plainParams = base;
        plainParams["beta"] = "0";
        plainParams["lambda"] = "0";
        auto plain = makeModel("sparse", plainParams, m_fashion);
        train(*penalised, m_fashion, 20);
        train(*plain, m_fashion, 20);
        const RowVector actPenalised = dynamic_cast<SparseAutoencoder&>(*penalised).meanActivations(m_fashion.testX);
        const RowVector actPlain = dynamic_cast<SparseAutoencoder&>(*plain).meanActivations(m_fashion.testX);
        const double meanPenalised = actPenalised.mean(), meanPlain = actPlain.mean();
        qInfo("sparse: mean activation %.4f (rho 0.05) vs %.4f without penalties (%.1f s)", meanPenalised,
              meanPlain, seconds(start));
        // The KL penalty (beta 50, the default) pulls the mean activation to
        // rho: within 25 % of 0.05 on held-out images (measured 0.058).
        QVERIFY2(std::abs(meanPenalised - 0.05) <= 0.25 * 0.05, qPrintable(QString::number(meanPenalised)));
        // Without penalties the sigmoid units sit near the middle (measured
        // ~0.6): at least 5x the penalised mean is "far lower".
        QVERIFY(meanPlain >= 5 * meanPenalised);
        // The report agrees with meanActivations().
        Rng rng(1);
        const double reported = penalised->evaluate(m_fashion.testX, rng).get("mean_activation");
        QVERIFY(std::abs(reported - meanPenalised) < 1e-5);
    }

    void sparseL1LowersActivations()
    {
        // The L1 penalty alone (beta 0) also silences units: lambda 3 against
        // none, same seed and data, 10 epochs. Measured 0.17 vs 0.75; at most
        // half is a clear margin.
        const std::map<std::string, std::string> base{{"hidden", "none"}, {"latent", "64"}, {"beta", "0"},
                                                      {"lr", "3e-3"}};
        auto l1Params = base;
        l1Params["lambda"] = "3";
        auto l1 = makeModel("sparse", l1Params, m_fashion);
        auto plain = makeModel("sparse", base, m_fashion);
        train(*l1, m_fashion, 10);
        train(*plain, m_fashion, 10);
        const double withL1 = dynamic_cast<SparseAutoencoder&>(*l1).meanActivations(m_fashion.testX).mean();
        const double without = dynamic_cast<SparseAutoencoder&>(*plain).meanActivations(m_fashion.testX).mean();
        qInfo("sparse L1: mean activation %.4f vs %.4f", withL1, without);
        QVERIFY(withL1 <= 0.5 * without);
    }

    // ---- cae ---------------------------------------------------------------------

    void contractiveShrinksJacobian()
    {
        const auto start = Clock::now();
        const std::map<std::string, std::string> base{{"hidden", "none"}, {"latent", "64"}, {"lr", "3e-3"}};
        auto withParams = base;
        withParams["lambda"] = "3";
        auto plainParams = base;
        plainParams["lambda"] = "0";
        auto contractive = makeModel("cae", withParams, m_fashion);
        auto plain = makeModel("cae", plainParams, m_fashion);
        train(*contractive, m_fashion, 20);
        train(*plain, m_fashion, 20);
        auto& c = dynamic_cast<ContractiveAutoencoder&>(*contractive);
        auto& p = dynamic_cast<ContractiveAutoencoder&>(*plain);
        const double normWith = c.jacobianNorms(m_fashion.testX).mean();
        const double normWithout = p.jacobianNorms(m_fashion.testX).mean();
        Rng r1(1), r2(1);
        const double reconWith = c.evaluate(m_fashion.testX, r1).get("recon");
        const double reconWithout = p.evaluate(m_fashion.testX, r2).get("recon");
        qInfo("cae: mean ||J||_F %.3f vs %.3f without the penalty; recon %.1f vs %.1f (%.1f s)", normWith,
              normWithout, reconWith, reconWithout, seconds(start));
        // lambda 3 against 0, same seed: measured 1.05 vs 3.17. "At least 2x
        // lower" is the property asked for.
        QVERIFY(normWith * 2 <= normWithout);
        // ... at little cost in reconstruction (measured within 1 %): 5 %.
        QVERIFY(reconWith <= 1.05 * reconWithout);
    }

    void contractiveDeepEncoderContracts()
    {
        // An encoder with a hidden layer: the penalty is the random-projection
        // estimate. It must still contract (measured 0.56 vs 0.84 after 10
        // epochs with lambda 3); 0.8x is a margin the noise of one seed keeps.
        const std::map<std::string, std::string> base{{"hidden", "64"}, {"latent", "16"}, {"lr", "3e-3"}};
        auto withParams = base;
        withParams["lambda"] = "3";
        auto plainParams = base;
        plainParams["lambda"] = "0";
        auto contractive = makeModel("cae", withParams, m_fashion);
        auto plain = makeModel("cae", plainParams, m_fashion);
        QVERIFY(!dynamic_cast<ContractiveAutoencoder&>(*contractive).exactPenalty());
        train(*contractive, m_fashion, 5);
        train(*plain, m_fashion, 5);
        const double normWith = dynamic_cast<ContractiveAutoencoder&>(*contractive).jacobianNorms(m_fashion.testX).mean();
        const double normWithout = dynamic_cast<ContractiveAutoencoder&>(*plain).jacobianNorms(m_fashion.testX).mean();
        qInfo("cae deep: mean ||J||_F %.3f vs %.3f", normWith, normWithout);
        QVERIFY(normWith <= 0.8 * normWithout);
    }

    // ---- vae ---------------------------------------------------------------------

    void variationalLearns()
    {
        const auto start = Clock::now();
        auto model = makeModel("vae", {{"hidden", "256"}, {"latent", "4"}, {"lr", "3e-3"}}, m_fashion);
        auto& vae = dynamic_cast<VariationalAutoencoder&>(*model);
        // The objective's negative on held-out images, with a fixed noise
        // stream: -(recon + kl). With sigmoid+BCE on grey images this is no
        // ELBO (BCE is not a density there, Reconstruction.h) and the model
        // reports none; it still measures learning.
        auto elbo = [&] {
            Rng rng(11);
            const LossTerms t = evaluateSet(vae, m_fashion.testX, rng);
            return -(t.get("recon") + t.get("kl"));
        };
        const double before = elbo();
        train(vae, m_fashion, 10);
        const double after = elbo();
        Rng rng(12);
        const LossTerms t = evaluateSet(vae, m_fashion.testX, rng);
        qInfo("vae: held-out -(BCE + KL) %.1f -> %.1f, KL %.2f (%.1f s)", before, after, t.get("kl"), seconds(start));
        QVERIFY(std::isnan(t.get("elbo")));   // not a bound on log p(x): not named one
        // Measured -545 -> -270. An improvement of 100 nats is far beyond the
        // noise of one evaluation (the ELBO's stochastic part moves it < 1 nat).
        QVERIFY(after >= before + 100);
        // The KL is positive and the codes carry information (measured ~10 nats).
        QVERIFY(t.get("kl") > 1.0);
        double sum = 0;
        for (int j = 0; j < 4; ++j) {
            QVERIFY(t.get("kl_" + std::to_string(j)) > 0);
            sum += t.get("kl_" + std::to_string(j));
        }
        QVERIFY(std::abs(sum - t.get("kl")) < 1e-6 * t.get("kl"));
        // encode() is mu: deterministic, and reconstruct() decodes it.
        const Matrix x = m_fashion.testX.topRows(8);
        Matrix mu, logvar;
        vae.posterior(x, mu, logvar);
        QCOMPARE(vae.encode(x), mu);
        QVERIFY((vae.reconstruct(x) - vae.decode(mu)).cwiseAbs().maxCoeff() == 0);

        // Decoded prior samples are images that differ from each other: the
        // smallest RMS difference of any pair of 16 samples exceeds 0.02 (a
        // decoder that ignored z would give 0; measured ~0.1).
        Rng prior(13);
        const Matrix samples = vae.generate(16, prior);
        QCOMPARE(samples.rows(), Eigen::Index(16));
        QCOMPARE(samples.cols(), Eigen::Index(784));
        QVERIFY(samples.minCoeff() >= 0 && samples.maxCoeff() <= 1);
        double minRms = INFINITY;
        for (int a = 0; a < 16; ++a)
            for (int b = a + 1; b < 16; ++b)
                minRms = std::min(minRms, double((samples.row(a) - samples.row(b)).norm()) / std::sqrt(784.0));
        qInfo("vae: smallest RMS difference between prior samples %.3f", minRms);
        QVERIFY(minRms > 0.02);
    }

    // The importance-weighted estimate of log p(x) (Burda et al. 2016), with
    // a continuous Bernoulli decoder (a density on [0, 1]): with k = 1 it is
    // the draw's ELBO; for the same draws IWAE_k is at least their mean
    // log w (Jensen); and it grows with k (measured on 200 held-out images
    // after 5 epochs: IWAE 1488.8, 1501.0, 1506.3 nats for k = 1, 10, 100; continuous
    // densities on [0, 1] exceed 1, so these are positive).
    void importanceWeightedBoundTightensWithK()
    {
        const auto start = Clock::now();
        auto model = makeModel("vae", {{"hidden", "128"}, {"latent", "4"}, {"lr", "3e-3"},
                                       {"output", "continuous-bernoulli"}},
                               m_fashion);
        train(*model, m_fashion, 5);
        auto& vae = dynamic_cast<VariationalAutoencoder&>(*model);
        const Matrix x = m_fashion.testX.topRows(200);
        std::map<int, VariationalAutoencoder::LogLikelihoodEstimate> e;
        for (int k : {1, 10, 100}) {
            Rng rng(21);
            e[k] = vae.estimateLogLikelihood(x, k, rng);
        }
        Rng rng(22);
        const LossTerms t = evaluateSet(vae, x, rng);
        qInfo("vae continuous Bernoulli: ELBO %.2f (evaluate) %.2f (100 draws); IWAE k=1 %.2f, k=10 %.2f, "
              "k=100 %.2f nats (%.1f s)", t.get("elbo"), e[100].elbo, e[1].iwae, e[10].iwae, e[100].iwae,
              seconds(start));
        QVERIFY(std::abs(e[1].iwae - e[1].elbo) < 1e-9 * std::abs(e[1].elbo));
        for (int k : {10, 100})
            QVERIFY(e[k].iwae >= e[k].elbo);
        QVERIFY(e[10].iwae > e[1].iwae + 0.5);
        QVERIFY(e[100].iwae > e[10].iwae + 0.2);
        // evaluate()'s "elbo" (one draw, the KL in closed form) agrees with the
        // 100 draws' mean log w within Monte Carlo noise (measured 1486.9 vs
        // 1489.8: within 0.5 %).
        QVERIFY2(std::abs(t.get("elbo") - e[100].elbo) < 0.005 * std::abs(e[100].elbo),
                 qPrintable(QString("%1 vs %2").arg(t.get("elbo")).arg(e[100].elbo)));
        // A decoder that is not a density has no log-likelihood to estimate.
        auto bce = makeModel("vae", {{"hidden", "8"}, {"latent", "2"}}, m_fashion);
        Rng r(1);
        QVERIFY_THROWS_EXCEPTION(Error, dynamic_cast<VariationalAutoencoder&>(*bce).estimateLogLikelihood(x, 5, r));
    }

    void variationalPosteriorCollapse()
    {
        // With beta 200 the KL costs more than any code can save in
        // reconstruction: every latent dimension's KL goes to ~0 (posterior
        // collapse, shown on purpose). Measured < 0.001 nats for each of the
        // four; < 0.01 is "near zero" next to the ~2-3 nats each carries at beta 1.
        const auto start = Clock::now();
        auto model = makeModel("vae", {{"hidden", "256"}, {"latent", "4"}, {"lr", "3e-3"}, {"beta", "200"}},
                               m_fashion);
        train(*model, m_fashion, 10);
        Rng rng(14);
        const LossTerms t = evaluateSet(*model, m_fashion.testX, rng);
        for (int j = 0; j < 4; ++j) {
            const double kl = t.get("kl_" + std::to_string(j));
            qInfo("vae beta 200: kl_%d = %.5f", j, kl);
            QVERIFY2(kl < 0.01, qPrintable(QString("kl_%1 = %2").arg(j).arg(kl)));
        }
        // The posterior means collapse onto the prior's: mu ~ 0 for every input
        // (KL >= ||mu||^2 / 2 per sample, so this follows from the KL if
        // encode() really returns mu), and so every input decodes alike.
        auto& vae = dynamic_cast<VariationalAutoencoder&>(*model);
        const Matrix mu = vae.encode(m_fashion.testX);
        const double meanSquaredMu = mu.rowwise().squaredNorm().mean();
        qInfo("vae beta 200: mean ||mu||^2 %.5f", meanSquaredMu);
        QVERIFY(meanSquaredMu < 0.02);
        const Matrix images = m_fashion.testX.topRows(8);
        const Matrix recon = vae.reconstruct(images);
        double maxRms = 0, minInputRms = INFINITY;
        for (int a = 0; a < 8; ++a)
            for (int b = a + 1; b < 8; ++b) {
                maxRms = std::max(maxRms, double((recon.row(a) - recon.row(b)).norm()) / std::sqrt(784.0));
                minInputRms = std::min(minInputRms, double((images.row(a) - images.row(b)).norm()) / std::sqrt(784.0));
            }
        QVERIFY(minInputRms > 0.1);   // the inputs do differ
        qInfo("vae beta 200: largest RMS difference between reconstructions %.4f (%.1f s)", maxRms, seconds(start));
        // Different images (pairwise RMS differences above 0.1, checked above)
        // come back as one and the same image: < 0.02.
        QVERIFY(maxRms < 0.02);
    }
};

QTEST_APPLESS_MAIN(TestVariantsA)
#include "test_variants_a.moc"
