#pragma once
// The imputation table `aelab-cli eval` adds for a masked model: RMSE on the
// test set's missing entries for the autoencoder and the baselines.
#include "data/Dataset.h"
#include "models/Autoencoder.h"

#include <ostream>

namespace aelab::cli {

// Prints the table and returns true for a masked model; prints nothing and
// returns false for any other variant.
bool printImputationReport(Autoencoder& model, const Dataset& data, std::ostream& out);

} // namespace aelab::cli
