#pragma once
// A folder of images as a dataset (read with QImage, so it lives in ui/).
// Each subfolder is a class, named after it; images directly in the folder
// are unlabelled. Every image is converted to grey and scaled to one square
// size (the first image's, at most 64 px), values in [0, 1]. The read stops
// with an Error past kMaxImageFolderBytes of sample data, so a wrong folder
// cannot exhaust memory.
#include "data/Dataset.h"

#include <QString>

#include <cstdint>

namespace aelab::ui {

inline constexpr long long kMaxImageFolderBytes = 512LL * 1024 * 1024;
inline constexpr int kMaxImageSide = 64;

// Throws aelab::Error (Io, Format) with a message naming the folder.
Dataset loadImageFolder(const QString& dir, int limit, std::uint64_t seed);

// Whether the path is a folder of images rather than one of IDX files.
bool looksLikeImageFolder(const QString& dir);

} // namespace aelab::ui
