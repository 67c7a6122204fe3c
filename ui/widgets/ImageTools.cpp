#include "widgets/ImageTools.h"

#include "widgets/ImageGrid.h"

#include <QPainter>

namespace aelab::ui {

std::vector<QImage> rowImages(const Matrix& rows, const SampleShape& shape)
{
    std::vector<QImage> images;
    if (!shape.isImage() || rows.cols() != shape.size())
        return images;
    for (Eigen::Index i = 0; i < rows.rows(); ++i)
        images.push_back(sampleImage(rows, i, shape));
    return images;
}

QImage mosaicImage(const Matrix& rows, const SampleShape& shape, int columns, int gap)
{
    if (!shape.isImage() || rows.rows() == 0 || columns < 1 || rows.cols() != shape.size())
        return {};
    const int n = int(rows.rows());
    const int lines = (n + columns - 1) / columns;
    QImage mosaic(columns * shape.width + (columns - 1) * gap, lines * shape.height + (lines - 1) * gap,
                  QImage::Format_RGB888);
    mosaic.fill(Qt::white);
    QPainter p(&mosaic);
    for (int i = 0; i < n; ++i)
        p.drawImage(QPoint((i % columns) * (shape.width + gap), (i / columns) * (shape.height + gap)),
                    sampleImage(rows, i, shape));
    return mosaic;
}

QImage maskedImage(const Matrix& rows, Eigen::Index row, const Matrix& mask, const SampleShape& shape, QColor missing)
{
    QImage image = sampleImage(rows, row, shape).convertToFormat(QImage::Format_RGB888);
    const int plane = shape.width * shape.height;
    for (int y = 0; y < shape.height; ++y)
        for (int x = 0; x < shape.width; ++x)
            if (mask(row, y * shape.width + x) <= 0 || (shape.channels == 3 && mask(row, plane + y * shape.width + x) <= 0))
                image.setPixelColor(x, y, missing);
    return image;
}

} // namespace aelab::ui
