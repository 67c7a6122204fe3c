#include "explore/ImputationDemo.h"

#include "models/Imputation.h"

#include <cmath>

namespace aelab {

namespace {

// Entries to score: the missing ones whose true value is known.
Matrix scoredMask(const Matrix& x, const Matrix& mask)
{
    Matrix s = mask;
    for (Eigen::Index i = 0; i < x.rows(); ++i)
        for (Eigen::Index j = 0; j < x.cols(); ++j)
            if (!std::isfinite(double(x(i, j))))
                s(i, j) = 1;
    return s;
}

} // namespace

std::vector<MechanismImputation> imputationByMechanism(MaskedAutoencoder& model, const Matrix& trainX,
                                                       const Matrix& testX, int rowsShown, int regressionRows,
                                                       double missingShade)
{
    std::vector<MechanismImputation> out;
    for (MissingKind kind : {MissingKind::Mcar, MissingKind::Mar, MissingKind::Mnar}) {
        MechanismImputation m;
        m.kind = kind;
        try {
            MissingSpec spec = model.missingSpec();
            spec.kind = kind;
            checkMissingSpec(spec, int(testX.cols()));
            const Matrix trainMask = missingMask(trainX, spec, SampleSet::Train);
            const Matrix testMask = missingMask(testX, spec, SampleSet::Test);
            const Matrix scored = scoredMask(testX, testMask);
            m.missingFraction = double((scored.array() <= 0).count()) / double(std::max<Eigen::Index>(1, testX.size()));
            const Matrix imputed = model.impute(testX, testMask);
            m.autoencoderRmse = imputationRmse(imputed, testX, scored);
            MeanImputer mean;
            mean.fit(trainX, trainMask);
            m.meanRmse = imputationRmse(mean.impute(testX, testMask), testX, scored);
            LinearRegressionImputer regression;
            regression.fit(trainX, trainMask, {.maxRows = regressionRows, .seed = spec.seed});
            m.regressionRmse = imputationRmse(regression.impute(testX, testMask), testX, scored);

            const Eigen::Index rows = std::min<Eigen::Index>(testX.rows(), std::max(0, rowsShown));
            m.original = testX.topRows(rows);
            m.imputed = imputed.topRows(rows);
            m.masked = m.original;
            m.mask = testMask.topRows(rows);
            for (Eigen::Index i = 0; i < rows; ++i)
                for (Eigen::Index j = 0; j < testX.cols(); ++j)
                    if (testMask(i, j) <= 0)
                        m.masked(i, j) = Scalar(missingShade);
        } catch (const std::exception& e) {
            m.error = e.what();
        }
        out.push_back(std::move(m));
    }
    return out;
}

} // namespace aelab
