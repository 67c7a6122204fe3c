// The seeded generator: reproducibility, the distributions' moments (within
// 5 standard errors, so a correct generator fails about once in 1.7 million
// runs per check, while a biased one shows), unbiased integers, permutations,
// and pinned values that guard the exact sequence.
#include "math/Rng.h"

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <numeric>

using namespace aelab;

namespace {
constexpr int kDraws = 100000;
}

class TestRng : public QObject {
    Q_OBJECT

private slots:
    void sameSeedSameSequence()
    {
        Rng a(1234), b(1234);
        for (int i = 0; i < 1000; ++i)
            QCOMPARE(a.next(), b.next());
        for (int i = 0; i < 1000; ++i)
            QCOMPARE(a.normal(), b.normal());
        QCOMPARE(a.normalMatrix(3, 4), b.normalMatrix(3, 4));
        QCOMPARE(a.permutation(50), b.permutation(50));
    }

    void differentSeedsDiffer()
    {
        // Neighbouring seeds (splitmix64 decorrelates them): no equal draw in 1000.
        Rng a(1), b(2);
        int same = 0;
        for (int i = 0; i < 1000; ++i)
            same += a.next() == b.next();
        QCOMPARE(same, 0);
    }

    void pinnedValues()
    {
        // These literals were recorded from this generator (xoshiro256**
        // seeded by splitmix64). They fail if the generator, its seeding or the
        // uniform/normal transforms change by accident: that would silently
        // change every seeded run, saved experiment and test fixture. Change
        // them only on purpose, and say so in the commit.
        Rng rng(42);
        QCOMPARE(rng.next(), std::uint64_t(1546998764402558742ull));
        QCOMPARE(rng.next(), std::uint64_t(6990951692964543102ull));
        Rng u(42);
        QVERIFY(u.uniform() == 0.083862971059882163);   // exact: (next() >> 11) * 2^-53
        // normal() goes through log, sin and cos, which may differ by an ulp
        // between C libraries: compared to 1e-12.
        Rng n(42);
        QVERIFY(std::abs(n.normal() + 1.6132237513849161) < 1e-12);
        QVERIFY(std::abs(n.normal() - 1.5344873235334195) < 1e-12);
    }

    void uniformRangeAndMoments()
    {
        // U[0,1): mean 1/2, variance 1/12; SE of the mean sqrt(1/12 / n) = 0.00091,
        // of the variance sqrt((1/80 - 1/144) / n) = 0.00024 for n = 1e5.
        Rng rng(7);
        double sum = 0, sumSq = 0, lo = 1, hi = 0;
        for (int i = 0; i < kDraws; ++i) {
            const double u = rng.uniform();
            QVERIFY(u >= 0.0 && u < 1.0);
            sum += u;
            sumSq += u * u;
            lo = std::min(lo, u);
            hi = std::max(hi, u);
        }
        const double n = kDraws, mean = sum / n, var = sumSq / n - mean * mean;
        qInfo("uniform: mean %.5f, variance %.5f, range [%.2g, %.6f]", mean, var, lo, hi);
        QVERIFY(std::abs(mean - 0.5) < 5 * std::sqrt(1.0 / 12 / n));
        QVERIFY(std::abs(var - 1.0 / 12) < 5 * std::sqrt((1.0 / 80 - 1.0 / 144) / n));
        // The range is covered: P(min > 1e-3) = (1 - 1e-3)^1e5 ~ e^-100.
        QVERIFY(lo < 1e-3 && hi > 1 - 1e-3);
        // uniform(lo, hi) maps onto [lo, hi).
        for (int i = 0; i < 1000; ++i) {
            const double v = rng.uniform(-3, 5);
            QVERIFY(v >= -3 && v < 5);
        }
    }

