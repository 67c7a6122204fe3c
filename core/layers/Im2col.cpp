#include "layers/Im2col.h"

#include <algorithm>
#include <cstring>

namespace aelab {

namespace {

// Integer division rounding towards -inf and +inf (b > 0).
int floorDiv(int a, int b) { return a >= 0 ? a / b : -((-a + b - 1) / b); }
int ceilDiv(int a, int b) { return a >= 0 ? (a + b - 1) / b : -((-a) / b); }

// The outputs ox whose tap j lands inside the image row: 0 <= ox s - p + j < W.
struct Span {
    int first, last;   // [first, last)
};

Span validSpan(int tap, int padding, int stride, int inLength, int outLength)
{
    const int first = std::max(0, ceilDiv(padding - tap, stride));
    const int last = std::min(outLength, floorDiv(inLength - 1 + padding - tap, stride) + 1);
    return {first, std::max(first, last)};
}

} // namespace

ConvGeometry convGeometry(const ImageShape& input, int kernel, int stride, int padding, const std::string& layer)
{
    checkImageShape(input, layer);
    ConvGeometry g;
    g.input = input;
    g.kernel = kernel;
    g.stride = stride;
    g.padding = padding;
    g.outHeight = slidingOutputLength(input.height, kernel, stride, padding, layer);
    g.outWidth = slidingOutputLength(input.width, kernel, stride, padding, layer);
    return g;
}

void im2col(const Scalar* x, Eigen::Index batch, const ConvGeometry& g, Scalar* cols)
{
    const int H = g.input.height, W = g.input.width, k = g.kernel, s = g.stride, p = g.padding;
    const int OW = g.outWidth;
    const Eigen::Index P = g.outPlane(), N = batch * P, image = g.input.size(), plane = g.input.plane();
    // One task per (row of cols, sample): a contiguous run of OH OW outputs.
    parallelFor(Eigen::Index(g.patch()) * batch, P, [&](Eigen::Index task) {
        const int r = int(task / batch);
        const Eigen::Index b = task % batch;
        const int c = r / (k * k), i = (r / k) % k, j = r % k;
        const Span span = validSpan(j, p, s, W, OW);
        const Scalar* src = x + b * image + c * plane;
        Scalar* dst = cols + r * N + b * P;
        for (int oy = 0; oy < g.outHeight; ++oy, dst += OW) {
            const int iy = oy * s - p + i;
            if (iy < 0 || iy >= H) {
                std::fill(dst, dst + OW, Scalar(0));
                continue;
            }
            std::fill(dst, dst + span.first, Scalar(0));
            std::fill(dst + span.last, dst + OW, Scalar(0));
            const Scalar* row = src + iy * W + (span.first * s - p + j);
            if (s == 1)
                std::memcpy(dst + span.first, row, sizeof(Scalar) * std::size_t(span.last - span.first));
            else
                for (int ox = span.first; ox < span.last; ++ox)
                    dst[ox] = row[(ox - span.first) * s];
        }
    });
}

void col2im(const Scalar* cols, Eigen::Index batch, const ConvGeometry& g, Scalar* x)
{
    const int H = g.input.height, W = g.input.width, k = g.kernel, s = g.stride, p = g.padding;
    const int OW = g.outWidth, C = g.input.channels;
    const Eigen::Index P = g.outPlane(), N = batch * P, image = g.input.size(), plane = g.input.plane();
    // One task per (sample, channel): each writes only its own image plane.
    parallelFor(batch * C, Eigen::Index(k) * k * P, [&](Eigen::Index task) {
        const Eigen::Index b = task / C;
        const int c = int(task % C);
        Scalar* img = x + b * image + c * plane;
        for (int i = 0; i < k; ++i)
            for (int j = 0; j < k; ++j) {
                const Eigen::Index r = (Eigen::Index(c) * k + i) * k + j;
                const Span span = validSpan(j, p, s, W, OW);
                const Scalar* src = cols + r * N + b * P;
                for (int oy = 0; oy < g.outHeight; ++oy, src += OW) {
                    const int iy = oy * s - p + i;
                    if (iy < 0 || iy >= H)
                        continue;
                    Scalar* row = img + iy * W + (span.first * s - p + j);
                    for (int ox = span.first; ox < span.last; ++ox)
                        row[(ox - span.first) * s] += src[ox];
                }
            }
    });
}

namespace {

// One sample's rows (P, C k k) from its image. KS is the kernel size when
// known at compile time (3, so each run of three is copied without a loop),
// else 0 and g.kernel is used.
template <int KS>
void im2rowSample(const Scalar* img, const ConvGeometry& g, Scalar* out)
{
    const int C = g.input.channels, H = g.input.height, W = g.input.width, s = g.stride, p = g.padding;
    const int k = KS > 0 ? KS : g.kernel;
    const int plane = g.input.plane();
    for (int oy = 0; oy < g.outHeight; ++oy)
        for (int ox = 0; ox < g.outWidth; ++ox) {
            const int y0 = oy * s - p, x0 = ox * s - p;
            const bool inside = y0 >= 0 && x0 >= 0 && y0 + k <= H && x0 + k <= W;
            for (int c = 0; c < C; ++c) {
                const Scalar* src = img + c * plane;
                for (int i = 0; i < k; ++i, out += k) {
                    const int iy = y0 + i;
                    if (inside) {
                        const Scalar* run = src + iy * W + x0;
                        for (int j = 0; j < k; ++j)
                            out[j] = run[j];
                        continue;
                    }
                    for (int j = 0; j < k; ++j) {
                        const int ix = x0 + j;
                        out[j] = (iy >= 0 && iy < H && ix >= 0 && ix < W) ? src[iy * W + ix] : Scalar(0);
                    }
                }
            }
        }
}

// The adjoint for one sample: its rows ADDED into its image.
template <int KS>
void row2imSample(const Scalar* in, const ConvGeometry& g, Scalar* img)
{
    const int C = g.input.channels, H = g.input.height, W = g.input.width, s = g.stride, p = g.padding;
    const int k = KS > 0 ? KS : g.kernel;
    const int plane = g.input.plane();
    for (int oy = 0; oy < g.outHeight; ++oy)
        for (int ox = 0; ox < g.outWidth; ++ox) {
            const int y0 = oy * s - p, x0 = ox * s - p;
            const bool inside = y0 >= 0 && x0 >= 0 && y0 + k <= H && x0 + k <= W;
            for (int c = 0; c < C; ++c) {
                Scalar* dst = img + c * plane;
                for (int i = 0; i < k; ++i, in += k) {
                    const int iy = y0 + i;
                    if (inside) {
                        Scalar* run = dst + iy * W + x0;
                        for (int j = 0; j < k; ++j)
                            run[j] += in[j];
                        continue;
                    }
                    if (iy < 0 || iy >= H)
                        continue;
                    for (int j = 0; j < k; ++j) {
                        const int ix = x0 + j;
                        if (ix >= 0 && ix < W)
                            dst[iy * W + ix] += in[j];
                    }
                }
            }
        }
}

} // namespace

void im2row(const Scalar* x, Eigen::Index batch, const ConvGeometry& g, Scalar* rows)
{
    const Eigen::Index P = g.outPlane(), K = g.patch(), image = g.input.size();
    // One task per sample: its image stays in cache while its P rows are written in order.
    parallelFor(batch, P * K, [&](Eigen::Index b) {
        if (g.kernel == 3)
            im2rowSample<3>(x + b * image, g, rows + b * P * K);
        else
            im2rowSample<0>(x + b * image, g, rows + b * P * K);
    });
}

void row2im(const Scalar* rows, Eigen::Index batch, const ConvGeometry& g, Scalar* x)
{
    const Eigen::Index P = g.outPlane(), K = g.patch(), image = g.input.size();
    // One task per sample: each writes only its own image.
    parallelFor(batch, P * K, [&](Eigen::Index b) {
        if (g.kernel == 3)
            row2imSample<3>(rows + b * P * K, g, x + b * image);
        else
            row2imSample<0>(rows + b * P * K, g, x + b * image);
    });
}

void toChannelMajor(const Scalar* x, Eigen::Index batch, int channels, Eigen::Index plane, Scalar* out)
{
    parallelFor(Eigen::Index(channels) * batch, plane, [&](Eigen::Index task) {
        const Eigen::Index c = task / batch, b = task % batch;
        std::memcpy(out + (c * batch + b) * plane, x + (b * channels + c) * plane, sizeof(Scalar) * std::size_t(plane));
    });
}

void toBatchMajor(const Scalar* in, Eigen::Index batch, int channels, Eigen::Index plane, Scalar* out,
                  const Scalar* bias)
{
    parallelFor(Eigen::Index(channels) * batch, plane, [&](Eigen::Index task) {
        const Eigen::Index c = task / batch, b = task % batch;
        const Scalar* src = in + (c * batch + b) * plane;
        Scalar* dst = out + (b * channels + c) * plane;
        if (!bias) {
            std::memcpy(dst, src, sizeof(Scalar) * std::size_t(plane));
            return;
        }
        const Scalar add = bias[c];
        for (Eigen::Index q = 0; q < plane; ++q)
            dst[q] = src[q] + add;
    });
}

void addChannelSums(const Matrix& dy, int channels, Matrix& grad)
{
    // dy viewed as (batch C, P): each row is one channel plane of one sample.
    const Eigen::Index plane = dy.cols() / channels;
    const Eigen::Map<const Matrix> planes(dy.data(), dy.rows() * channels, plane);
    const Vector sums = planes.rowwise().sum();
    const Eigen::Map<const Matrix> perSample(sums.data(), dy.rows(), channels);
    grad += perSample.colwise().sum();
}

} // namespace aelab
