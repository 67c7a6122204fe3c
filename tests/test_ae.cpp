// The undercomplete autoencoder `ae`: a linear one finds the PCA subspace, a
// default one learns Fashion-MNIST, runs are reproducible, the declared
// defaults stay what they are, and bad hyperparameters are refused.
#include "TestSupport.h"

#include "data/Catalog.h"
#include "layers/Dense.h"
#include "math/Error.h"
#include "models/Registry.h"
#include "models/EncoderDecoder.h"
#include "train/Split.h"
#include "train/Trainer.h"

#include <Eigen/QR>
#include <Eigen/SVD>
#include <QtTest>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstring>

using namespace aelab;
using Clock = std::chrono::steady_clock;

namespace {

const ParamSpec& spec(const std::string& key)
{
    const ParamSpec* s = findSpec(variantInfo("ae").specs, key);
    if (!s)
        throw std::logic_error("ae has no spec " + key);
    return *s;
}

HyperParams aeParams(std::initializer_list<std::pair<const char*, const char*>> values)
{
    HyperParams hp = HyperParams::defaults(variantInfo("ae").specs);
    for (const auto& [key, text] : values)
        hp.setFromText(spec(key), text);
    return hp;
}

ModelContext vectorContext(int dim, std::uint64_t seed)
{
    ModelContext c;
    c.inputDim = dim;
    c.shape = {1, 1, dim};
    c.seed = seed;
    return c;
}

const Matrix* findParam(Autoencoder& model, const std::string& name)
{
    for (const auto& p : model.parameters())
        if (p.name == name)
            return p.value;
    return nullptr;
}

// Largest principal angle between the column spaces of a and b (same rows):
// the singular values of Qa^T Qb are the cosines of the principal angles.
double largestPrincipalAngle(const Eigen::MatrixXd& a, const Eigen::MatrixXd& b)
{
    const Eigen::MatrixXd qa = Eigen::HouseholderQR<Eigen::MatrixXd>(a).householderQ()
        * Eigen::MatrixXd::Identity(a.rows(), a.cols());
    const Eigen::MatrixXd qb = Eigen::HouseholderQR<Eigen::MatrixXd>(b).householderQ()
        * Eigen::MatrixXd::Identity(b.rows(), b.cols());
    const Eigen::VectorXd cosines = Eigen::JacobiSVD<Eigen::MatrixXd>(qa.transpose() * qb).singularValues();
    return std::acos(std::clamp(cosines.minCoeff(), -1.0, 1.0));
}

std::vector<double> fashionStepLosses(const Dataset& data, std::uint64_t seed)
{
    auto model = createModel("ae", aeParams({{"hidden", "128"}}), contextFor(data, seed));
    TrainOptions opt;
    opt.epochs = 1;
    opt.batchSize = 128;
    opt.seed = seed;
    const Matrix val = data.trainX.topRows(100);
    Trainer trainer(*model, data.trainX, val, opt);
    std::vector<double> losses;
    trainer.onStep = [&](const StepInfo& s) {
        for (const auto& [key, value] : s.terms.terms)
            losses.push_back(value);
    };
    trainer.onEpoch = [&](const EpochInfo& e) { losses.push_back(e.val.total()); };
    if (trainer.run() != RunStatus::Finished)
        return {};
    return losses;
}

} // namespace

