// The lowering of a convolution (layers/Im2col.h) against its definition,
// over geometries that reach every path: kernels 1 to 5, strides 1 to 3,
// paddings 0 to 2, rows shorter than, equal to and longer than a vector of
// 16 floats, one and several channels.
//   - im2col gives exactly cols[(c,i,j), (oy,ox)] = x[c, oy s - p + i, ox s - p + j]
//     (0 in the padding);
//   - col2im adds exactly the adjoint (to float rounding: it sums in another
//     order), so <col2im(d), x> = <d, im2col(x)>;
//   - neither touches a value outside its image or its cols (the batch rows
//     beside a sample belong to other threads).
// Built twice: test_im2col exercises the AVX-512 paths of the float build
// where the machine has them, test_im2col_f64 the plain loops.
#include "layers/Im2col.h"
#include "math/Rng.h"

#include <QtTest>

#include <vector>

using namespace aelab;

namespace {

struct Case {
    ImageShape image;
    int kernel, stride, padding;
};

std::vector<Case> cases()
{
    std::vector<Case> all;
    for (const ImageShape image : {ImageShape{1, 5, 6}, ImageShape{3, 7, 7}, ImageShape{2, 14, 14},
                                   ImageShape{1, 28, 28}, ImageShape{2, 17, 33}, ImageShape{16, 16, 16}})
        for (int k = 1; k <= 5; ++k)
            for (int s = 1; s <= 3; ++s)
                for (int p = 0; p <= 2 && p < k; ++p)
                    if (image.height + 2 * p >= k && image.width + 2 * p >= k)
                        all.push_back({image, k, s, p});
    return all;
}

QString name(const Case& c)
{
    return QString("%1 k%2 s%3 p%4").arg(QString::fromStdString(c.image.text())).arg(c.kernel).arg(c.stride).arg(c.padding);
}

// The value im2col must put at (row r, column q) of cols.
Scalar lowered(const std::vector<Scalar>& x, const ConvGeometry& g, int r, int q)
{
    const int k = g.kernel, c = r / (k * k), i = (r / k) % k, j = r % k;
    const int oy = q / g.outWidth, ox = q % g.outWidth;
    const int iy = oy * g.stride - g.padding + i, ix = ox * g.stride - g.padding + j;
    if (iy < 0 || iy >= g.input.height || ix < 0 || ix >= g.input.width)
        return 0;
    return x[std::size_t((c * g.input.height + iy) * g.input.width + ix)];
}

// n random values with kGuard sentinels on each side.
constexpr int kGuard = 40;
constexpr Scalar kSentinel = Scalar(12345.5);

std::vector<Scalar> guarded(int n, Rng& rng)
{
    std::vector<Scalar> v(std::size_t(n + 2 * kGuard), kSentinel);
    for (int i = 0; i < n; ++i)
        v[std::size_t(kGuard + i)] = Scalar(rng.normal());
    return v;
}

bool guardsIntact(const std::vector<Scalar>& v)
{
    for (int i = 0; i < kGuard; ++i)
        if (v[std::size_t(i)] != kSentinel || v[v.size() - 1 - std::size_t(i)] != kSentinel)
            return false;
    return true;
}

} // namespace

class TestIm2col : public QObject {
    Q_OBJECT

private slots:
    void im2colCopiesEveryTap()
    {
        Rng rng(1);
        for (const Case& c : cases()) {
            const ConvGeometry g = convGeometry(c.image, c.kernel, c.stride, c.padding, "test");
            const int K = g.patch(), P = g.outPlane();
            std::vector<Scalar> x = guarded(c.image.size(), rng);
            std::vector<Scalar> cols = guarded(K * P, rng);
            im2col(x.data() + kGuard, g, cols.data() + kGuard);
            const std::vector<Scalar> image(x.begin() + kGuard, x.end() - kGuard);
            for (int r = 0; r < K; ++r)
                for (int q = 0; q < P; ++q)
                    if (cols[std::size_t(kGuard + r * P + q)] != lowered(image, g, r, q))
                        QFAIL(qPrintable(name(c) + QString(": cols[%1, %2] wrong").arg(r).arg(q)));
            QVERIFY2(guardsIntact(cols), qPrintable(name(c) + ": wrote outside cols"));
        }
    }

    void col2imIsTheAdjoint()
    {
        Rng rng(2);
        for (const Case& c : cases()) {
            const ConvGeometry g = convGeometry(c.image, c.kernel, c.stride, c.padding, "test");
            const int K = g.patch(), P = g.outPlane(), n = c.image.size();
            const std::vector<Scalar> d = guarded(K * P, rng);
            std::vector<Scalar> x = guarded(n, rng);
            const std::vector<Scalar> before(x.begin() + kGuard, x.end() - kGuard);
            col2im(d.data() + kGuard, g, x.data() + kGuard);
            QVERIFY2(guardsIntact(x), qPrintable(name(c) + ": wrote outside the image"));
            // x - before = col2im(d): compare with the scatter that defines it
            std::vector<double> expected(before.begin(), before.end());
            for (int r = 0; r < K; ++r)
                for (int q = 0; q < P; ++q) {
                    const int k = g.kernel, ch = r / (k * k), i = (r / k) % k, j = r % k;
                    const int iy = (q / g.outWidth) * g.stride - g.padding + i;
                    const int ix = (q % g.outWidth) * g.stride - g.padding + j;
                    if (iy >= 0 && iy < g.input.height && ix >= 0 && ix < g.input.width)
                        expected[std::size_t((ch * g.input.height + iy) * g.input.width + ix)] +=
                            double(d[std::size_t(kGuard + r * P + q)]);
                }
            for (int e = 0; e < n; ++e) {
                const double got = double(x[std::size_t(kGuard + e)]);
                if (std::abs(got - expected[std::size_t(e)]) > 1e-5 * (1 + std::abs(expected[std::size_t(e)])))
                    QFAIL(qPrintable(name(c) + QString(": x[%1] is %2, not %3").arg(e).arg(got).arg(expected[std::size_t(e)])));
            }
        }
    }
};

QTEST_APPLESS_MAIN(TestIm2col)
#include "test_im2col.moc"
