#pragma once
// The caption line of an exported figure: which variant on which data, and
// only the hyperparameters that differ from the variant's defaults (the ones
// a reader needs to repeat it), in the CLI's words so the line can be typed
// back: "ae on moons, 5 epochs, seed 1: --hidden 16 --lr 0.01".
#include "train/Run.h"

#include <string>

namespace aelab {

std::string figureCaption(const RunSettings& settings, const std::string& dataset);

} // namespace aelab
