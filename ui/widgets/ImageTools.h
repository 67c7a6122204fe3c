#pragma once
// Matrices of samples as images, for the exploration views: rows of images,
// one mosaic of an n x n lattice's decodes, and a sample with its missing
// entries marked. Copying only; values in [0, 1] map to 0..255 as in
// sampleImage().
#include "data/Dataset.h"

#include <QImage>

#include <vector>

namespace aelab::ui {

std::vector<QImage> rowImages(const Matrix& rows, const SampleShape& shape);

// Tiles in reading order, `columns` a row, with `gap` pixels of white between.
QImage mosaicImage(const Matrix& rows, const SampleShape& shape, int columns, int gap = 1);

// Grey sample with the entries where mask <= 0 painted `missing`.
QImage maskedImage(const Matrix& rows, Eigen::Index row, const Matrix& mask, const SampleShape& shape,
                   QColor missing = QColor(220, 40, 40));

} // namespace aelab::ui
