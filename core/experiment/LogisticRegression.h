#pragma once
// Multinomial logistic regression with an L2 penalty, fitted by full-batch
// L-BFGS for at most a fixed number of iterations (deterministic: no
// sampling, the same features give the same weights).
//   logits = X W^T + b            W (classes, features) as nn.Linear, b (1, classes)
//   J(W, b) = mean_i CE(logits_i, y_i) + l2 / 2 * ||W||^2      (b is not penalised)
//   dJ/dW = (P - Y)^T X / n + l2 W,   dJ/db = sum_i (P - Y)_i / n
// Features are taken as given: scale them first (Standardizer.h) so that one
// l2 suits every feature set.
#include "math/Matrix.h"

#include <vector>

namespace aelab {

class TrainControl;

struct LogisticOptions {
    double l2 = 1e-3;                 // weight of ||W||^2 / 2
    int iterations = 150;             // L-BFGS iterations at most
    int memory = 10;                  // L-BFGS correction pairs kept
    double gradientTolerance = 1e-5;  // stop early when max |dJ| falls below it
};

// J and, when asked, its gradients (written, not added).
double logisticObjective(const Matrix& x, const std::vector<int>& y, const Matrix& weight, const Matrix& bias,
                         double l2, Matrix* gradWeight = nullptr, Matrix* gradBias = nullptr);

class LogisticRegression {
public:
    // Fits to x (n, features) with labels in [0, classes). A stop requested
    // through `control` ends the iterations early (the weights so far are kept).
    static LogisticRegression fit(const Matrix& x, const std::vector<int>& y, int classes,
                                  const LogisticOptions& options = {}, const TrainControl* control = nullptr);

    Matrix logits(const Matrix& x) const;           // (n, classes)
    std::vector<int> predict(const Matrix& x) const;

    const Matrix& weight() const { return m_weight; }
    const Matrix& bias() const { return m_bias; }
    int iterations() const { return m_iterations; }   // L-BFGS iterations run
    double finalObjective() const { return m_objective; }

private:
    Matrix m_weight;   // (classes, features)
    Matrix m_bias;     // (1, classes)
    int m_iterations = 0;
    double m_objective = 0;
};

} // namespace aelab
