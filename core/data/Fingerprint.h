#pragma once
// A dataset's fingerprint: a 64-bit FNV-1a digest (16 hex digits) of its
// content, so a model file can tell whether it is being used with the data
// it was trained on.
//
// Hashed, in order: the tag "aelab-dataset-v1"; channels, height, width;
// then for train and then test: rows, columns, every value as a
// little-endian float32 (so the float and double builds agree), the label
// count and every label as a little-endian int32. Counts and shape numbers
// are little-endian int64. The name and class names are left out: the same
// data loaded by another route has the same fingerprint.
#include "data/Dataset.h"

#include <string>

namespace aelab {

std::string datasetFingerprint(const Dataset& dataset);

} // namespace aelab
