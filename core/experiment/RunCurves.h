#pragma once
// A run's loss curves as a comparison needs them: every training step and
// every validation pass, each with the four clocks a comparison may be fair
// against (step, epoch, samples seen, seconds of training). A batch-size
// comparison is only fair against samples seen or seconds: a step of batch
// 512 sees 32 times what a step of batch 16 sees.
#include "models/LossTerms.h"

#include <string>
#include <vector>

namespace aelab {

enum class CurveAxis { Step, Epoch, Samples, Seconds };

// "step", "epoch", "samples", "seconds" (and back; throws Error for others).
std::string axisName(CurveAxis axis);
CurveAxis axisFromName(const std::string& name);

struct CurvePoint {
    long long step = 0;
    double epoch = 0;            // fractional: epoch - 1 + batch / batches per epoch
    long long samples = 0;       // training samples seen so far
    double seconds = 0;          // training time so far, pauses excluded
    std::vector<double> values;  // per RunCurves::terms (NaN where absent)

    double at(CurveAxis axis) const;
};

struct RunCurves {
    std::vector<std::string> terms;   // "loss" first, then the variant's parts
    std::vector<CurvePoint> train;    // every step
    std::vector<CurvePoint> val;      // every epoch end (empty without a validation part)

    void addTrain(CurvePoint point, const LossTerms& terms);
    void addVal(CurvePoint point, const LossTerms& terms);

    // One term along one axis: xs and ys of equal length, NaN values dropped.
    struct Series {
        std::vector<double> x, y;
    };
    Series series(bool validation, const std::string& term, CurveAxis axis) const;
    bool has(const std::string& term) const;

private:
    std::vector<double> valuesOf(const LossTerms& terms);
    std::size_t indexOf(const std::string& term);
};

} // namespace aelab
