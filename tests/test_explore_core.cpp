// core/explore/: lattices and quantiles, latent planes, histograms, the
// timeline, Jacobians and tangents, vector fields, filters, posterior
// statistics, Hamming search and imputation by mechanism. Hand-computable
// cases first, then each against an independent computation on small models.
#include "TestSupport.h"

#include "data/Catalog.h"
#include "explore/Subspace.h"
#include "math/Pca.h"
#include "math/Rng.h"
#include "explore/Filters.h"
#include "explore/HashSearch.h"
#include "explore/Histogram.h"
#include "explore/ImputationDemo.h"
#include "explore/Lattice.h"
#include "explore/LatentPlane.h"
#include "explore/PosteriorStats.h"
#include "explore/Tangents.h"
#include "explore/Timeline.h"
#include "explore/VectorField.h"
#include "layers/Dense.h"
#include "math/Error.h"
#include "models/Contractive.h"
#include "models/Registry.h"
#include "models/Stacked.h"
#include "train/Evaluate.h"
#include "train/Trainer.h"

#include <QtTest>

#include <cmath>
#include <map>

using namespace aelab;

namespace {

std::unique_ptr<Autoencoder> makeModel(const std::string& key, const std::map<std::string, std::string>& text,
                                       const Dataset& data, std::uint64_t seed = 3)
{
    return test::makeModel(key, text, contextFor(data, seed));
}

const Dataset& shapes()
{
    static const Dataset data = loadDataset("shapes", {.limit = 300, .testLimit = 100});
    return data;
}

// A stand-in with one conv-shaped first weight (O = 4 kernels of C k k = 1 x 3 x 3),
// to read the kernel branch of encoderFilters without a conv network.
class KernelModel : public Autoencoder {
public:
    explicit KernelModel(const ModelContext& c) : Autoencoder({}, c, 2), m_w(4, 9), m_g(4, 9)
    {
        for (int i = 0; i < 36; ++i)
            m_w(i / 9, i % 9) = Scalar(i - 18);
    }
    std::string variant() const override { return "kernels"; }
    LossTerms trainStep(const Matrix&, Rng&) override { return {}; }
    LossTerms evaluate(const Matrix&, Rng&) override { return {}; }
    Matrix encode(const Matrix& x) override { return Matrix::Zero(x.rows(), 2); }
    Matrix decode(const Matrix& z) override { return Matrix::Zero(z.rows(), m_context.inputDim); }
    std::vector<Parameter> parameters() override { return {{"encoder.0.weight", &m_w, &m_g}}; }
    void setLearningRate(double) override {}

private:
    Matrix m_w, m_g;
};

} // namespace

class TestExploreCore : public QObject {
    Q_OBJECT

private slots:
    // Principal angles: 0 for one subspace in two bases, 90 for orthogonal
    // ones, 45 for a plane turned by 45 degrees about one axis.
    void principalAnglesOfKnownSubspaces()
    {
        Matrix a = Matrix::Zero(3, 2);
        a(0, 0) = 1;
        a(1, 1) = 1;
        Matrix b = Matrix::Zero(3, 2);   // the same plane, other basis
        b(0, 0) = b(1, 0) = Scalar(std::sqrt(0.5));
        b(0, 1) = Scalar(std::sqrt(0.5));
        b(1, 1) = Scalar(-std::sqrt(0.5));
        for (double t : principalAnglesDegrees(a, b))
            QVERIFY(std::abs(t) < 1e-2);
        Matrix c = Matrix::Zero(3, 1), d = Matrix::Zero(3, 1);
        c(0, 0) = 1;
        d(2, 0) = 1;
        QVERIFY(std::abs(principalAnglesDegrees(c, d)[0] - 90) < 1e-3);
        Matrix e = Matrix::Zero(3, 2);   // x and (y + z)/sqrt 2: angles 0 and 45 against the xy plane
        e(0, 0) = 1;
        e(1, 1) = e(2, 1) = Scalar(std::sqrt(0.5));
        const auto angles = principalAnglesDegrees(a, e);
        QVERIFY(std::abs(angles[0]) < 1e-2);
        QVERIFY(std::abs(angles[1] - 45) < 1e-2);
        QVERIFY_THROWS_EXCEPTION(Error, principalAnglesDegrees(a, c));
    }

