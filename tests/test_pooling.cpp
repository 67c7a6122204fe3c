// MaxPool2d's 2x2 stride-2 pooling (vectorised in the float build where the
// machine has AVX-512: layers/MaxPoolRuns.h) against its definition, over
// planes with even and odd sides, rows shorter and longer than a vector,
// and inputs full of ties (values on a coarse grid, many zeros as after a
// ReLU): the same maxima, the same switches (ties to the first in row-major
// order), and a gradient that is dy at each switch and 0 everywhere else.
#include "layers/MaxPool2d.h"
#include "math/Rng.h"

#include <QtTest>

using namespace aelab;

namespace {

// Values on a grid of 0.5 in [-1, 1], a third of them 0: ties everywhere.
Matrix tiedValues(Eigen::Index rows, Eigen::Index cols, Rng& rng)
{
    Matrix m(rows, cols);
    for (Eigen::Index i = 0; i < m.size(); ++i) {
        const double u = rng.uniform();
        m.data()[i] = u < 0.33 ? Scalar(0) : Scalar(std::round(4 * rng.uniform() - 2) / 2);
    }
    return m;
}

} // namespace

class TestPooling : public QObject {
    Q_OBJECT

private slots:
    void twoByTwoMatchesTheDefinition()
    {
        Rng rng(7);
        for (const ImageShape shape : {ImageShape{3, 4, 4}, ImageShape{2, 5, 7}, ImageShape{1, 28, 28},
                                       ImageShape{4, 14, 14}, ImageShape{2, 9, 33}, ImageShape{1, 6, 65}}) {
            MaxPool2d pool(shape, 2);
            const ImageShape out = pool.outputShape();
            const Matrix x = tiedValues(5, shape.size(), rng);
            const Matrix y = pool.forward(x);
            const Matrix dy = Matrix::Random(5, out.size());
            const Matrix dx = pool.backward(dy);
            const auto& switches = pool.switches()->index;
            Matrix expectedDx = Matrix::Zero(5, shape.size());
            for (Eigen::Index b = 0; b < 5; ++b)
                for (int c = 0; c < shape.channels; ++c)
                    for (int oy = 0; oy < out.height; ++oy)
                        for (int ox = 0; ox < out.width; ++ox) {
                            // the first maximum in row-major order
                            const Scalar* plane = x.data() + b * shape.size() + c * shape.plane();
                            int best = 2 * oy * shape.width + 2 * ox;
                            for (int i = 0; i < 2; ++i)
                                for (int j = 0; j < 2; ++j) {
                                    const int at = (2 * oy + i) * shape.width + 2 * ox + j;
                                    if (plane[at] > plane[best])
                                        best = at;
                                }
                            const Eigen::Index o = b * out.size() + c * out.plane() + oy * out.width + ox;
                            const QString where = QString("%1 sample %2 channel %3 window (%4, %5)")
                                                      .arg(QString::fromStdString(shape.text())).arg(b).arg(c).arg(oy).arg(ox);
                            QVERIFY2(y.data()[o] == plane[best], qPrintable(where + ": maximum"));
                            QVERIFY2(switches[std::size_t(o)] == best, qPrintable(where + ": switch"));
                            expectedDx(b, c * shape.plane() + best) = dy.data()[o];
                        }
            QCOMPARE(dx, expectedDx);
        }
    }
};

QTEST_APPLESS_MAIN(TestPooling)
#include "test_pooling.moc"
