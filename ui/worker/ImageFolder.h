#pragma once
// A folder of images as a dataset (read with QImage, so it lives in ui/).
// Each subfolder is a class, named after it; images directly in the folder
// are unlabelled. Every image is converted to grey and scaled to one square
// size (the first image's, at most 64 px), values in [0, 1]. Once the first
// image fixes that size, the whole folder's samples are estimated and
// refused with an Error past kMaxImageFolderBytes or the memory budget, so
// a wrong folder cannot exhaust memory; so is one image whose decoded
// pixels would pass kMaxImageMegabytes ("too large (W x H)").
#include "data/Dataset.h"
#include "data/MemoryBudget.h"

#include <QString>

#include <cstdint>

namespace aelab::ui {

inline constexpr long long kMaxImageFolderBytes = 512LL * 1024 * 1024;
inline constexpr int kMaxImageSide = 64;
// Qt's own allocation limit for one decoded image (QImageReader's, 128 MB by
// default in Qt 6.4, process-wide), set explicitly: large photos (a 6000 x
// 4000 one is 96 MB as 32-bit pixels) still open.
inline constexpr int kMaxImageMegabytes = 256;

// Throws aelab::Error (Io, Format, Unsupported) with a message naming the
// folder or the file.
Dataset loadImageFolder(const QString& dir, int limit, std::uint64_t seed,
                        const MemoryBudget& budget = machineMemoryBudget());

// Whether the path is a folder of images rather than one of IDX files.
bool looksLikeImageFolder(const QString& dir);

} // namespace aelab::ui
