// The Qt-free helpers behind the training views: corruption and PSNR, PCA,
// the probe set and the snapshot builder.
#include "TestSupport.h"

#include "data/Catalog.h"
#include "data/Corruption.h"
#include "math/Error.h"
#include "math/Pca.h"
#include "math/Smoothing.h"
#include "models/Registry.h"
#include "train/Duration.h"
#include "train/Snapshot.h"

#include <QTest>

#include <cmath>
#include <limits>
#include <set>

using namespace aelab;

class TestGuiCore : public QObject {
    Q_OBJECT

private slots:
    void gaussianNoiseHasTheRequestedSigma()
    {
        Rng rng(7);
        const Matrix clean = Matrix::Constant(200, 50, 0.5f);
        const Matrix noisy = corrupt(clean, {CorruptionKind::Gaussian, 0.2, false}, rng);
        const double sd = std::sqrt((noisy - clean).cast<double>().squaredNorm() / double(clean.size()));
        // 10000 draws: the sample sd is within a few percent of 0.2.
        QVERIFY(std::abs(sd - 0.2) < 0.01);
        Rng again(7);
        QCOMPARE(corrupt(clean, {CorruptionKind::Gaussian, 0.2, false}, again), noisy);   // seeded
        Rng clampRng(7);
        const Matrix clamped = corrupt(clean, {CorruptionKind::Gaussian, 1.5, true}, clampRng);
        QVERIFY(clamped.minCoeff() >= 0 && clamped.maxCoeff() <= 1);
    }

    void maskingAndSaltPepperHitTheRequestedFraction()
    {
        Rng rng(3);
        const Matrix clean = Matrix::Constant(100, 100, 0.5f);
        const Matrix masked = corrupt(clean, {CorruptionKind::Masking, 0.3, false}, rng);
        const double zeroed = double((masked.array() == 0).count()) / double(clean.size());
        QVERIFY(std::abs(zeroed - 0.3) < 0.02);   // 10000 Bernoulli(0.3): sd 0.005
        QCOMPARE(int((masked.array() != 0 && masked.array() != 0.5f).count()), 0);

        const Matrix sp = corrupt(clean, {CorruptionKind::SaltPepper, 0.4, false}, rng);
        const auto salt = (sp.array() == 1).count(), pepper = (sp.array() == 0).count();
        QVERIFY(std::abs(double(salt + pepper) / double(clean.size()) - 0.4) < 0.02);
        QVERIFY(std::abs(double(salt) - double(pepper)) < 0.1 * double(salt + pepper));
        QCOMPARE(corrupt(clean, {CorruptionKind::Masking, 0.0, false}, rng), clean);
    }

    void corruptionRejectsBadLevelsAndNames()
    {
        Rng rng(1);
        const Matrix x = Matrix::Zero(2, 2);
        QVERIFY_THROWS_EXCEPTION(Error, corrupt(x, {CorruptionKind::Masking, 1.5, false}, rng));
        QVERIFY_THROWS_EXCEPTION(Error, corrupt(x, {CorruptionKind::Gaussian, -0.1, false}, rng));
        QVERIFY_THROWS_EXCEPTION(Error, parseCorruptionKind("speckle"));
        for (CorruptionKind k : corruptionKinds())
            QVERIFY(parseCorruptionKind(corruptionKindName(k)) == k);
    }

    void psnrMatchesItsFormula()
    {
        const Matrix a = Matrix::Constant(4, 5, 0.5f);
        const Matrix b = Matrix::Constant(4, 5, 0.6f);
        // mse = 0.01 -> 10 log10(1 / 0.01) = 20 dB
        QVERIFY(std::abs(psnr(a, b) - 20.0) < 1e-4);
        QVERIFY(std::isinf(psnr(a, a)));
        QVERIFY_THROWS_EXCEPTION(Error, psnr(a, Matrix::Zero(5, 4)));
    }