    // Reconstructions in PCA's top-2 subspace are at 0 degrees from it;
    // in another 2-D subspace (the control a wrong model would give) they are not.
    void reconstructionsInPcaSubspaceAreAtZeroDegrees()
    {
        Rng rng(3);
        Matrix x(400, 6);
        for (Eigen::Index i = 0; i < x.rows(); ++i)
            for (Eigen::Index j = 0; j < x.cols(); ++j)
                x(i, j) = Scalar(rng.normal() * (j == 0 ? 5.0 : j == 1 ? 3.0 : 0.3));
        const Pca pca = fitPca(x, 2);
        const Matrix inPca = ((x.rowwise() - pca.mean) * pca.components * pca.components.transpose()).rowwise() + pca.mean;
        const SubspaceComparison same = reconstructionSubspace(x, inPca, 2);
        QCOMPARE(same.k, 2);
        QVERIFY2(same.largestDegrees() < 0.5, qPrintable(QString::number(same.largestDegrees())));
        Matrix other = Matrix::Zero(6, 2);   // the two low-variance axes
        other(4, 0) = 1;
        other(5, 1) = 1;
        const Matrix elsewhere = x * other * other.transpose();
        QVERIFY(reconstructionSubspace(x, elsewhere, 2).largestDegrees() > 80);
        QVERIFY_THROWS_EXCEPTION(Error, reconstructionSubspace(x, inPca, 6));
    }

    void normalQuantileMatchesTables()
    {
        // Reference values of Phi^-1 (R's qnorm, 16 digits); the Halley step
        // makes the approximation good to ~1e-12, so 1e-9 leaves room.
        QVERIFY(std::abs(normalQuantile(0.5)) < 1e-12);
        QVERIFY(std::abs(normalQuantile(0.975) - 1.959963984540054) < 1e-9);
        QVERIFY(std::abs(normalQuantile(0.001) + 3.090232306167813) < 1e-9);
        QVERIFY(std::abs(normalQuantile(0.2) + normalQuantile(0.8)) < 1e-12);
        QVERIFY_THROWS_EXCEPTION(Error, normalQuantile(0.0));
        QVERIFY_THROWS_EXCEPTION(Error, normalQuantile(1.0));
    }

    void latticesAreInReadingOrder()
    {
        const Matrix g = gridLattice({0, 3, 0, 3}, 3);
        QCOMPARE(g.rows(), Eigen::Index(9));
        // Row 0 is the top (y = 2.5), x rising; the last row is y = 0.5.
        QCOMPARE(double(g(0, 0)), 0.5);
        QCOMPARE(double(g(0, 1)), 2.5);
        QCOMPARE(double(g(2, 0)), 2.5);
        QCOMPARE(double(g(8, 1)), 0.5);
        const Matrix q = gaussianLattice(4);
        // Column c at Phi^-1((c + 1/2) / 4); the top row at the largest y.
        QVERIFY(std::abs(double(q(0, 0)) - normalQuantile(0.125)) < 1e-6);
        QVERIFY(std::abs(double(q(0, 1)) - normalQuantile(0.875)) < 1e-6);
        QVERIFY(std::abs(double(q(15, 1)) - normalQuantile(0.125)) < 1e-6);
        QVERIFY_THROWS_EXCEPTION(Error, gridLattice({}, 0));
    }

    void interpolationEndsAtItsEndpoints()
    {
        RowVector a(3), b(3);
        a << 1, 2, 3;
        b << -1, 0, 5;
        const Matrix p = interpolationPath(a, b, 5);
        QCOMPARE(p.rows(), Eigen::Index(5));
        QVERIFY(p.row(0) == a);
        QVERIFY(p.row(4) == b);
        QVERIFY((p.row(2) - RowVector((a + b) / 2)).norm() < 1e-6);
        QVERIFY_THROWS_EXCEPTION(Error, interpolationPath(a, b, 1));
    }

