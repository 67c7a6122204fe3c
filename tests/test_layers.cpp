// Layers by hand: forward and backward passes on values small enough to
// compute on paper, activations at their special points and at extremes,
// Sequential's naming, and the initialisers' statistics. (Their gradients are
// checked against central differences in test_gradcheck, in double.)
#include "layers/Activations.h"
#include "layers/Dense.h"
#include "layers/Sequential.h"
#include "math/Error.h"

#include <QtTest>

#include <cmath>
#include <limits>

using namespace aelab;

namespace {

Matrix rowOf(std::initializer_list<Scalar> values)
{
    Matrix m(1, Eigen::Index(values.size()));
    Eigen::Index c = 0;
    for (Scalar v : values)
        m(0, c++) = v;
    return m;
}

// Float results of a few operations: 1e-6 absolute is ~10 ulps at 1.
bool near(const Matrix& a, const Matrix& b, double tol = 1e-6)
{
    return a.rows() == b.rows() && a.cols() == b.cols() && (a - b).cwiseAbs().maxCoeff() <= tol;
}

std::string show(const Matrix& m)
{
    std::ostringstream s;
    s << m;
    return s.str();
}

double mean(const Matrix& m) { return double(m.cast<double>().mean()); }

double variance(const Matrix& m)
{
    const double mu = mean(m);
    return (m.cast<double>().array() - mu).square().sum() / double(m.size() - 1);
}

} // namespace

class TestLayers : public QObject {
    Q_OBJECT

private slots:
    void denseForwardByHand()
    {
        Rng rng(1);
        Dense layer(3, 2, rng);
        layer.weight() << 1, 2, 3,
                          -1, 0, 0.5;          // (out, in)
        layer.bias() << 0.5, -1;
        Matrix x(2, 3);
        x << 1, 0, -1,
             2, 1, 0.5;
        // Y = X W^T + b
        //   row 0: [1 - 3 + 0.5,  -1 - 0.5 - 1]     = [-1.5, -2.5]
        //   row 1: [2 + 2 + 1.5 + 0.5, -2 + 0.25 - 1] = [6, -2.75]
        Matrix expected(2, 2);
        expected << -1.5, -2.5,
                    6, -2.75;
        const Matrix y = layer.forward(x);
        QVERIFY2(near(y, expected), show(y).c_str());
    }

    void denseBackwardByHand()
    {
        Rng rng(1);
        Dense layer(3, 2, rng);
        layer.weight() << 1, 2, 3,
                          -1, 0, 0.5;
        Matrix x(2, 3);
        x << 1, 0, -1,
             2, 1, 0.5;
        layer.zeroGrad();
        layer.forward(x);
        const Matrix dx = layer.backward(Matrix::Ones(2, 2));
        // dX = dY W: each row is the column sums of W = [0, 2, 3.5]
        // dW = dY^T X: each row is the column sums of X = [3, 1, -0.5]
        // db = 1^T dY = [2, 2]
        Matrix dxExpected(2, 3), dwExpected(2, 3);
        dxExpected << 0, 2, 3.5,
                      0, 2, 3.5;
        dwExpected << 3, 1, -0.5,
                      3, 1, -0.5;
        QVERIFY2(near(dx, dxExpected), show(dx).c_str());
        const auto params = layer.parameters();
        QVERIFY2(near(*params[0].grad, dwExpected), show(*params[0].grad).c_str());
        QVERIFY(near(*params[1].grad, rowOf({2, 2})));
    }

    void denseAccumulatesGradients()
    {
        // The layer contract: backward ADDS; zeroGrad clears.
        Rng rng(2);
        Dense layer(4, 3, rng);
        const Matrix x = rng.normalMatrix(5, 4), dy = rng.normalMatrix(5, 3);
        layer.zeroGrad();
        layer.forward(x);
        layer.backward(dy);
        const Matrix once = *layer.parameters()[0].grad;
        layer.forward(x);
        layer.backward(dy);
        QVERIFY(near(*layer.parameters()[0].grad, 2 * once, 1e-5));
        layer.zeroGrad();
        QCOMPARE(layer.parameters()[0].grad->cwiseAbs().maxCoeff(), Scalar(0));
        QCOMPARE(layer.parameters()[1].grad->cwiseAbs().maxCoeff(), Scalar(0));
    }

