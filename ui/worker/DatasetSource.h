#pragma once
// A dataset by the spec the window names it with: a folder of images is read
// here (QImage); every other spec (built-in names, IDX, CSV) by the core's
// loaders. One place for the worker's dataset loading, whether the user
// picked the data or an opened model names it.
#include "data/Dataset.h"

#include <QString>

#include <cstdint>

namespace aelab::ui {

// Throws aelab::Error with a message naming the spec.
Dataset loadDatasetSpec(const QString& spec, int limit, std::uint64_t seed);

} // namespace aelab::ui
