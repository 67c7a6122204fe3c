// The image layers: Conv2d, MaxPool2d (with its switches), MaxUnpool2d,
// ConvTranspose2d, Upsample, Reshape.
//   - forward passes computed by hand on 4x4 images;
//   - PyTorch's numbers for the same layers, weights and inputs
//     (fixtures/torch_conv/conv_reference.json, made by make_conv_reference.py
//     in float64): outputs, pooling indices and all gradients;
//   - the pairing of a pool and its unpool through copies, and the errors a
//     misuse gets.
// Built twice: test_conv_layers_f64 (double) matches PyTorch to 1e-12,
// test_conv_layers (the float training build) to 1e-5.
#include "TestSupport.h"

#include "layers/Conv2d.h"
#include "layers/ConvTranspose2d.h"
#include "layers/MaxUnpool2d.h"
#include "layers/ParameterBudget.h"
#include "layers/Reshape.h"
#include "layers/Sequential.h"
#include "layers/Upsample.h"
#include "math/Error.h"

#include <QtTest>

#include <nlohmann/json.hpp>

#include <fstream>
#include <type_traits>

using namespace aelab;
using nlohmann::json;

namespace {

constexpr bool kDouble = std::is_same_v<Scalar, double>;
// Largest entry-wise difference relative to the largest reference entry.
// Double: both sides sum at most 3*3*3 = 27 products per output (and 2*..
// batch-wide sums for weight gradients of ~100 terms), so rounding stays near
// 1e-15; 1e-12 leaves room without hiding a wrong tap (an error of O(1)).
// Float: inputs rounded to float (6e-8) and sums of ~100 terms: 1e-5.
constexpr double kTol = kDouble ? 1e-12 : 1e-5;

Matrix rowsOf(const std::vector<double>& values, Eigen::Index rows)
{
    if (rows <= 0 || Eigen::Index(values.size()) % rows != 0)
        throw std::runtime_error("fixture tensor does not split into rows");
    Matrix m(rows, Eigen::Index(values.size()) / rows);
    for (std::size_t i = 0; i < values.size(); ++i)
        m.data()[i] = Scalar(values[i]);
    return m;
}

Matrix rowsOf(const json& j, Eigen::Index rows) { return rowsOf(j.get<std::vector<double>>(), rows); }

Matrix fromRows(std::initializer_list<std::initializer_list<double>> rows)
{
    Matrix m(Eigen::Index(rows.size()), Eigen::Index(rows.begin()->size()));
    Eigen::Index r = 0;
    for (const auto& row : rows) {
        Eigen::Index c = 0;
        for (double v : row)
            m(r, c++) = Scalar(v);
        ++r;
    }
    return m;
}

double relativeError(const Matrix& actual, const Matrix& expected)
{
    if (actual.rows() != expected.rows() || actual.cols() != expected.cols())
        return INFINITY;
    const double scale = std::max(double(expected.cwiseAbs().maxCoeff()), 1e-300);
    return double((actual - expected).cwiseAbs().maxCoeff()) / scale;
}

double g_worst = 0;

#define CHECK_CLOSE(actual, expected, what)                                                             \
    do {                                                                                                \
        const double err_ = relativeError((actual), (expected));                                        \
        g_worst = std::max(g_worst, err_);                                                              \
        if (!(err_ <= kTol))                                                                            \
            QFAIL(qPrintable(QString("%1: relative error %2 > %3").arg(QString::fromStdString(what))   \
                                 .arg(err_).arg(kTol)));                                                \
    } while (0)

// 1, 2, ..., 16 as one 4x4 image (a batch of one row).
Matrix countingImage()
{
    Matrix x(1, 16);
    for (int i = 0; i < 16; ++i)
        x(0, i) = Scalar(i + 1);
    return x;
}

ImageShape shapeOf(const json& nchw) { return {nchw[1].get<int>(), nchw[2].get<int>(), nchw[3].get<int>()}; }

template <typename F> bool throwsError(F&& f, ErrorKind kind)
{
    try {
        f();
    } catch (const Error& e) {
        return e.kind() == kind;
    }
    return false;
}

} // namespace