    void denseShapesLikePyTorch()
    {
        Rng rng(3);
        Dense layer(5, 3, rng);
        // nn.Linear(5, 3).weight is (3, 5); bias (3,), here a (1, 3) row, zero at start.
        QCOMPARE(layer.weight().rows(), Eigen::Index(3));
        QCOMPARE(layer.weight().cols(), Eigen::Index(5));
        QCOMPARE(layer.bias().rows(), Eigen::Index(1));
        QCOMPARE(layer.bias().cols(), Eigen::Index(3));
        QCOMPARE(layer.bias().cwiseAbs().maxCoeff(), Scalar(0));
        QCOMPARE(layer.inputs(), 5);
        QCOMPARE(layer.outputs(), 3);
        const auto params = layer.parameters();
        QCOMPARE(params.size(), std::size_t(2));
        QCOMPARE(params[0].name, std::string("weight"));
        QCOMPARE(params[1].name, std::string("bias"));
        QCOMPARE(layer.describe(), std::string("Dense(5 -> 3)"));
        QCOMPARE(layer.forward(Matrix::Zero(7, 5)).rows(), Eigen::Index(7));
    }

    void denseRejectsEmptyWidths()
    {
        Rng rng(4);
        for (auto [in, out] : {std::pair{0, 3}, std::pair{3, 0}, std::pair{-1, 2}}) {
            try {
                Dense layer(in, out, rng);
                QFAIL("no exception");
            } catch (const Error& e) {
                QCOMPARE(e.kind(), ErrorKind::InvalidArgument);
            }
        }
    }

    void reluByHand()
    {
        ReLU relu;
        QVERIFY(near(relu.forward(rowOf({-2, 0, 3})), rowOf({0, 0, 3})));
        // Derivative 0 at 0 (as PyTorch), 0 below, 1 above.
        QVERIFY(near(relu.backward(rowOf({5, 5, 5})), rowOf({0, 0, 5})));
    }

    void leakyReluByHand()
    {
        LeakyReLU leaky(0.1);
        QVERIFY(near(leaky.forward(rowOf({-2, 3})), rowOf({-0.2f, 3})));
        QVERIFY(near(leaky.backward(rowOf({1, 1})), rowOf({0.1f, 1})));
        // makeActivation's leaky-relu uses PyTorch's default slope 0.01.
        auto fromName = makeActivation("leaky-relu");
        QVERIFY(near(fromName->forward(rowOf({-100})), rowOf({-1})));
    }

    void sigmoidByHand()
    {
        Sigmoid s;
        // sigmoid(0) = 0.5, sigmoid(2) = 1/(1+e^-2) = 0.8807970779778823,
        // sigmoid(-2) = 1 - sigmoid(2).
        QVERIFY(near(s.forward(rowOf({0, 2, -2})), rowOf({0.5f, 0.880797078f, 0.119202922f})));
        // s' = s(1-s): 0.25 at 0, 0.104993585 at +-2.
        QVERIFY(near(s.backward(rowOf({1, 1, 1})), rowOf({0.25f, 0.104993585f, 0.104993585f})));
    }

    void sigmoidAtExtremes()
    {
        // The naive 1/(1+e^-x) overflows e^-x for x = -100 in float (e^100 > 3.4e38).
        const Matrix y = sigmoid(rowOf({-1000, -100, -88, 88, 100, 1000,
                                        std::numeric_limits<Scalar>::max(),
                                        std::numeric_limits<Scalar>::lowest()}));
        QVERIFY2(y.allFinite(), show(y).c_str());
        QVERIFY((y.array() >= 0).all() && (y.array() <= 1).all());
        QVERIFY(y(0, 1) < 1e-30);     // sigmoid(-100) ~ 3.7e-44: tiny, >= 0, not NaN
        QCOMPARE(y(0, 4), Scalar(1));
        QCOMPARE(y(0, 6), Scalar(1));
        QCOMPARE(y(0, 7), Scalar(0));
        // The layer's backward at saturation is 0, not NaN.
        Sigmoid s;
        s.forward(rowOf({-1000, 1000}));
        const Matrix d = s.backward(rowOf({1, 1}));
        QVERIFY(d.allFinite() && d.cwiseAbs().maxCoeff() < 1e-30);
    }