    void planesLiftWhatTheyProject()
    {
        Rng rng(5);
        Matrix codes = rng.normalMatrix(200, 4);
        codes.col(2) *= 5;   // the leading component is mostly z3
        // PCA: lift then project is the identity on the plane.
        const LatentPlane pca = fitPlane(codes, {});
        QCOMPARE(int(pca.mode), int(PlaneMode::Pca));
        QVERIFY(QString::fromStdString(pca.xLabel).startsWith("PC1"));
        Matrix p(2, 2);
        p << 0.5, -1, 2, 0.25;
        QVERIFY((pca.project(pca.lift(p)) - p).norm() < 1e-4);
        QVERIFY(std::abs(std::abs(double(pca.pca.components(2, 0))) - 1) < 0.05);
        // A refit keeps the previous signs.
        const LatentPlane again = fitPlane(-codes, {}, &pca);
        QVERIFY(again.pca.components.col(0).dot(pca.pca.components.col(0)) > 0);

        // Dims: the chosen coordinates, the rest at the mean (or 0).
        const LatentPlane dims = fitPlane(codes, {.mode = PlaneMode::Dims, .dimX = 3, .dimY = 1});
        const Matrix z = dims.lift(p);
        QCOMPARE(double(z(0, 3)), 0.5);
        QCOMPARE(double(z(0, 1)), -1.0);
        QVERIFY(std::abs(double(z(0, 2) - codes.col(2).mean())) < 1e-5);
        QVERIFY((dims.project(codes).col(0) - codes.col(3)).norm() == 0);
        const LatentPlane zero = fitPlane(codes, {.mode = PlaneMode::Dims, .dimX = 0, .dimY = 1, .zeroBase = true});
        QCOMPARE(double(zero.lift(p)(1, 2)), 0.0);
        QVERIFY_THROWS_EXCEPTION(Error, fitPlane(codes, {.mode = PlaneMode::Dims, .dimX = 1, .dimY = 1}));
        QVERIFY_THROWS_EXCEPTION(Error, fitPlane(codes, {.mode = PlaneMode::Dims, .dimX = 0, .dimY = 4}));

        // Latent size 1: a line.
        const LatentPlane line = fitPlane(codes.leftCols(1), {});
        QCOMPARE(line.lift(p).cols(), Eigen::Index(1));
        QCOMPARE(double(line.lift(p)(1, 0)), 2.0);
    }

    void histogramCountsByHand()
    {
        const Histogram h = histogram({0.0, 0.1, 0.5, 0.99, 1.0, -0.1, 1.5, NAN}, 4, 0, 1);
        // Bins [0,.25) [.25,.5) [.5,.75) [.75,1]: 0 and 0.1; none; 0.5; 0.99 and 1 (closed end).
        QCOMPARE(h.counts, std::vector<int>({2, 0, 1, 2}));
        QCOMPARE(h.total(), 5);
        QCOMPARE(h.binCentre(0), 0.125);
        const Histogram own = histogram({3.0, 3.0}, 5);
        QCOMPARE(own.total(), 2);
        QVERIFY(own.hi > own.lo);
    }

    void timelineKeepsEveryKStepsWithinItsBudget()
    {
        CodeTimeline t(10, 8);
        const Matrix c = Matrix::Zero(3, 2);
        QVERIFY(t.offer(1, c));
        QVERIFY(!t.offer(5, c));     // 4 < K = 10 steps later
        QVERIFY(t.offer(11, c));
        QCOMPARE(t.size(), 2);
        for (long long s = 21; s <= 91; s += 10)
            t.offer(s, c);
        // The 9th frame (step 81) overflows 8: thinned to steps 1, 21, 41, 61, 81
        // and K doubled, so step 91 (10 after 81) is no longer kept.
        QCOMPARE(t.size(), 5);
        QCOMPARE(t.interval(), 20LL);
        QCOMPARE(t.frame(0).step, 1LL);
        QCOMPARE(t.frame(t.size() - 1).step, 81LL);
        for (int i = 1; i < t.size(); ++i)
            QVERIFY(t.frame(i).step > t.frame(i - 1).step);
        t.keepLast(95, Matrix::Ones(3, 2));
        QCOMPARE(t.frame(t.size() - 1).step, 95LL);
        // A step before the last starts a new run.
        QVERIFY(t.offer(3, c));
        QCOMPARE(t.size(), 1);
    }

