#pragma once
// A figure of several runs against the one setting that sets them apart
// (a sweep's result): for each value of the setting, the mean of the runs
// with that value (over their seeds) and the smallest and largest, so the
// spread over seeds shows beside the trend.
#include "experiment/RunRecord.h"

#include <string>
#include <vector>

namespace aelab {

struct TrendPoint {
    double value = 0;      // the setting's value
    double mean = 0;       // of the figure over the runs with that value
    double low = 0, high = 0;
    int runs = 0;
};

// The one numeric setting, apart from the seed, on which the runs differ;
// "" when there is none or more than one (or the setting is not a number).
std::string sweptSetting(const std::vector<const RunRecord*>& runs);

// The loss terms and metrics every run ended with (its last epoch's
// training terms), in the first run's order: what a trend can plot.
std::vector<std::string> commonFinalTerms(const std::vector<const RunRecord*>& runs);

// The final validation value of `term` (else its training value) of each
// run, against `key`, by increasing value; runs without a finite figure
// are left out. Validation is used only when every run has it, so all
// points are the same figure.
std::vector<TrendPoint> finalTermAgainst(const std::vector<const RunRecord*>& runs, const std::string& key,
                                         const std::string& term, bool* validation = nullptr);

} // namespace aelab