    void tanhByHand()
    {
        Tanh t;
        // tanh(1) = 0.7615941559557649; tanh is odd; saturates to +-1 without NaN.
        const Matrix y = t.forward(rowOf({0, 1, -1, 100, -1000}));
        QVERIFY2(near(y, rowOf({0, 0.761594156f, -0.761594156f, 1, -1})), show(y).c_str());
        // tanh' = 1 - tanh^2: 1 at 0, 0.419974342 at +-1, 0 when saturated.
        QVERIFY(near(t.backward(rowOf({1, 1, 1, 1, 1})), rowOf({1, 0.419974342f, 0.419974342f, 0, 0})));
    }

    void identityPassesThrough()
    {
        Identity id;
        const Matrix x = rowOf({-3, 0, 7});
        QCOMPARE(id.forward(x), x);
        QCOMPARE(id.backward(x), x);
        QVERIFY(id.parameters().empty());
    }

    void makeActivationNames()
    {
        for (const auto& name : activationNames())
            QVERIFY2(makeActivation(name) != nullptr, name.c_str());
        QCOMPARE(makeActivation("relu")->describe(), std::string("ReLU"));
        QCOMPARE(makeActivation("linear")->describe(), std::string("Identity"));
    }

    void makeActivationRejectsUnknown()
    {
        for (const std::string name : {"softmax", "", "ReLU", "relu "}) {
            try {
                makeActivation(name);
                QFAIL(("accepted '" + name + "'").c_str());
            } catch (const Error& e) {
                QCOMPARE(e.kind(), ErrorKind::InvalidArgument);
                // The message names what was asked for and what is available.
                QVERIFY2(std::string(e.what()).find("'" + name + "'") != std::string::npos, e.what());
                QVERIFY2(std::string(e.what()).find("tanh") != std::string::npos, e.what());
            }
        }
    }

    void sequentialDescribeAndNames()
    {
        Rng rng(5);
        Sequential net;
        net.emplace<Dense>(4, 3, rng).emplace<ReLU>().emplace<Dense>(3, 2, rng).emplace<Sigmoid>();
        QCOMPARE(net.describe(), std::string("Dense(4 -> 3) -> ReLU -> Dense(3 -> 2) -> Sigmoid"));
        QCOMPARE(net.size(), std::size_t(4));
        std::vector<std::string> names;
        for (const auto& p : net.parameters())
            names.push_back(p.name);
        QCOMPARE(names, (std::vector<std::string>{"0.weight", "0.bias", "2.weight", "2.bias"}));
        QCOMPARE(Sequential().describe(), std::string());
    }

    void sequentialComposes()
    {
        // forward is the layers in order; the copy is deep (clone).
        Rng rng(6);
        Sequential net;
        net.emplace<Dense>(3, 2, rng).emplace<Tanh>();
        const Matrix x = rng.normalMatrix(4, 3);
        auto& dense = static_cast<Dense&>(net.at(0));
        const Matrix byHand = (x * dense.weight().transpose()).array().tanh().matrix();
        QVERIFY(near(net.forward(x), byHand));
        Sequential copy = net;
        static_cast<Dense&>(copy.at(0)).weight().setZero();
        QVERIFY(near(net.forward(x), byHand));
        QVERIFY(near(copy.forward(x), Matrix::Zero(4, 2)));
    }