    void jacobianMatchesTheClosedForm()
    {
        // One-layer sigmoid cae: h = sigmoid(W x + b), J = diag(h (1 - h)) W.
        auto model = makeModel("cae", {{"hidden", "none"}, {"latent", "6"}}, shapes());
        auto& cae = dynamic_cast<ContractiveAutoencoder&>(*model);
        const RowVector x = shapes().testX.row(0);
        const Matrix j = encoderJacobian(cae, x);
        QCOMPARE(j.rows(), Eigen::Index(6));
        QCOMPARE(j.cols(), Eigen::Index(784));
        const Matrix h = cae.encode(x);
        auto& dense = dynamic_cast<Dense&>(cae.encoder().at(0));
        const Matrix expected = (h.array() * (1 - h.array())).matrix().transpose().asDiagonal() * dense.weight();
        // Central differences in float, step 1e-3: rounding ~1e-4 of the entries' scale.
        const double rel = double((j - expected).norm() / expected.norm());
        QVERIFY2(rel < 2e-3, qPrintable(QString::number(rel)));
        // And the model's own exact norm.
        QVERIFY(std::abs(double(j.norm() - cae.jacobianNorms(x)(0))) < 2e-3 * double(j.norm()));

        const TangentSpace t = tangentSpace(j, 3);
        QCOMPARE(int(t.singularValues.size()), 6);
        QCOMPARE(t.directions.rows(), Eigen::Index(3));
        for (std::size_t i = 1; i < t.singularValues.size(); ++i)
            QVERIFY(t.singularValues[i] <= t.singularValues[i - 1]);
        // Unit, orthogonal directions with |J v_k| = s_k.
        const Matrix gram = t.directions * t.directions.transpose();
        QVERIFY((gram - Matrix::Identity(3, 3)).norm() < 1e-4);
        QVERIFY(std::abs(double((j * t.directions.row(0).transpose()).norm()) - t.singularValues[0])
                < 1e-4 * t.singularValues[0]);
    }

    void tangentsOfAKnownMatrix()
    {
        Matrix j = Matrix::Zero(2, 3);
        j(0, 1) = 3;   // s1 = 3 along e2
        j(1, 2) = -2;  // s2 = 2 along e3
        const TangentSpace t = tangentSpace(j, 5);
        QCOMPARE(t.singularValues.size(), std::size_t(2));
        QVERIFY(std::abs(t.singularValues[0] - 3) < 1e-9);
        QVERIFY(std::abs(t.singularValues[1] - 2) < 1e-9);
        QVERIFY(std::abs(std::abs(double(t.directions(0, 1))) - 1) < 1e-6);
        const Matrix unit = signedToUnit(t.directions);
        QVERIFY(unit.minCoeff() >= 0 && unit.maxCoeff() <= 1);
        QCOMPARE(double(unit(0, 0)), 0.5);   // 0 is mid-grey
    }

    void vectorFieldIsReconstructionMinusPoint()
    {
        const Dataset moons = loadDataset("moons", {.limit = 300});
        auto model = makeModel("dae", {{"hidden", "16"}}, moons);
        const PlaneRect r = dataBounds(moons.trainX);
        QVERIFY(r.xMin < moons.trainX.col(0).minCoeff() && r.yMax > moons.trainX.col(1).maxCoeff());
        const VectorField f = reconstructionField(*model, r, 7);
        QCOMPARE(f.points.rows(), Eigen::Index(49));
        const Matrix expected = model->reconstruct(f.points) - f.points;
        QVERIFY((f.deltas - expected).norm() < 1e-5);
        QVERIFY_THROWS_EXCEPTION(Error, reconstructionField(*makeModel("ae", {{"hidden", "8"}}, shapes()), r, 3));

        // A field that points straight at the data agrees fully; its reverse not at all.
        Matrix data(1, 2);
        data << 0, 0;
        VectorField toward{gridLattice({-1, 1, -1, 1}, 4), Matrix()};
        toward.deltas = -0.5 * toward.points;
        QVERIFY(std::abs(fieldAgreement(toward, data).meanCosineToData - 1) < 1e-6);
        toward.deltas = -toward.deltas;
        QVERIFY(std::abs(fieldAgreement(toward, data).meanCosineToData + 1) < 1e-6);
    }