class TestAe : public QObject {
    Q_OBJECT

private slots:
    // Baldi & Hornik (1989): a linear autoencoder with MSE has the principal
    // subspace as its global optimum, so its decoder's columns span the top-2
    // PCA directions of the data.
    void linearAeSpansPcaSubspace()
    {
        const auto start = Clock::now();
        const int n = 2000, d = 10;
        Rng rng(2024);
        // A: a random orthonormal 2 x 10 basis (rows), from the QR of a Gaussian matrix.
        const Eigen::MatrixXd g = rng.normalMatrix(d, 2).cast<double>();
        const Eigen::MatrixXd basis = Eigen::HouseholderQR<Eigen::MatrixXd>(g).householderQ()
            * Eigen::MatrixXd::Identity(d, 2);   // (10, 2), orthonormal columns
        // Z ~ N(0, diag(9, 4)); X = Z A + N(0, 0.05^2): variances 9, 4, then 0.0025.
        Eigen::MatrixXd z = rng.normalMatrix(n, 2).cast<double>();
        z.col(0) *= 3.0;
        z.col(1) *= 2.0;
        Eigen::MatrixXd x = z * basis.transpose() + rng.normalMatrix(n, d, 0.0, 0.05).cast<double>();
        x.rowwise() -= x.colwise().mean();

        // The data's top-2 principal directions.
        Eigen::BDCSVD<Eigen::MatrixXd> svd(x, Eigen::ComputeThinV);
        const Eigen::MatrixXd pca = svd.matrixV().leftCols(2);
        QVERIFY(largestPrincipalAngle(pca, basis) < 0.01);   // the generator did what it says

        auto model = createModel("ae",
                                 aeParams({{"activation", "linear"}, {"hidden", "none"}, {"latent", "2"},
                                           {"output", "linear-mse"}, {"optimizer", "adam"}, {"lr", "0.01"},
                                           {"batch", "64"}}),
                                 vectorContext(d, 3));
        QCOMPARE(int(model->parameters().size()), 4);   // encoder.0.{weight,bias}, decoder.0.{weight,bias}
        const Matrix* decoderWeight = findParam(*model, "decoder.0.weight");
        QVERIFY(decoderWeight);
        QCOMPARE(int(decoderWeight->rows()), d);
        QCOMPARE(int(decoderWeight->cols()), 2);
        const double before = largestPrincipalAngle(decoderWeight->cast<double>(), pca);

        const Matrix xs = x.cast<Scalar>();
        const Split split = splitTrainValidation(xs, {}, 0.1, 3);
        TrainOptions opt;
        opt.epochs = 40;
        opt.batchSize = 64;
        opt.seed = 3;
        Trainer trainer(*model, split.trainX, split.valX, opt);
        QCOMPARE(trainer.run(), RunStatus::Finished);

        const double angle = largestPrincipalAngle(decoderWeight->cast<double>(), pca);
        // The best reachable validation MSE is the discarded variance: 8 x 0.0025 = 0.02.
        const double valLoss = trainer.history().back().val.total();
        qInfo("largest principal angle: %.4f rad before, %.5f rad after training; val MSE %.4f; %.1f s",
              before, angle, valLoss, std::chrono::duration<double>(Clock::now() - start).count());
        QVERIFY(before > 0.3);   // a random init is far from the subspace, so the test can fail
        // 0.05 rad (about 3 degrees): the noise alone tilts the sample PCA by
        // ~0.05/2 / sqrt(n) ~ 1e-3; anything left is optimisation error.
        QVERIFY2(angle < 0.05, qPrintable(QString("angle %1 rad").arg(angle)));
        QVERIFY(valLoss < 0.03);
    }