    void pcaFindsTheMainDirection()
    {
        // Points along (3, 4)/5 with a little spread across it.
        Rng rng(5);
        Matrix x(500, 2);
        for (int i = 0; i < 500; ++i) {
            const double t = rng.normal() * 2, s = rng.normal() * 0.1;
            x(i, 0) = Scalar(1 + 0.6 * t - 0.8 * s);
            x(i, 1) = Scalar(-2 + 0.8 * t + 0.6 * s);
        }
        Pca pca = fitPca(x, 2);
        QVERIFY(std::abs(std::abs(pca.components(0, 0)) - 0.6) < 0.01);
        QVERIFY(std::abs(std::abs(pca.components(1, 0)) - 0.8) < 0.01);
        QVERIFY(pca.explainedFraction(0) > 0.99);   // variance 4 vs 0.01
        const Matrix p = projectPca(pca, x);
        QCOMPARE(p.cols(), Eigen::Index(2));
        QVERIFY(std::abs(p.col(0).mean()) < 1e-4);   // centred

        Pca flipped = pca;
        flipped.components = -flipped.components;
        alignPca(flipped, pca);
        QVERIFY(flipped.components.isApprox(pca.components));
        QVERIFY_THROWS_EXCEPTION(Error, fitPca(x, 3));
    }

    void smoothingIsAnEma()
    {
        const auto s = smoothEma({1, 3, NAN, 5}, 0.5);
        QCOMPARE(s[0], 1.0);
        QCOMPARE(s[1], 2.0);      // 0.5 * 1 + 0.5 * 3
        QVERIFY(std::isnan(s[2]));
        QCOMPARE(s[3], 3.5);      // 0.5 * 2 + 0.5 * 5
    }

    void probeSetHasOneImageOfEachClassFirst()
    {
        const Dataset d = loadDataset("shapes", {.limit = 400});
        const ProbeSet p = chooseProbeSet(d.testX, d.testY, 50, 10, 9);
        QCOMPARE(p.points.rows(), Eigen::Index(std::min<Eigen::Index>(50, d.testX.rows())));
        QCOMPARE(p.pointLabels.size(), std::size_t(p.points.rows()));
        QCOMPARE(p.images.rows(), Eigen::Index(10));
        const std::set<int> firstEight(p.imageLabels.begin(), p.imageLabels.begin() + 8);
        QCOMPARE(int(firstEight.size()), 8);   // shapes has 8 classes
        const ProbeSet again = chooseProbeSet(d.testX, d.testY, 50, 10, 9);
        QCOMPARE(again.points, p.points);      // seeded: the same probe every time
    }

    void builderGathersPointsAndViews()
    {
        const Dataset d = loadDataset("shapes", {.limit = 300});
        HyperParams hp = HyperParams::defaults(variantInfo("ae").specs);
        hp.setFromText(*findSpec(variantInfo("ae").specs, "hidden"), "16");
        hp.setFromText(*findSpec(variantInfo("ae").specs, "latent"), "3");
        auto model = createModel("ae", hp, contextFor(d, 1));
        SnapshotBuilder builder(chooseProbeSet(d.testX, d.testY, 80, 10, 1), d.shape,
                                {CorruptionKind::Masking, 0.25, true}, 1);
        StepInfo step{1, 2, 4, 2, 64, {}};
        step.terms.add("loss", 0.5);
        step.terms.add("recon", 0.4);
        builder.recordStep(step);
        builder.recordPhase(2, 0.5, "pretraining layer 1 of 2");
        builder.recordPhase(3, 0.6, "pretraining layer 1 of 2");   // unchanged: no new mark
        Snapshot s = builder.takePoints();
        QCOMPARE(s.termNames, (std::vector<std::string>{"loss", "recon"}));
        QCOMPARE(s.train.size(), std::size_t(1));
        QCOMPARE(s.train[0].values[1], 0.4);
        QCOMPARE(s.train[0].epoch, 0.5);   // epoch 1, batch 2 of 4
        QCOMPARE(s.phases.size(), std::size_t(1));
        QVERIFY(builder.takePoints().train.empty());   // points are handed over once

        builder.addViews(s, *model);
        QVERIFY(s.latent && s.reconstruction && s.denoising);
        QCOMPARE(s.latent->points.rows(), Eigen::Index(80));
        QCOMPARE(s.latent->points.cols(), Eigen::Index(2));
        QVERIFY(s.latent->projected);
        QVERIFY(QString::fromStdString(s.latent->xLabel).startsWith("PC1 of 3-D codes"));
        QVERIFY(s.reconstruction->images);
        QCOMPARE(s.reconstruction->reconstructions.rows(), Eigen::Index(10));
        QCOMPARE(s.denoising->corrupted.cols(), Eigen::Index(d.features()));
        // 25% masking of images: the corrupted row differs from the clean one.
        QVERIFY(std::isfinite(s.denoising->psnrCorrupted));
        QVERIFY(std::isfinite(s.denoising->psnrRestored));
        // Same spec, same noise: the denoising row is stable between snapshots.
        QCOMPARE(builder.denoising(*model)->corrupted, s.denoising->corrupted);
    }