    void denoisingFieldPointsBackToTheData()
    {
        // A dae trained on moons: r(x) - x points towards the data (Alain & Bengio).
        const Dataset moons = loadDataset("moons", {.limit = 1000});
        auto model = makeModel("dae", {{"hidden", "32"}, {"lr", "0.01"}}, moons);
        const PlaneRect rect = dataBounds(moons.trainX);
        const double before = fieldAgreement(reconstructionField(*model, rect, 15), moons.trainX).meanCosineToData;
        TrainOptions opt;
        opt.epochs = 30;
        opt.batchSize = 64;
        const Matrix noVal;
        Trainer trainer(*model, moons.trainX, noVal, opt);
        QCOMPARE(int(trainer.run()), int(RunStatus::Finished));
        const VectorField f = reconstructionField(*model, rect, 15);
        const double cosine = fieldAgreement(f, moons.trainX).meanCosineToData;
        qInfo("dae on moons: mean cosine to the nearest data point %.3f (untrained %.3f)", cosine, before);
        // Random directions would average 0; an untrained model already points
        // roughly at the centre (measured 0.37); trained, measured 0.60.
        QVERIFY2(cosine > 0.4 && cosine > before + 0.1, qPrintable(QString::number(cosine)));
    }

    // The score reading r(x) - x ~ sigma^2 grad log p(x) (Alain & Bengio
    // 2014) is claimed only for a dae with Gaussian noise and squared error:
    // not for masking or salt-and-pepper noise, a BCE output, a plain ae or
    // a cae (which penalises the encoder's Jacobian instead).
    void scoreReadingOnlyForGaussianDaeWithSquaredError()
    {
        const Dataset moons = loadDataset("moons", {.limit = 200});
        QCOMPARE(scoreNoiseSigma(*makeModel("dae", {{"hidden", "8"}, {"noise", "0.2"}}, moons)), 0.2);
        QCOMPARE(scoreNoiseSigma(*makeModel("dae", {{"hidden", "8"}, {"corruption", "masking"}}, moons)), 0.0);
        QCOMPARE(scoreNoiseSigma(*makeModel("dae", {{"hidden", "8"}, {"corruption", "salt-pepper"}}, moons)), 0.0);
        QCOMPARE(scoreNoiseSigma(*makeModel("ae", {{"hidden", "8"}}, moons)), 0.0);
        QCOMPARE(scoreNoiseSigma(*makeModel("cae", {}, moons)), 0.0);
        QCOMPARE(scoreNoiseSigma(*makeModel("dae", {{"hidden", "8"}, {"output", "sigmoid-bce"}}, shapes())), 0.0);
    }

    void filtersAreTheFirstLayersRows()
    {
        auto model = makeModel("ae", {{"hidden", "32"}}, shapes());
        const auto banks = encoderFilters(*model, shapes().shape, 20, false);
        QCOMPARE(banks.size(), std::size_t(1));
        QCOMPARE(banks[0].units, 32);
        QCOMPARE(banks[0].tiles.rows(), Eigen::Index(20));
        QVERIFY(banks[0].tileShape == shapes().shape);
        auto& dense = dynamic_cast<Dense&>(dynamic_cast<EncoderDecoder&>(*model).encoder().at(0));
        const RowVector w = dense.weight().row(4);
        const RowVector expected = (w.array() / w.cwiseAbs().maxCoeff() * 0.5f + 0.5f).matrix();
        QVERIFY((banks[0].tiles.row(4) - expected).norm() < 1e-5);

        // stacked: one bank per layer, in input space.
        auto stacked = makeModel("stacked", {{"hidden", "32,16"}, {"latent", "4"}}, shapes());
        const auto layers = encoderFilters(*stacked, shapes().shape, 64, true);
        QCOMPARE(layers.size(), std::size_t(3));
        QCOMPARE(layers[1].units, 16);
        QCOMPARE(layers[2].units, 4);
        QCOMPARE(layers[2].tiles.cols(), Eigen::Index(784));
    }