class TestConvLayers : public QObject {
    Q_OBJECT

    json m_ref;

    const json& refCase(const std::string& name)
    {
        for (const auto& c : m_ref["cases"])
            if (c["name"] == name)
                return c;
        throw std::runtime_error("no fixture case " + name);
    }

private slots:
    void initTestCase()
    {
        std::ifstream in(test::fixture("torch_conv/conv_reference.json"));
        QVERIFY2(in, "tests/fixtures/torch_conv/conv_reference.json is missing");
        m_ref = json::parse(in);
        QVERIFY(m_ref["cases"].size() >= 12);
        qInfo("Scalar is %s; tolerance %g", kDouble ? "double" : "float", kTol);
    }
    void init() { g_worst = 0; }
    void cleanup() { qInfo("largest relative error %.3g", g_worst); }

    // ---- by hand ----------------------------------------------------------------

    // A 4x4 image 1..16 through the 3x3 kernel [[1,2,0],[0,0,0],[0,0,-1]], bias
    // 0.5: out(oy,ox) = x(oy,ox) + 2 x(oy,ox+1) - x(oy+2,ox+2) + 0.5. The kernel
    // is not symmetric, so a transposed or flipped kernel gives other numbers.
    void convByHand()
    {
        Rng rng(1);
        Conv2d conv({1, 4, 4}, 1, 3, 1, 0, rng);
        QCOMPARE(conv.outputShape(), (ImageShape{1, 2, 2}));
        conv.weight() = fromRows({{1, 2, 0, 0, 0, 0, 0, 0, -1}});
        conv.bias()(0, 0) = Scalar(0.5);
        const Matrix y = conv.forward(countingImage());
        // (0,0): 1 + 4 - 11; (0,1): 2 + 6 - 12; (1,0): 5 + 12 - 15; (1,1): 6 + 14 - 16
        QCOMPARE(y, fromRows({{-5.5, -3.5, 2.5, 4.5}}));

        // Padding 1 keeps 4x4; corners see the zero border:
        // (0,0): 0 + 2*0 - x(1,1) = -6;  (3,3): x(2,2) + 2 x(2,3) - 0 = 11 + 24.
        Conv2d padded({1, 4, 4}, 1, 3, 1, 1, rng);
        padded.weight() = conv.weight();
        padded.bias() = conv.bias();
        const Matrix yp = padded.forward(countingImage());
        QCOMPARE(yp.cols(), Eigen::Index(16));
        QCOMPARE(yp(0, 0), Scalar(-5.5));
        QCOMPARE(yp(0, 15), Scalar(35.5));
        // (1,1) is the unpadded (0,0)
        QCOMPARE(yp(0, 5), Scalar(-5.5));

        // Stride 2 with padding 1 keeps every other output of the padded one.
        Conv2d strided({1, 4, 4}, 1, 3, 2, 1, rng);
        strided.weight() = conv.weight();
        strided.bias() = conv.bias();
        QCOMPARE(strided.forward(countingImage()), fromRows({{yp(0, 0), yp(0, 2), yp(0, 8), yp(0, 10)}}));
    }

