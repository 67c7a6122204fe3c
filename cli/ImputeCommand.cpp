#include "cli/ImputeCommand.h"

#include "models/Masked.h"

#include <cmath>
#include <iomanip>
#include <sstream>

namespace aelab::cli {

namespace {

void printRow(std::ostream& out, const std::string& method, double rmse, const std::string& note = "")
{
    out << "  " << std::left << std::setw(26) << method << std::right << std::setw(10);
    if (std::isnan(rmse))
        out << "-";
    else
        out << std::fixed << std::setprecision(4) << rmse << std::defaultfloat;
    out << (note.empty() ? "" : "   " + note) << "\n";
}

std::string percent(double fraction)
{
    std::ostringstream s;
    s << std::fixed << std::setprecision(1) << 100 * fraction << " %";
    return s.str();
}

} // namespace

bool printImputationReport(Autoencoder& model, const Dataset& data, std::ostream& out)
{
    auto* masked = dynamic_cast<MaskedAutoencoder*>(&model);
    if (!masked)
        return false;
    const ImputationReport r = evaluateImputation(*masked, data.trainX, data.testX);
    const auto& cc = r.completeCase;
    out << "imputation under " << missingKindName(r.spec.kind) << " (rate " << r.spec.rate;
    if (r.spec.kind != MissingKind::Mcar)
        out << ", strength " << r.spec.strength;
    out << "): RMSE on the " << r.testMissing << " missing test entries ("
        << percent(r.testEntries > 0 ? double(r.testMissing) / double(r.testEntries) : 0.0)
        << "), fitted on the training set's observed entries\n";
    printRow(out, "autoencoder", r.autoencoderRmse);
    printRow(out, "mean imputation", r.meanRmse);
    printRow(out, "linear regression", r.regressionRmse);
    printRow(out, "complete-case deletion", r.completeCaseRmse,
             "keeps " + std::to_string(cc.completeRows) + " of " + std::to_string(cc.rows) + " training rows: discards "
                 + percent(cc.rowsDiscardedFraction()) + " of rows, " + percent(cc.observedDiscardedFraction())
                 + " of observed values" + (cc.completeRows == 0 ? " (nothing left to fit)" : ""));
    return true;
}

} // namespace aelab::cli
