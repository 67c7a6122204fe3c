#include "layers/MaxPoolRuns.h"

#if defined(__AVX512F__) && !defined(AELAB_DOUBLE)
#include <immintrin.h>

#include <algorithm>

namespace aelab {

namespace {

constexpr int kLanes = 16;

__mmask16 firstLanes(int n) { return n >= kLanes ? __mmask16(0xffff) : n <= 0 ? __mmask16(0) : __mmask16((1u << n) - 1); }

const __m512i kEvens = _mm512_setr_epi32(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30);
const __m512i kOdds = _mm512_setr_epi32(1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31);
// Lanes 0..7 of two vectors interleaved, and lanes 8..15.
const __m512i kLow = _mm512_setr_epi32(0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23);
const __m512i kHigh = _mm512_setr_epi32(8, 24, 9, 25, 10, 26, 11, 27, 12, 28, 13, 29, 14, 30, 15, 31);

// The 2 n values of a row from `row` on (n <= 16 windows), as even and odd
// columns. Masks only where a vector is partial (masked stores cost more).
__m512 loadPart(const float* from, int count)
{
    if (count >= kLanes)
        return _mm512_loadu_ps(from);
    return count > 0 ? _mm512_maskz_loadu_ps(firstLanes(count), from) : _mm512_setzero_ps();
}

void storePart(float* to, int count, __m512 v)
{
    if (count >= kLanes)
        _mm512_storeu_ps(to, v);
    else if (count > 0)
        _mm512_mask_storeu_ps(to, firstLanes(count), v);
}

void splitColumns(const float* row, int n, __m512& even, __m512& odd)
{
    const __m512 first = loadPart(row, 2 * n), second = loadPart(row + kLanes, 2 * n - kLanes);
    even = _mm512_permutex2var_ps(first, kEvens, second);
    odd = _mm512_permutex2var_ps(first, kOdds, second);
}

// Even and odd columns interleaved back into the 2 n values of a row.
void storeColumns(float* row, int n, __m512 even, __m512 odd)
{
    storePart(row, 2 * n, _mm512_permutex2var_ps(even, kLow, odd));
    storePart(row + kLanes, 2 * n - kLanes, _mm512_permutex2var_ps(even, kHigh, odd));
}

} // namespace

bool maxPool2x2Runs(const Scalar* in, int H, int W, Scalar* out, std::int32_t* where)
{
    const int OH = H / 2, OW = W / 2;
    const __m512i twice = _mm512_setr_epi32(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30);
    const __m512i one = _mm512_set1_epi32(1), below = _mm512_set1_epi32(W);
    for (int oy = 0; oy < OH; ++oy)
        for (int ox = 0; ox < OW; ox += kLanes) {
            const int n = std::min(kLanes, OW - ox);
            const float* top = in + 2 * oy * W + 2 * ox;
            __m512 a, b, c, d;   // window (a b / c d)
            splitColumns(top, n, a, b);
            splitColumns(top + W, n, c, d);
            // As the plain loop: upper = max(a, b), a on a tie; lower likewise; upper on a tie.
            const __m512i at = _mm512_add_epi32(_mm512_set1_epi32(2 * oy * W + 2 * ox), twice);
            const __mmask16 bWins = _mm512_cmp_ps_mask(b, a, _CMP_GT_OQ), dWins = _mm512_cmp_ps_mask(d, c, _CMP_GT_OQ);
            const __m512 upper = _mm512_mask_blend_ps(bWins, a, b), lower = _mm512_mask_blend_ps(dWins, c, d);
            const __m512i upperAt = _mm512_mask_add_epi32(at, bWins, at, one);
            const __m512i lowerAt = _mm512_mask_add_epi32(_mm512_add_epi32(at, below), dWins,
                                                          _mm512_add_epi32(at, below), one);
            const __mmask16 lowerWins = _mm512_cmp_ps_mask(lower, upper, _CMP_GT_OQ);
            const __mmask16 valid = firstLanes(n);
            _mm512_mask_storeu_ps(out + oy * OW + ox, valid, _mm512_mask_blend_ps(lowerWins, upper, lower));
            _mm512_mask_storeu_epi32(where + oy * OW + ox, valid, _mm512_mask_blend_epi32(lowerWins, upperAt, lowerAt));
        }
    return true;
}

bool maxPool2x2GradientRuns(const Scalar* dy, const std::int32_t* where, int H, int W, Scalar* dx)
{
    const int OH = H / 2, OW = W / 2;
    const __m512i twice = _mm512_setr_epi32(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30);
    const __m512i one = _mm512_set1_epi32(1), below = _mm512_set1_epi32(W);
    for (int oy = 0; oy < OH; ++oy) {
        for (int ox = 0; ox < OW; ox += kLanes) {
            const int n = std::min(kLanes, OW - ox);
            const __mmask16 valid = firstLanes(n);
            const __m512 g = _mm512_maskz_loadu_ps(valid, dy + oy * OW + ox);
            const __m512i w = _mm512_maskz_loadu_epi32(valid, where + oy * OW + ox);
            const __m512i at = _mm512_add_epi32(_mm512_set1_epi32(2 * oy * W + 2 * ox), twice);
            const __m512i atBelow = _mm512_add_epi32(at, below);
            float* top = dx + 2 * oy * W + 2 * ox;
            storeColumns(top, n, _mm512_maskz_mov_ps(_mm512_cmpeq_epi32_mask(w, at), g),
                         _mm512_maskz_mov_ps(_mm512_cmpeq_epi32_mask(w, _mm512_add_epi32(at, one)), g));
            storeColumns(top + W, n, _mm512_maskz_mov_ps(_mm512_cmpeq_epi32_mask(w, atBelow), g),
                         _mm512_maskz_mov_ps(_mm512_cmpeq_epi32_mask(w, _mm512_add_epi32(atBelow, one)), g));
        }
        if (W % 2 == 1) {   // the column no window covers
            dx[2 * oy * W + W - 1] = 0;
            dx[(2 * oy + 1) * W + W - 1] = 0;
        }
    }
    if (H % 2 == 1)   // the row no window covers
        std::fill(dx + (H - 1) * W, dx + H * W, Scalar(0));
    return true;
}

} // namespace aelab

#else   // no AVX-512, or the double build: the plain loops of MaxPool2d.cpp

namespace aelab {
bool maxPool2x2Runs(const Scalar*, int, int, Scalar*, std::int32_t*) { return false; }
bool maxPool2x2GradientRuns(const Scalar*, const std::int32_t*, int, int, Scalar*) { return false; }
} // namespace aelab

#endif