    // A 2x2 max-pool of a 4x4 image records where each maximum was; unpooling
    // puts values back there; both route gradients through the same places.
    void poolAndUnpoolByHand()
    {
        const Matrix x = fromRows({{1, 5, 2, 0, /**/ 3, 4, 8, 1, /**/ 0, 9, 6, 7, /**/ 2, 1, 3, 5}});
        MaxPool2d pool({1, 4, 4}, 2);
        QCOMPARE(pool.outputShape(), (ImageShape{1, 2, 2}));
        QCOMPARE(pool.forward(x), fromRows({{5, 8, 9, 7}}));
        // maxima at (0,1), (1,2), (2,1), (2,3): positions y*4 + x
        QCOMPARE(pool.switches()->index, (std::vector<std::int32_t>{1, 6, 9, 11}));
        QCOMPARE(pool.backward(fromRows({{1, 2, 3, 4}})),
                 fromRows({{0, 1, 0, 0, /**/ 0, 0, 2, 0, /**/ 0, 3, 0, 4, /**/ 0, 0, 0, 0}}));

        MaxUnpool2d unpool(pool);
        QCOMPARE(unpool.outputShape(), (ImageShape{1, 4, 4}));
        QCOMPARE(unpool.forward(fromRows({{10, 20, 30, 40}})),
                 fromRows({{0, 10, 0, 0, /**/ 0, 0, 20, 0, /**/ 0, 30, 0, 40, /**/ 0, 0, 0, 0}}));
        QVERIFY(unpool.usedSwitches());
        Matrix dy(1, 16);
        for (int i = 0; i < 16; ++i)
            dy(0, i) = Scalar(i);
        QCOMPARE(unpool.backward(dy), fromRows({{1, 6, 9, 11}}));

        // Without switches for the batch (none recorded, or another batch
        // size): each value goes to its window's top-left corner.
        const Matrix two = fromRows({{1, 2, 3, 4}, {5, 6, 7, 8}});
        const Matrix y2 = unpool.forward(two);
        QVERIFY(!unpool.usedSwitches());
        QCOMPARE(Matrix(y2.row(1)), fromRows({{5, 0, 6, 0, /**/ 0, 0, 0, 0, /**/ 7, 0, 8, 0, /**/ 0, 0, 0, 0}}));
    }

    // 2x2 input, 2x2 kernel [[1,10],[100,1000]]: stride 2 tiles a scaled copy
    // of the kernel per pixel; stride 1 overlaps them (a full convolution).
    void convTransposeByHand()
    {
        Rng rng(2);
        const Matrix x = fromRows({{1, 2, 3, 4}});
        ConvTranspose2d tiled({1, 2, 2}, 1, 2, 2, 0, 0, rng);
        QCOMPARE(tiled.outputShape(), (ImageShape{1, 4, 4}));
        tiled.weight() = fromRows({{1, 10, 100, 1000}});
        tiled.bias()(0, 0) = Scalar(0.5);
        QCOMPARE(tiled.forward(x), fromRows({{1.5, 10.5, 2.5, 20.5, /**/ 100.5, 1000.5, 200.5, 2000.5,
                                              /**/ 3.5, 30.5, 4.5, 40.5, /**/ 300.5, 3000.5, 400.5, 4000.5}}));

        ConvTranspose2d full({1, 2, 2}, 1, 2, 1, 0, 0, rng);
        QCOMPARE(full.outputShape(), (ImageShape{1, 3, 3}));
        full.weight() = tiled.weight();
        // out(1,1) = x00 w11 + x01 w10 + x10 w01 + x11 w00 = 1000 + 200 + 30 + 4
        QCOMPARE(full.forward(x), fromRows({{1, 12, 20, /**/ 103, 1234, 2040, /**/ 300, 3400, 4000}}));

        // Stride 2, padding 1, output padding 1 (the decoder's step): 3 -> 6.
        ConvTranspose2d step({4, 3, 3}, 2, 3, 2, 1, 1, rng);
        QCOMPARE(step.outputShape(), (ImageShape{2, 6, 6}));
    }

    void upsampleByHand()
    {
        Upsample up({1, 2, 2}, 2);
        QCOMPARE(up.outputShape(), (ImageShape{1, 4, 4}));
        QCOMPARE(up.forward(fromRows({{1, 2, 3, 4}})),
                 fromRows({{1, 1, 2, 2, /**/ 1, 1, 2, 2, /**/ 3, 3, 4, 4, /**/ 3, 3, 4, 4}}));
        Matrix dy(1, 16);
        for (int i = 0; i < 16; ++i)
            dy(0, i) = Scalar(i);
        // each pixel collects its 2x2 block: 0+1+4+5, 2+3+6+7, 8+9+12+13, 10+11+14+15
        QCOMPARE(up.backward(dy), fromRows({{10, 18, 42, 50}}));
    }

