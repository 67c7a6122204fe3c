// What defines the Wasserstein autoencoder: the codes of held-out data, as a
// distribution, match its prior N(0, I), while each input keeps a code of its
// own that reconstructs it. The control is a plain `ae` of the same size,
// trained the same way on the same data: it reconstructs about as well, but
// nothing pulls its codes towards the prior, and a wrong WAE (no MMD term, or
// a gradient that does not reach the encoder) would look like it.
#include "TestSupport.h"

#include "data/Catalog.h"
#include "losses/Mmd.h"
#include "train/Evaluate.h"
#include "train/Run.h"

#include <QtTest>

using namespace aelab;

namespace {

struct Trained {
    double mmd = 0;      // MMD^2 of the held-out codes to prior samples
    double recon = 0;    // held-out reconstruction term
    Matrix codes;
};

Trained train(const std::string& variant, const std::shared_ptr<const Dataset>& data, const Matrix& prior,
              std::uint64_t seed)
{
    RunSettings s;
    s.variant = variant;
    s.values = {{"hidden", {256}}, {"latent", 8}, {"batch", 100}, {"lr", 1e-3}};
    s.epochs = 20;
    s.seed = seed;
    Run run(s, data, "fashion-mnist");
    if (run.train() != RunStatus::Finished)
        throw std::runtime_error(variant + " did not finish");
    Trained t;
    t.codes = encodeSet(run.model(), data->testX);
    t.mmd = mmdImq(t.codes, prior).value;
    t.recon = evaluateSet(run.model(), data->testX, Rng(5)).get("recon");
    return t;
}

} // namespace

class TestWae : public QObject {
    Q_OBJECT

private slots:
    void codesMatchThePriorUnlikeAPlainAe()
    {
        QVERIFY2(test::haveFashionMnist(), "Fashion-MNIST is not installed (apt install dataset-fashion-mnist)");
        const auto data = std::make_shared<const Dataset>(loadDataset("fashion-mnist", {.limit = 3000}));
        const Eigen::Index n = data->testX.rows();   // 500 held-out images
        const Matrix prior = Rng(99).normalMatrix(n, 8);
        const std::uint64_t seed = qEnvironmentVariableIntValue("AELAB_TEST_SEED") > 0
            ? std::uint64_t(qEnvironmentVariableIntValue("AELAB_TEST_SEED")) : 1;
        const Trained ae = train("ae", data, prior, seed);
        const Trained wae = train("wae", data, prior, seed);   // mmd-weight at its default, 100
        // What the estimator gives for a sample of the prior itself: its floor.
        const double floor = mmdImq(Rng(7).normalMatrix(n, 8), prior).value;
        qInfo("held-out MMD^2 to N(0, I): ae %.4f, wae %.4f, another prior sample %.4f", ae.mmd, wae.mmd, floor);
        qInfo("held-out reconstruction (BCE per image): ae %.2f, wae %.2f", ae.recon, wae.recon);

        // Measured with seeds 1-3 (AELAB_TEST_SEED): the ae's codes sit at
        // MMD^2 1.32-1.46 from the prior, the wae's at 0.026-0.046 (29-53x
        // closer; a prior sample itself at 0.0003); the wae's reconstruction
        // is 1.4-1.9% above the ae's.
        QVERIFY2(wae.mmd < ae.mmd / 10, "the wae's codes are not much closer to the prior than a plain ae's");
        QVERIFY2(wae.mmd < 0.1, "the wae's codes are not close to the prior");
        // At (about) equal reconstruction: the MMD term does not buy its match
        // by giving up the data.
        QVERIFY2(wae.recon < 1.05 * ae.recon, "the wae reconstructs clearly worse than a plain ae");
        // Each code dimension looks like N(0, 1): mean ~0, variance ~1.
        const RowVector mean = wae.codes.colwise().mean();
        const RowVector var = (wae.codes.rowwise() - mean).array().square().colwise().mean();
        qInfo("wae code means in [%.2f, %.2f], variances in [%.2f, %.2f]", mean.minCoeff(), mean.maxCoeff(),
              var.minCoeff(), var.maxCoeff());
        QVERIFY(mean.cwiseAbs().maxCoeff() < 0.35);   // measured <= 0.24
        QVERIFY(var.minCoeff() > 0.5 && var.maxCoeff() < 1.6);
    }
};

QTEST_MAIN(TestWae)
#include "test_wae.moc"