    // A 10k Fashion-MNIST subset: validation loss falls every epoch.
    // Hidden 256,64 instead of the default 512,256 keeps this under ~10 s of
    // CPU (the default costs 2.5x the FLOPs); everything else is default.
    void fashionValidationLossDecreases()
    {
        QVERIFY2(test::haveFashionMnist(), "Fashion-MNIST is missing: apt install dataset-fashion-mnist");
        const auto start = Clock::now();
        LoadOptions lo;
        lo.limit = 10000;
        lo.testLimit = 100;
        const Dataset data = loadDataset("fashion-mnist", lo);
        const double loadSeconds = std::chrono::duration<double>(Clock::now() - start).count();
        QCOMPARE(int(data.trainX.rows()), 10000);
        const Split split = splitTrainValidation(data.trainX, data.trainY, 0.1, 1);
        auto model = createModel("ae", aeParams({{"hidden", "256,64"}}), contextFor(data, 1));
        QVERIFY(dynamic_cast<EncoderDecoder&>(*model).outputMode().kind == OutputKind::SigmoidBce);
        TrainOptions opt;
        opt.epochs = 3;
        opt.batchSize = 128;
        Trainer trainer(*model, split.trainX, split.valX, opt);
        const double initial = trainer.validate().total();
        QCOMPARE(trainer.run(), RunStatus::Finished);
        const auto& h = trainer.history();
        QCOMPARE(int(h.size()), 3);
        qInfo("val BCE: initial %.2f, epochs %.2f %.2f %.2f; loading %.1f s, all %.1f s", initial,
              h[0].val.total(), h[1].val.total(), h[2].val.total(), loadSeconds,
              std::chrono::duration<double>(Clock::now() - start).count());
        QVERIFY(h[0].val.total() < initial);
        QVERIFY(h[1].val.total() < h[0].val.total());
        QVERIFY(h[2].val.total() < h[1].val.total());
        // BCE summed over 784 pixels: ~570 nats at initialisation, 384 for
        // the per-pixel mean image, 187 the entropy floor (both computed with
        // NumPy on these 10k images), ~270-290 after 3 epochs through a 2-D
        // code. Below 320 the code carries information beyond the mean image.
        QVERIFY2(h[2].val.total() < 320, qPrintable(QString::number(h[2].val.total())));
    }

    void sameSeedSameLosses()
    {
        QVERIFY2(test::haveFashionMnist(), "Fashion-MNIST is missing: apt install dataset-fashion-mnist");
        LoadOptions lo;
        lo.limit = 1500;
        lo.testLimit = 100;
        const Dataset data = loadDataset("fashion-mnist", lo);
        const auto a = fashionStepLosses(data, 5);
        const auto b = fashionStepLosses(data, 5);
        QCOMPARE(int(a.size()), 12 * 2 + 1);   // 1500/128 -> 12 batches of (loss, recon), then val
        QVERIFY(std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0);
        const auto c = fashionStepLosses(data, 6);
        QCOMPARE(c.size(), a.size());
        QVERIFY(std::memcmp(a.data(), c.data(), a.size() * sizeof(double)) != 0);
    }

    // Literal defaults: a refactor that changes one shows up here.
    void defaultsAreExactly()
    {
        const auto& specs = variantInfo("ae").specs;
        const HyperParams d = HyperParams::defaults(specs);
        QCOMPARE(int(specs.size()), 12);
        QCOMPARE(int(d.json().size()), 12);
        QCOMPARE(d.choice("arch"), std::string("dense"));
        QCOMPARE(d.text("channels"), std::string("16,32"));
        QCOMPARE(d.choice("up"), std::string("deconv"));
        QCOMPARE(d.intList("hidden"), (std::vector<int>{512, 256}));
        QCOMPARE(d.integer("latent"), 2);
        QCOMPARE(d.choice("activation"), std::string("relu"));
        QCOMPARE(d.choice("output"), std::string("auto"));
        QCOMPARE(d.choice("optimizer"), std::string("adam"));
        QCOMPARE(d.real("lr"), 1e-3);
        QCOMPARE(d.integer("batch"), 128);
        QCOMPARE(d.real("clip"), 0.0);
        QCOMPARE(d.real("momentum"), 0.9);
        QCOMPARE(d.text("hidden"), std::string("512,256"));
        // Defaults pass their own validation.
        HyperParams v = d;
        v.validate(specs);
        QVERIFY(v.json() == d.json());
    }