    void reshapeAndFlatten()
    {
        Reshape flatten = Reshape::flatten({32, 7, 7});
        QCOMPARE(flatten.outputShape(), (ImageShape{1568, 1, 1}));
        QCOMPARE(QString::fromStdString(flatten.describe()), QString("Flatten(32x7x7 -> 1568)"));
        Reshape back({1568, 1, 1}, {32, 7, 7});
        QCOMPARE(QString::fromStdString(back.describe()), QString("Reshape(1568 -> 32x7x7)"));
        Rng rng(3);
        const Matrix x = rng.normalMatrix(2, 1568);
        QCOMPARE(back.forward(flatten.forward(x)), x);
        QCOMPARE(flatten.backward(back.backward(x)), x);
        QVERIFY(throwsError([] { Reshape({2, 3, 4}, {5, 5, 1}); }, ErrorKind::InvalidArgument));
        QVERIFY(throwsError([&] { flatten.forward(Matrix::Zero(2, 100)); }, ErrorKind::InvalidArgument));
    }

    // ---- against PyTorch -------------------------------------------------------------

    void conv2dMatchesTorch_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("k3 s1 p1") << "conv_k3_s1_p1";
        QTest::newRow("k3 s2 p1") << "conv_k3_s2_p1";
        QTest::newRow("k2 s1 p0") << "conv_k2_s1_p0";
        QTest::newRow("4 channels k3 s1 p1 (patches as rows)") << "conv_c4_k3_s1_p1";
        QTest::newRow("4 channels k3 s2 p0 (patches as rows)") << "conv_c4_k3_s2_p0";
    }

    void conv2dMatchesTorch()
    {
        QFETCH(QString, name);
        const json& c = refCase(name.toStdString());
        const Eigen::Index n = c["input"][0].get<int>();
        const int o = c["out_channels"].get<int>();
        Rng rng(4);
        Conv2d conv(shapeOf(c["input"]), o, c["kernel"].get<int>(), c["stride"].get<int>(), c["padding"].get<int>(),
                    rng);
        QCOMPARE(conv.outputShape(), shapeOf(c["y_shape"]));
        conv.weight() = rowsOf(c["weight"], o);
        conv.bias() = rowsOf(c["bias"], 1);
        conv.zeroGrad();
        CHECK_CLOSE(conv.forward(rowsOf(c["x"], n)), rowsOf(c["y"], n), "Y");
        CHECK_CLOSE(conv.backward(rowsOf(c["grad_out"], n)), rowsOf(c["dx"], n), "dX");
        const auto params = conv.parameters();
        CHECK_CLOSE(*params[0].grad, rowsOf(c["dweight"], o), "dW");
        CHECK_CLOSE(*params[1].grad, rowsOf(c["dbias"], 1), "db");
    }

    void convTransposeMatchesTorch_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("k3 s1 p0") << "deconv_k3_s1_p0";
        QTest::newRow("k3 s2 p1 op1") << "deconv_k3_s2_p1_op1";
        QTest::newRow("k3 s2 p0 op0") << "deconv_k3_s2_p0_op0";
    }

    void convTransposeMatchesTorch()
    {
        QFETCH(QString, name);
        const json& c = refCase(name.toStdString());
        const ImageShape in = shapeOf(c["input"]);
        const Eigen::Index n = c["input"][0].get<int>();
        Rng rng(5);
        ConvTranspose2d deconv(in, c["out_channels"].get<int>(), c["kernel"].get<int>(), c["stride"].get<int>(),
                               c["padding"].get<int>(), c["output_padding"].get<int>(), rng);
        QCOMPARE(deconv.outputShape(), shapeOf(c["y_shape"]));
        deconv.weight() = rowsOf(c["weight"], in.channels);   // (C, O, k, k)
        deconv.bias() = rowsOf(c["bias"], 1);
        deconv.zeroGrad();
        CHECK_CLOSE(deconv.forward(rowsOf(c["x"], n)), rowsOf(c["y"], n), "Y");
        CHECK_CLOSE(deconv.backward(rowsOf(c["grad_out"], n)), rowsOf(c["dx"], n), "dX");
        const auto params = deconv.parameters();
        CHECK_CLOSE(*params[0].grad, rowsOf(c["dweight"], in.channels), "dW");
        CHECK_CLOSE(*params[1].grad, rowsOf(c["dbias"], 1), "db");
    }

    // PyTorch's MaxPool2d(return_indices=True) on 5x6 images (the odd last row
    // is dropped), and MaxUnpool2d at those indices back to 5x6.
    void poolAndUnpoolMatchTorch()
    {
        const json& c = refCase("pool_k2");
        const Eigen::Index n = c["input"][0].get<int>();
        MaxPool2d pool(shapeOf(c["input"]), c["kernel"].get<int>());
        QCOMPARE(pool.outputShape(), shapeOf(c["y_shape"]));
        CHECK_CLOSE(pool.forward(rowsOf(c["x"], n)), rowsOf(c["y"], n), "pool Y");
        const auto indices = c["indices"].get<std::vector<std::int64_t>>();
        QCOMPARE(pool.switches()->index.size(), indices.size());
        for (std::size_t i = 0; i < indices.size(); ++i)
            QCOMPARE(std::int64_t(pool.switches()->index[i]), indices[i]);
        CHECK_CLOSE(pool.backward(rowsOf(c["grad_out"], n)), rowsOf(c["dx"], n), "pool dX");

        const json& u = refCase("pool_k2_unpool");
        MaxUnpool2d unpool(pool);
        QCOMPARE(unpool.outputShape(), shapeOf(u["y_shape"]));
        CHECK_CLOSE(unpool.forward(rowsOf(u["x"], n)), rowsOf(u["y"], n), "unpool Y");
        QVERIFY(unpool.usedSwitches());
        CHECK_CLOSE(unpool.backward(rowsOf(u["grad_out"], n)), rowsOf(u["dx"], n), "unpool dX");
    }

    void upsampleMatchesTorch_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("x2") << "upsample_x2";
        QTest::newRow("3 to 7") << "upsample_3to7";
    }

    void upsampleMatchesTorch()
    {
        QFETCH(QString, name);
        const json& c = refCase(name.toStdString());
        const Eigen::Index n = c["input"][0].get<int>();
        Upsample up(shapeOf(c["input"]), c["output"][2].get<int>(), c["output"][3].get<int>());
        CHECK_CLOSE(up.forward(rowsOf(c["x"], n)), rowsOf(c["y"], n), "Y");
        CHECK_CLOSE(up.backward(rowsOf(c["grad_out"], n)), rowsOf(c["dx"], n), "dX");
    }

    // ---- pairing, copies, errors ----------------------------------------------------

    // Outside a SwitchesCloneScope a copied decoder keeps unpooling with the
    // original encoder's switches; inside one, a copied encoder/decoder pair
    // is paired with itself and leaves the originals alone.
    void switchesSurviveCopies()
    {
        Sequential encoder, decoder;
        encoder.emplace<MaxPool2d>(ImageShape{1, 4, 4}, 2);
        decoder.emplace<MaxUnpool2d>(dynamic_cast<const MaxPool2d&>(encoder.at(0)));
        const Matrix x = fromRows({{1, 5, 2, 0, /**/ 3, 4, 8, 1, /**/ 0, 9, 6, 7, /**/ 2, 1, 3, 5}});
        const Matrix flipped = fromRows({{5, 1, 0, 2, /**/ 4, 3, 1, 8, /**/ 9, 0, 7, 6, /**/ 1, 2, 5, 3}});
        const Matrix v = fromRows({{10, 20, 30, 40}});

        const Sequential sharedCopy = decoder;   // no scope: reads encoder's switches
        encoder.forward(x);
        Sequential copy = sharedCopy;
        QCOMPARE(copy.forward(v), decoder.forward(v));
        QVERIFY(dynamic_cast<const MaxUnpool2d&>(copy.at(0)).usedSwitches());

        Sequential encoder2, decoder2;
        {
            SwitchesCloneScope scope;
            encoder2 = encoder;
            decoder2 = decoder;
        }
        encoder2.forward(flipped);    // the copy's own switches: maxima at 0, 7, 8, 10
        const Matrix y2 = decoder2.forward(v);
        QCOMPARE(y2, fromRows({{10, 0, 0, 0, /**/ 0, 0, 0, 20, /**/ 30, 0, 40, 0, /**/ 0, 0, 0, 0}}));
        // the original pair still holds x's switches (1, 6, 9, 11)
        QCOMPARE(decoder.forward(v), fromRows({{0, 10, 0, 0, /**/ 0, 0, 20, 0, /**/ 0, 30, 0, 40, /**/ 0, 0, 0, 0}}));
    }

    // The batch lowering gives each sample what it gets alone.
    void batchRowsAreIndependent()
    {
        Rng rng(6);
        Conv2d conv({3, 6, 5}, 4, 3, 2, 1, rng);
        ConvTranspose2d deconv({3, 6, 5}, 2, 3, 2, 1, 1, rng);
        const Matrix x = rng.normalMatrix(5, 90);
        const Matrix y = conv.forward(x);
        const Matrix yd = deconv.forward(x);
        for (Eigen::Index b = 0; b < x.rows(); ++b) {
            CHECK_CLOSE(Matrix(conv.forward(x.row(b))), Matrix(y.row(b)), "conv row");
            CHECK_CLOSE(Matrix(deconv.forward(x.row(b))), Matrix(yd.row(b)), "deconv row");
        }
    }

    void errors()
    {
        Rng rng(7);
        Conv2d conv({1, 4, 4}, 2, 3, 1, 1, rng);
        QVERIFY(throwsError([&] { conv.forward(Matrix::Zero(2, 15)); }, ErrorKind::InvalidArgument));
        QVERIFY(throwsError([&] { conv.backward(Matrix::Zero(2, 32)); }, ErrorKind::InvalidArgument));
        QVERIFY(throwsError([&] { Conv2d({1, 2, 2}, 1, 3, 1, 0, rng); }, ErrorKind::InvalidArgument));   // kernel > image
        QVERIFY(throwsError([&] { Conv2d({1, 4, 4}, 0, 3, 1, 0, rng); }, ErrorKind::InvalidArgument));
        QVERIFY(throwsError([&] { Conv2d({0, 4, 4}, 1, 3, 1, 0, rng); }, ErrorKind::InvalidArgument));
        QVERIFY(throwsError([&] { ConvTranspose2d({1, 3, 3}, 1, 3, 2, 1, 2, rng); }, ErrorKind::InvalidArgument));
        QVERIFY(throwsError([&] { MaxPool2d({1, 1, 4}, 2); }, ErrorKind::InvalidArgument));
        QVERIFY(throwsError([&] { Upsample({1, 4, 4}, 2, 2); }, ErrorKind::InvalidArgument));
        MaxPool2d pool({1, 4, 4}, 2);
        QVERIFY(throwsError([&] { pool.backward(Matrix::Zero(1, 4)); }, ErrorKind::InvalidArgument));
        // A model file's budget bounds what a conv layer may allocate.
        {
            ParameterBudget budget(100);
            QVERIFY(throwsError([&] { Conv2d({16, 8, 8}, 32, 3, 1, 1, rng); }, ErrorKind::Format));
            QVERIFY(throwsError([&] { ConvTranspose2d({16, 8, 8}, 32, 3, 2, 1, 1, rng); }, ErrorKind::Format));
        }
        Conv2d fine({16, 8, 8}, 32, 3, 1, 1, rng);   // no guard: allowed
        QCOMPARE(fine.parameters()[0].value->size(), Eigen::Index(32 * 16 * 9));
    }

    void describe()
    {
        Rng rng(8);
        QCOMPARE(QString::fromStdString(Conv2d({1, 28, 28}, 16, 3, 1, 1, rng).describe()),
                 QString("Conv2d(1x28x28 -> 16x28x28, k3 s1 p1)"));
        QCOMPARE(QString::fromStdString(ConvTranspose2d({32, 7, 7}, 16, 3, 2, 1, 1, rng).describe()),
                 QString("ConvTranspose2d(32x7x7 -> 16x14x14, k3 s2 p1 op1)"));
        QCOMPARE(QString::fromStdString(MaxPool2d({16, 28, 28}, 2).describe()),
                 QString("MaxPool2d(16x28x28 -> 16x14x14, k2 s2)"));
    }
};

QTEST_APPLESS_MAIN(TestConvLayers)
#include "test_conv_layers.moc"