    void overflowingCodesAreLeftOutOfTheMap()
    {
        // A diverged model can keep finite weights whose codes overflow. The
        // map fits its projection on the finite codes, marks the others NaN
        // and counts them; the codes keep every row (views index samples).
        const Dataset d = loadDataset("shapes", {.limit = 300});
        for (const char* latent : {"2", "3"}) {
            HyperParams hp = HyperParams::defaults(variantInfo("ae").specs);
            hp.setFromText(*findSpec(variantInfo("ae").specs, "hidden"), "16");
            hp.setFromText(*findSpec(variantInfo("ae").specs, "latent"), latent);
            auto model = createModel("ae", hp, contextFor(d, 1));
            Matrix& firstWeights = *model->parameters()[0].value;
            QCOMPARE(firstWeights.cols(), Eigen::Index(d.features()));
            firstWeights.row(0).setConstant(std::numeric_limits<Scalar>::max());   // any lit pixel overflows

            ProbeSet probe = chooseProbeSet(d.testX, d.testY, 80, 10, 1);
            probe.points.topRows(30).setZero();   // blank images stay finite
            SnapshotBuilder builder(probe, d.shape, {}, 1);
            const LatentMap map = builder.latentMap(*model);
            QCOMPARE(map.nonFinite, 50);
            QCOMPARE(map.codes.rows(), Eigen::Index(80));
            QVERIFY(map.points.topRows(30).allFinite());
            QVERIFY(map.points.bottomRows(50).array().isNaN().all());
            QCOMPARE(map.projected, std::string(latent) == "3");
            // Every code overflowing: nothing to fit, every point NaN, no error.
            SnapshotBuilder allLit(chooseProbeSet(d.testX, d.testY, 80, 10, 1), d.shape, {}, 1);
            QCOMPARE(allLit.latentMap(*model).nonFinite, 80);
        }
        // PCA leaves the non-finite rows out of its fit.
        Matrix x(4, 2);
        x << 0, 0, 1, 1, 2, 2, std::numeric_limits<Scalar>::infinity(), 0;
        const Pca pca = fitPca(x, 1);
        QCOMPARE(pca.mean(0), Scalar(1));
        QVERIFY(std::abs(std::abs(pca.components(0, 0)) - Scalar(std::sqrt(0.5))) < Scalar(1e-6));
        x.row(0).setConstant(std::numeric_limits<Scalar>::quiet_NaN());
        x.row(1) = x.row(0);
        x.row(2) = x.row(0);
        QVERIFY_THROWS_EXCEPTION(Error, fitPca(x, 1));
    }

    void pointDataGetsPointsInsteadOfImages()
    {
        const Dataset d = loadDataset("swiss-roll", {.limit = 300});
        auto model = createModel("ae", HyperParams::defaults(variantInfo("ae").specs), contextFor(d, 1));
        SnapshotBuilder builder(chooseProbeSet(d.testX, d.testY, 100, 10, 1), d.shape, {}, 1);
        const ReconstructionRow row = builder.reconstruction(*model);
        QVERIFY(!row.images);
        QCOMPARE(row.originals.cols(), Eigen::Index(2));   // 3-D data through its PCA
        QCOMPARE(row.reconstructions.rows(), row.originals.rows());
        QVERIFY(!builder.denoising(*model));
    }

    void durationsReadAsClockTimes()
    {
        QCOMPARE(formatDuration(83), std::string("1:23"));
        QCOMPARE(formatDuration(7509), std::string("2:05:09"));
        QCOMPARE(formatDuration(-1), std::string("?"));
        QCOMPARE(formatDuration(std::numeric_limits<double>::infinity()), std::string("?"));   // no rate yet
        QCOMPARE(formatDuration(59.6), std::string("1:00"));
    }
};

QTEST_APPLESS_MAIN(TestGuiCore)
#include "test_gui_core.moc"
