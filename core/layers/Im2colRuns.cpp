#include "layers/Im2colRuns.h"

#if defined(__AVX512F__) && !defined(AELAB_DOUBLE)
#include <immintrin.h>

#include <algorithm>
#include <vector>

namespace aelab {

namespace {

constexpr int kLanes = 16;

// Lanes l with lo <= l < hi.
__mmask16 lanesBetween(int lo, int hi)
{
    lo = std::clamp(lo, 0, kLanes);
    hi = std::clamp(hi, lo, kLanes);
    return __mmask16(((1u << hi) - 1) & ~((1u << lo) - 1));
}

int floorHalf(int a) { return a >= 0 ? a / 2 : -((1 - a) / 2); }

// Run (c, i, j, oy) of cols holds image row iy = oy S - p + i at columns
// xx = ox S + j - p, zero outside the image. Block a of a run (ox = 16 a + l)
// reads S vectors of the row from xx = 16 a S + j - p on.
template <int S> void im2colStride(const float* x, const ConvGeometry& g, float* cols)
{
    const int H = g.input.height, W = g.input.width, k = g.kernel, p = g.padding, OW = g.outWidth;
    const int blocks = (OW + kLanes - 1) / kLanes;
    // Lanes of a run's block a, and lanes of its t-th row vector inside the image row.
    std::vector<__mmask16> inRun(std::size_t(blocks), 0), inside(std::size_t(k * blocks * S), 0);
    for (int a = 0; a < blocks; ++a) {
        inRun[std::size_t(a)] = lanesBetween(0, OW - a * kLanes);
        for (int j = 0; j < k; ++j)
            for (int t = 0; t < S; ++t) {
                const int first = a * kLanes * S + t * kLanes + j - p;   // xx of lane 0
                inside[std::size_t((j * blocks + a) * S + t)] = lanesBetween(-first, W - first);
            }
    }
    const __m512i evens = _mm512_setr_epi32(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30);
    float* dst = cols;
    for (int c = 0; c < g.input.channels; ++c)
        for (int i = 0; i < k; ++i)
            for (int j = 0; j < k; ++j)
                for (int oy = 0; oy < g.outHeight; ++oy, dst += OW) {
                    const int iy = oy * S - p + i;
                    const bool rowInside = iy >= 0 && iy < H;
                    const float* row = x + (Eigen::Index(c) * H + iy) * W + (j - p);   // at xx for ox = 0
                    for (int a = 0; a < blocks; ++a) {
                        const __mmask16* in = &inside[std::size_t((j * blocks + a) * S)];
                        const float* from = row + a * kLanes * S;
                        __m512 v = _mm512_maskz_loadu_ps(rowInside ? in[0] : 0, from);
                        if constexpr (S == 2)
                            v = _mm512_permutex2var_ps(v, evens,
                                                       _mm512_maskz_loadu_ps(rowInside ? in[1] : 0, from + kLanes));
                        _mm512_mask_storeu_ps(dst + a * kLanes, inRun[std::size_t(a)], v);
                    }
                }
}

// Where block a of an image row finds tap j's values: image column
// xx = 16 a + l comes from output column ox = (xx + p - j) / S when S
// divides xx + p - j and 0 <= ox < OW. The block loads 16 values of the run
// from ox = start on (masked to the run) and moves value m to lane l with
// `spread` (stride 2: every other lane).
struct TapBlock {
    int start = 0;
    __mmask16 load = 0, lanes = 0;
    __m512i spread = _mm512_setzero_si512();
};

template <int S> TapBlock tapBlock(int a, int j, const ConvGeometry& g)
{
    const int q = a * kLanes + g.padding - j;   // xx + p - j at lane 0
    const int OW = g.outWidth;
    const __mmask16 inRow = lanesBetween(0, g.input.width - a * kLanes);
    TapBlock t;
    if constexpr (S == 1) {
        t.start = q;
        t.load = inRow & lanesBetween(-q, OW - q);
        t.lanes = t.load;
    } else {
        // lanes with q + l even; lane l takes value (q + l) / 2 - start = (l + (q & 1)) / 2
        t.start = floorHalf(q);
        t.load = lanesBetween(-t.start, OW - t.start);
        const bool odd = (q & 1) != 0;
        t.lanes = inRow & lanesBetween(-q, 2 * OW - q) & __mmask16(odd ? 0xAAAA : 0x5555);
        t.spread = odd ? _mm512_setr_epi32(0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8)
                       : _mm512_setr_epi32(0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7);
    }
    return t;
}

//   x[c, y, xx] += sum_{i,j} cols[(c,i,j), ((y + p - i) / S, (xx + p - j) / S)]
// over the taps whose quotients are whole and inside the output plane.
template <int S> void col2imStride(const float* cols, const ConvGeometry& g, float* x)
{
    const int H = g.input.height, W = g.input.width, k = g.kernel, p = g.padding;
    const int OH = g.outHeight, OW = g.outWidth, P = g.outPlane();
    const int blocks = (W + kLanes - 1) / kLanes;
    std::vector<TapBlock> taps(std::size_t(k * blocks));
    for (int a = 0; a < blocks; ++a)
        for (int j = 0; j < k; ++j)
            taps[std::size_t(j * blocks + a)] = tapBlock<S>(a, j, g);
    for (int c = 0; c < g.input.channels; ++c)
        for (int y = 0; y < H; ++y) {
            float* row = x + (Eigen::Index(c) * H + y) * W;
            for (int a = 0; a < blocks; ++a) {
                const __mmask16 inRow = lanesBetween(0, W - a * kLanes);
                __m512 sum = _mm512_maskz_loadu_ps(inRow, row + a * kLanes);
                for (int i = 0; i < k; ++i) {
                    const int oyS = y + p - i;
                    if (oyS < 0 || oyS % S != 0 || oyS / S >= OH)
                        continue;
                    const float* runs = cols + Eigen::Index(c * k + i) * k * P + Eigen::Index(oyS / S) * OW;
                    for (int j = 0; j < k; ++j) {
                        const TapBlock& t = taps[std::size_t(j * blocks + a)];
                        const __m512 v = _mm512_maskz_loadu_ps(t.load, runs + j * P + t.start);
                        sum = _mm512_add_ps(sum, S == 1 ? v : _mm512_maskz_permutexvar_ps(t.lanes, t.spread, v));
                    }
                }
                _mm512_mask_storeu_ps(row + a * kLanes, inRow, sum);
            }
        }
}

} // namespace

bool im2colRuns(const Scalar* x, const ConvGeometry& g, Scalar* cols)
{
    if (g.stride == 1)
        im2colStride<1>(x, g, cols);
    else if (g.stride == 2)
        im2colStride<2>(x, g, cols);
    else
        return false;
    return true;
}

bool col2imRuns(const Scalar* cols, const ConvGeometry& g, Scalar* x)
{
    if (g.stride == 1)
        col2imStride<1>(cols, g, x);
    else if (g.stride == 2)
        col2imStride<2>(cols, g, x);
    else
        return false;
    return true;
}

} // namespace aelab

#else   // no AVX-512, or the double build: the plain loops of Im2col.cpp

namespace aelab {
bool im2colRuns(const Scalar*, const ConvGeometry&, Scalar*) { return false; }
bool col2imRuns(const Scalar*, const ConvGeometry&, Scalar*) { return false; }
} // namespace aelab

#endif