    void xavierUniform()
    {
        // U(-a, a), a = sqrt(6 / (in + out)); its variance a^2/3 = 2/(in+out).
        const int in = 256, out = 256;
        Rng rng(7);
        Matrix w(out, in);
        initXavier(w, in, out, rng);
        const double a = std::sqrt(6.0 / (in + out));
        QVERIFY(w.cwiseAbs().maxCoeff() <= a);
        QVERIFY(w.cwiseAbs().maxCoeff() > 0.99 * a);   // the bound is also reached, not a narrower one
        // Standard error of the sample variance of U(-a,a): sqrt(Var(w^2)/n) with
        // Var(w^2) = a^4/5 - a^4/9 = 4a^4/45. Allow 5 standard errors.
        const double n = double(w.size());
        const double seVar = std::sqrt(4.0 * std::pow(a, 4) / 45.0 / n);
        const double expectedVar = a * a / 3.0;
        QVERIFY2(std::abs(variance(w) - expectedVar) < 5 * seVar,
                 (std::to_string(variance(w)) + " vs " + std::to_string(expectedVar)).c_str());
        QVERIFY(std::abs(mean(w)) < 5 * std::sqrt(expectedVar / n));
    }

    void heNormal()
    {
        // N(0, 2/in). Standard errors: mean sigma/sqrt(n); variance sigma^2 sqrt(2/n).
        const int in = 256;
        Rng rng(8);
        Matrix w(256, in);
        initHe(w, in, rng);
        const double sigma2 = 2.0 / in, n = double(w.size());
        QVERIFY2(std::abs(variance(w) - sigma2) < 5 * sigma2 * std::sqrt(2.0 / n),
                 std::to_string(variance(w)).c_str());
        QVERIFY(std::abs(mean(w)) < 5 * std::sqrt(sigma2 / n));
    }

    void denseUsesTheRightFans()
    {
        // A rectangular layer tells fan-in from fan-out: Dense(in 300, out 100).
        Rng rng(9);
        Dense xavier(300, 100, rng, Init::Xavier);
        QVERIFY(xavier.weight().cwiseAbs().maxCoeff() <= std::sqrt(6.0 / 400));
        QVERIFY(std::abs(variance(xavier.weight()) - 2.0 / 400) < 0.05 * 2.0 / 400);   // ~10 SE
        Dense he(300, 100, rng, Init::He);
        // He uses fan-in: variance 2/300 (2/100 would be 3x larger). 5% is ~6 SE at n = 30000.
        QVERIFY2(std::abs(variance(he.weight()) - 2.0 / 300) < 0.05 * 2.0 / 300,
                 std::to_string(variance(he.weight())).c_str());
    }

    void sameSeedSameWeights()
    {
        Rng a(42), b(42), c(43);
        Dense da(10, 7, a), db(10, 7, b), dc(10, 7, c);
        QCOMPARE(da.weight(), db.weight());
        QVERIFY(da.weight() != dc.weight());
        Dense ha(10, 7, a, Init::He), hb(10, 7, b, Init::He);
        QCOMPARE(ha.weight(), hb.weight());
    }

    void forwardOwnedMatchesForward()
    {
        // A network handed an input it may keep computes what forward() does,
        // and its backward pass (which reads the kept inputs) too.
        Rng rng(5);
        Sequential net;
        net.emplace<Dense>(6, 5, rng).emplace<ReLU>().emplace<Dense>(5, 4, rng).emplace<Sigmoid>();
        Sequential copy = net;
        const Matrix x = rng.normalMatrix(3, 6), dy = rng.normalMatrix(3, 4);
        const Matrix y = net.forward(x);
        Matrix owned = x;
        QCOMPARE(copy.forwardOwned(std::move(owned)), y);
        QCOMPARE(copy.backward(dy), net.backward(dy));
        const auto a = net.parameters(), b = copy.parameters();
        for (std::size_t i = 0; i < a.size(); ++i)
            QCOMPARE(*b[i].grad, *a[i].grad);
    }
};

QTEST_APPLESS_MAIN(TestLayers)
#include "test_layers.moc"