    void emptyHiddenList_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("none") << "none";
        QTest::newRow("dash") << "-";
        QTest::newRow("empty") << "";
    }
    void emptyHiddenList()
    {
        QFETCH(QString, text);
        HyperParams hp = HyperParams::defaults(variantInfo("ae").specs);
        hp.setFromText(spec("hidden"), text.toStdString());
        QVERIFY(hp.intList("hidden").empty());
        auto model = createModel("ae", hp, vectorContext(5, 1));
        QCOMPARE(int(model->parameters().size()), 4);
    }

    void badValuesNameTheirKey_data()
    {
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("text");
        QTest::newRow("lr too big") << "lr" << "5";
        QTest::newRow("lr zero") << "lr" << "0";
        QTest::newRow("lr malformed") << "lr" << "abc";
        QTest::newRow("lr trailing junk") << "lr" << "1e-3x";
        QTest::newRow("lr nan") << "lr" << "nan";
        QTest::newRow("latent zero") << "latent" << "0";
        QTest::newRow("latent too big") << "latent" << "1025";
        QTest::newRow("latent fraction") << "latent" << "2.5";
        QTest::newRow("latent empty") << "latent" << "";
        QTest::newRow("hidden zero") << "hidden" << "512,0";
        QTest::newRow("hidden too wide") << "hidden" << "5000";
        QTest::newRow("hidden malformed") << "hidden" << "512,abc";
        QTest::newRow("hidden empty item") << "hidden" << "512,,256";
        QTest::newRow("hidden 17 layers") << "hidden" << "1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1";
        QTest::newRow("activation") << "activation" << "swish";
        QTest::newRow("output") << "output" << "softmax";
        QTest::newRow("optimizer") << "optimizer" << "rmsprop";
        QTest::newRow("batch zero") << "batch" << "0";
        QTest::newRow("batch huge") << "batch" << "100000";
        QTest::newRow("batch overflow") << "batch" << "99999999999999999999";
        QTest::newRow("momentum one") << "momentum" << "1";
        QTest::newRow("clip negative") << "clip" << "-1";
    }
    void badValuesNameTheirKey()
    {
        QFETCH(QString, key);
        QFETCH(QString, text);
        HyperParams hp = HyperParams::defaults(variantInfo("ae").specs);
        const nlohmann::json before = hp.json();
        try {
            hp.setFromText(spec(key.toStdString()), text.toStdString());
            QFAIL("no error");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), ErrorKind::InvalidArgument);
            QVERIFY2(std::string(e.what()).find("--" + key.toStdString()) != std::string::npos, e.what());
        }
        QVERIFY(hp.json() == before);   // a refused value leaves the old one
    }

    void badModelsAreRefused()
    {
        const auto& specs = variantInfo("ae").specs;
        QVERIFY_THROWS_EXCEPTION(Error, variantInfo("no-such-variant"));
        try {
            createModel("no-such-variant", HyperParams(), vectorContext(4, 1));
            QFAIL("no error");
        } catch (const Error& e) {
            QVERIFY(std::string(e.what()).find("no-such-variant") != std::string::npos);
            QVERIFY(std::string(e.what()).find("ae") != std::string::npos);   // lists the known ones
        }
        // Values that bypass the text parser are checked by validate().
        try {
            (void)HyperParams::fromJson({{"lr", 5.0}}, specs);
            QFAIL("no error");
        } catch (const Error& e) {
            QVERIFY(std::string(e.what()).find("lr") != std::string::npos);
        }
        try {
            (void)HyperParams::fromJson({{"learning_rate", 0.1}}, specs);
            QFAIL("no error");
        } catch (const Error& e) {
            QVERIFY(std::string(e.what()).find("learning_rate") != std::string::npos);
        }
        QVERIFY_THROWS_EXCEPTION(Error, HyperParams::fromJson({{"hidden", "512,256"}}, specs));
        QVERIFY_THROWS_EXCEPTION(Error, HyperParams::fromJson({{"latent", 2.5}}, specs));
        QVERIFY_THROWS_EXCEPTION(Error, HyperParams::fromJson(nlohmann::json::array(), specs));
        // Missing keys are filled with defaults.
        QCOMPARE(HyperParams::fromJson(nlohmann::json::object(), specs).integer("latent"), 2);
        // sigmoid-bce needs data in [0, 1].
        QVERIFY_THROWS_EXCEPTION(Error, createModel("ae", aeParams({{"output", "sigmoid-bce"}}), vectorContext(4, 1)));
        // A dataset with no features.
        QVERIFY_THROWS_EXCEPTION(Error, createModel("ae", aeParams({}), vectorContext(0, 1)));
    }
};

QTEST_APPLESS_MAIN(TestAe)
#include "test_ae.moc"