    void normalMoments()
    {
        // N(0,1): SE of the mean 1/sqrt(n) = 0.0032; of the variance
        // sqrt(2/n) = 0.0045; of the 4th moment (3) sqrt(96/n) = 0.031.
        Rng rng(8);
        double s1 = 0, s2 = 0, s4 = 0;
        for (int i = 0; i < kDraws; ++i) {
            const double x = rng.normal();
            QVERIFY(std::isfinite(x));
            s1 += x;
            s2 += x * x;
            s4 += x * x * x * x;
        }
        const double n = kDraws, mean = s1 / n, var = s2 / n - mean * mean, m4 = s4 / n;
        qInfo("normal: mean %.5f, variance %.5f, 4th moment %.4f", mean, var, m4);
        QVERIFY(std::abs(mean) < 5 / std::sqrt(n));
        QVERIFY(std::abs(var - 1) < 5 * std::sqrt(2 / n));
        QVERIFY(std::abs(m4 - 3) < 5 * std::sqrt(96 / n));   // Gaussian tails, not just 2 moments
        // normalMatrix applies mean and standard deviation.
        const Matrix m = rng.normalMatrix(200, 500, 2.0, 0.5);
        const double mm = double(m.cast<double>().mean());
        const double mv = (m.cast<double>().array() - mm).square().mean();
        QVERIFY(std::abs(mm - 2.0) < 5 * 0.5 / std::sqrt(n));
        QVERIFY(std::abs(mv - 0.25) < 5 * 0.25 * std::sqrt(2 / n));
    }

    void belowIsUniformAndInRange()
    {
        // Chi-square over 10 buckets (9 degrees of freedom): P(X > 40) ~ 8e-6,
        // a generous bound; a generator that put 11 % instead of 10 % of
        // the draws in one bucket would score ~110 at n = 1e5.
        Rng rng(9);
        const int buckets = 10;
        std::vector<int> counts(buckets, 0);
        for (int i = 0; i < kDraws; ++i) {
            const auto k = rng.below(buckets);
            QVERIFY(k < std::uint64_t(buckets));
            ++counts[k];
        }
        const double expected = double(kDraws) / buckets;
        double chi2 = 0;
        for (int c : counts)
            chi2 += (c - expected) * (c - expected) / expected;
        qInfo("below(10): chi-square %.2f (9 dof)", chi2);
        QVERIFY2(chi2 < 40, std::to_string(chi2).c_str());
        // Edges: below(1) is always 0; a bound just above 2^63 (half the
        // draws rejected) still never reaches n.
        for (int i = 0; i < 100; ++i)
            QCOMPARE(rng.below(1), std::uint64_t(0));
        const std::uint64_t big = (std::uint64_t(1) << 63) + 12345;
        for (int i = 0; i < 1000; ++i)
            QVERIFY(rng.below(big) < big);
    }

    void bernoulliFrequency()
    {
        // p = 0.3: SE sqrt(p(1-p)/n) = 0.00145.
        Rng rng(10);
        int hits = 0;
        for (int i = 0; i < kDraws; ++i)
            hits += rng.bernoulli(0.3);
        QVERIFY(std::abs(hits / double(kDraws) - 0.3) < 5 * std::sqrt(0.21 / kDraws));
        QVERIFY(!Rng(1).bernoulli(0.0));
        QVERIFY(Rng(1).bernoulli(1.0));
    }

    void permutationIsAPermutation()
    {
        Rng rng(11);
        std::vector<int> p = rng.permutation(1000);
        QCOMPARE(p.size(), std::size_t(1000));
        std::vector<int> identity(1000);
        std::iota(identity.begin(), identity.end(), 0);
        QVERIFY(p != identity);   // probability 1/1000! of a false failure
        std::sort(p.begin(), p.end());
        QCOMPARE(p, identity);
        QVERIFY(rng.permutation(0).empty());
        QCOMPARE(rng.permutation(1), std::vector<int>{0});
        // Every position receives every element about equally: element 0's
        // position over 10000 permutations of 4, chi-square with 3 dof < 30.
        std::vector<int> where(4, 0);
        for (int i = 0; i < 10000; ++i) {
            const auto q = rng.permutation(4);
            ++where[std::find(q.begin(), q.end(), 0) - q.begin()];
        }
        double chi2 = 0;
        for (int c : where)
            chi2 += (c - 2500.0) * (c - 2500.0) / 2500.0;
        QVERIFY2(chi2 < 30, std::to_string(chi2).c_str());
    }

    void splitGivesAnIndependentStream()
    {
        Rng parent(12);
        Rng child = parent.split();
        int same = 0;
        for (int i = 0; i < 1000; ++i)
            same += child.next() == parent.next();
        QCOMPARE(same, 0);
        // Splitting is itself reproducible.
        Rng p1(12), p2(12);
        QCOMPARE(p1.split().next(), p2.split().next());
    }
};

QTEST_APPLESS_MAIN(TestRng)
#include "test_rng.moc"
