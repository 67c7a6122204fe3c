#pragma once
// Baselines for filling in missing entries (mask 1 = observed, 0 = missing;
// values under a 0 are ignored, NaN or not), to measure an autoencoder's
// imputation against:
//   complete-case deletion  keep only the rows with nothing missing; reports
//                           how much data that throws away
//   mean imputation         each missing entry <- its feature's observed mean
//   linear regression       each feature regressed on the others
// Scores: RMSE over the missing entries only, against the true values.
#include "math/Matrix.h"

#include <cstdint>
#include <vector>

namespace aelab {

struct CompleteCaseSummary {
    Eigen::Index rows = 0;
    Eigen::Index completeRows = 0;       // rows with nothing missing
    Eigen::Index observedEntries = 0;
    Eigen::Index discardedEntries = 0;   // observed entries in incomplete rows
    double rowsDiscardedFraction() const;
    double observedDiscardedFraction() const;
};

CompleteCaseSummary completeCases(const Matrix& mask);

// RMSE of `imputed` against `truth` over the entries where mask == 0
// (NaN when there are none).
double imputationRmse(const Matrix& imputed, const Matrix& truth, const Matrix& mask);

// x with every missing entry replaced by fill(row, col)'s value.
Matrix fillMissing(const Matrix& x, const Matrix& mask, const Matrix& fill);

class MeanImputer {
public:
    // Means of the observed entries of each feature (0 for a feature never
    // observed). With completeCasesOnly, only rows with nothing missing count;
    // fit() then returns false when there are none (and the means stay 0).
    bool fit(const Matrix& x, const Matrix& mask, bool completeCasesOnly = false);
    Matrix impute(const Matrix& x, const Matrix& mask) const;
    const RowVector& means() const { return m_means; }

private:
    RowVector m_means;
};

// Each feature j regressed, by ridge least squares on the rows where it is
// observed, on the other features, iterated as in chained-equations
// imputation (MICE): round 1 regresses on the mean-imputed data, each later
// round on the data as the previous round imputed it. To keep this
// affordable for images (784 features), the predictors are the top
// `components` principal components of the current completed data x~, with
// feature j's own part taken out:
//   s = (x~ - mu) V                          (V: features x k)
//   s^(j) = s - (x~_j - mu_j) V_j            (j's own contribution removed)
//   x_j ~ mu_j + s^(j) beta_j + c_j,   min sum over observed rows (.)^2 + lambda n_j ||beta_j||^2
// impute() replays the rounds: mean-fill, then each round's prediction
// replaces the missing entries.
class LinearRegressionImputer {
public:
    struct Options {
        int components = 32;
        double ridge = 1e-3;
        int rounds = 3;
        int maxRows = 5000;        // rows used to fit (a seeded random subset beyond it)
        std::uint64_t seed = 1;
    };

    void fit(const Matrix& x, const Matrix& mask, const Options& options);
    Matrix impute(const Matrix& x, const Matrix& mask) const;

private:
    struct Round {
        Matrix basis;        // V (features, k)
        Matrix coef;         // (k + 1, features): beta_j over c_j
        RowVector ownPart;   // gamma_j = V_j . beta_j: the part of s^(j) beta_j that is x~_j's own
    };
    Round fitRound(const Matrix& filled, const Matrix& mask, const Options& options) const;
    Matrix predict(const Round& round, const Matrix& filled) const;   // (n, features)

    RowVector m_means;       // (1, features): observed means
    std::vector<Round> m_rounds;
};

} // namespace aelab
