#pragma once
// The masked autoencoder's imputation under each missingness mechanism, side
// by side with the baselines. For MCAR, MAR and MNAR in turn (at the model's
// rate and strength, whatever mechanism it was trained on): the mechanism
// masks the training and the test set; the mean and the regression imputers
// are fitted on the training set's observed entries; every method is scored
// by RMSE on the test set's missing entries. A few test rows are kept as
// images: original, masked (missing entries at `missingShade`) and imputed.
#include "models/Masked.h"

#include <string>
#include <vector>

namespace aelab {

struct MechanismImputation {
    MissingKind kind = MissingKind::Mcar;
    std::string error;             // why this mechanism could not be run ("" if it ran)
    Matrix original, masked, imputed;   // (rows shown, features)
    Matrix mask;                   // (rows shown, features): 1 = observed
    double missingFraction = 0;    // of the test entries
    double autoencoderRmse = 0;
    double meanRmse = 0;
    double regressionRmse = 0;
};

std::vector<MechanismImputation> imputationByMechanism(MaskedAutoencoder& model, const Matrix& trainX,
                                                       const Matrix& testX, int rowsShown,
                                                       int regressionRows = 2000, double missingShade = 0.5);

} // namespace aelab