    void convKernelsAreTiles()
    {
        KernelModel model(contextFor(shapes(), 1));
        const auto banks = encoderFilters(model, shapes().shape, 3, false);
        QCOMPARE(banks.size(), std::size_t(1));
        QCOMPARE(banks[0].units, 4);
        QVERIFY(banks[0].tileShape == (SampleShape{1, 3, 3}));
        QCOMPARE(banks[0].tiles.rows(), Eigen::Index(3));   // maxTiles
        // Kernel 0 is -18..-10: scaled by its own max |w| = 18, so its first entry is black.
        QCOMPARE(double(banks[0].tiles(0, 0)), 0.0);
        QVERIFY(std::abs(double(banks[0].tiles(0, 8)) - (0.5 - 0.5 * 10.0 / 18)) < 1e-6);
    }

    void posteriorStatsFindCollapsedDimensions()
    {
        // Dimension 0 varies with x (active); dimension 1 is the prior (mu 0,
        // logvar 0: KL 0, collapsed).
        Matrix mu = Matrix::Zero(100, 2), logvar = Matrix::Zero(100, 2);
        for (int i = 0; i < 100; ++i)
            mu(i, 0) = Scalar((i % 2) ? 1 : -1);
        const PosteriorStats s = posteriorStats(mu, logvar);
        QCOMPARE(s.activeUnits, 1);
        QCOMPARE(s.collapsed, std::vector<int>({1}));
        // KL_0 = 1/2 mean(mu^2) = 0.5.
        QVERIFY(std::abs(s.klPerDimension[0] - 0.5) < 1e-6);
        QVERIFY(!s.fullyCollapsed());
        QVERIFY(posteriorStats(Matrix::Zero(10, 3), Matrix::Zero(10, 3)).fullyCollapsed());
    }

    void hammingSearchByHand()
    {
        Matrix codes(4, 4);
        codes << 0, 0, 0, 0,   // query
            0, 0, 0, 1,        // d = 1, same label
            1, 1, 0, 0,        // d = 2, other label
            1, 1, 1, 1;        // d = 4, same label
        const BinaryCodes db = packBits(codes);
        const std::vector<int> labels{0, 0, 1, 0};
        const auto n = hammingNeighbours(db, db.row(0), 2, 0);
        QCOMPARE(n.size(), std::size_t(2));
        QCOMPARE(n[0].index, 1);
        QCOMPARE(n[0].distance, 1.0);
        QCOMPARE(n[1].index, 2);
        const RadiusCurve c = precisionByRadius(db, labels, db.row(0), 0, 0);
        QCOMPARE(c.retrieved, std::vector<int>({0, 1, 2, 2, 3}));
        QVERIFY(std::isnan(c.precision[0]));
        QCOMPARE(c.precision[1], 1.0);
        QCOMPARE(c.precision[2], 0.5);
        QVERIFY(std::abs(c.precision[4] - 2.0 / 3) < 1e-12);
        QCOMPARE(codeString(db, 3), std::string("1111"));
        const auto e = euclideanNeighbours(codes, codes.row(0), 1, 0);
        QCOMPARE(e[0].index, 1);
    }

    void imputationRunsEveryMechanism()
    {
        auto model = makeModel("masked", {{"hidden", "32"}, {"latent", "8"}}, shapes());
        auto& masked = dynamic_cast<MaskedAutoencoder&>(*model);
        const auto results = imputationByMechanism(masked, shapes().trainX, shapes().testX, 4, 300);
        QCOMPARE(results.size(), std::size_t(3));
        for (const auto& r : results) {
            QVERIFY2(r.error.empty(), r.error.c_str());
            QCOMPARE(r.original.rows(), Eigen::Index(4));
            QVERIFY(std::isfinite(r.autoencoderRmse) && std::isfinite(r.meanRmse) && std::isfinite(r.regressionRmse));
            // The default rate is 0.3 of all entries (MAR reaches it on the top half).
            QVERIFY2(r.missingFraction > 0.2 && r.missingFraction < 0.4, qPrintable(QString::number(r.missingFraction)));
            // Observed entries are kept as they are, missing ones shaded.
            for (Eigen::Index j = 0; j < r.original.cols(); ++j)
                QCOMPARE(r.masked(0, j), r.mask(0, j) > 0 ? r.original(0, j) : Scalar(0.5));
        }
        QCOMPARE(int(results[1].kind), int(MissingKind::Mar));
    }
};

QTEST_APPLESS_MAIN(TestExploreCore)
#include "test_explore_core.moc"
