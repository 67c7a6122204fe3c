#include "layers/Im2col.h"

#include "layers/Im2colRuns.h"

#include <algorithm>

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

void im2col(const Scalar* x, const ConvGeometry& g, Scalar* cols)
{
    if (im2colRuns(x, g, cols))
        return;
    const int H = g.input.height, W = g.input.width, k = g.kernel, s = g.stride, p = g.padding;
    const int OW = g.outWidth, plane = g.input.plane();
    // Row r = (c, i, j) of cols: a run of OH OW outputs, one image row at a time.
    for (int r = 0; r < g.patch(); ++r) {
        const int c = r / (k * k), i = (r / k) % k, j = r % k;
        const Span span = validSpan(j, p, s, W, OW);
        const Scalar* src = x + c * plane;
        Scalar* dst = cols + Eigen::Index(r) * g.outPlane();
        for (int oy = 0; oy < g.outHeight; ++oy, dst += OW) {
            const int iy = oy * s - p + i;
            if (iy < 0 || iy >= H) {
                std::fill(dst, dst + OW, Scalar(0));
                continue;
            }
            std::fill(dst, dst + span.first, Scalar(0));
            std::fill(dst + span.last, dst + OW, Scalar(0));
            const Scalar* row = src + iy * W + (span.first * s - p + j);
            for (int ox = span.first; ox < span.last; ++ox)
                dst[ox] = row[(ox - span.first) * s];
        }
    }
}

void col2im(const Scalar* cols, const ConvGeometry& g, Scalar* x)
{
    if (col2imRuns(cols, g, x))
        return;
    const int H = g.input.height, W = g.input.width, k = g.kernel, s = g.stride, p = g.padding;
    const int OW = g.outWidth, plane = g.input.plane();
    for (int r = 0; r < g.patch(); ++r) {
        const int c = r / (k * k), i = (r / k) % k, j = r % k;
        const Span span = validSpan(j, p, s, W, OW);
        const Scalar* src = cols + Eigen::Index(r) * g.outPlane();
        Scalar* img = x + c * plane;
        for (int oy = 0; oy < g.outHeight; ++oy, src += OW) {
            const int iy = oy * s - p + i;
            if (iy < 0 || iy >= H)
                continue;
            Scalar* row = img + iy * W + (span.first * s - p + j);
            for (int ox = span.first; ox < span.last; ++ox)
                row[(ox - span.first) * s] += src[ox];
        }
    }
}

namespace {

// rows (P, C k k) from one image. KS is the kernel size when
// known at compile time (3, so each run of three is copied without a loop),
// else 0 and g.kernel is used.
template <int KS>
void im2rowWith(const Scalar* img, const ConvGeometry& g, Scalar* out)
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

// The adjoint: rows ADDED into the image.
template <int KS>
void row2imWith(const Scalar* in, const ConvGeometry& g, Scalar* img)
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

void im2row(const Scalar* x, const ConvGeometry& g, Scalar* rows)
{
    if (g.kernel == 3)
        im2rowWith<3>(x, g, rows);
    else
        im2rowWith<0>(x, g, rows);
}

void row2im(const Scalar* rows, const ConvGeometry& g, Scalar* x)
{
    if (g.kernel == 3)
        row2imWith<3>(rows, g, x);
    else
        row2imWith<0>(rows, g, x);
}

} // namespace aelab
