#pragma once
// Rows of small images with a caption at the left of each row (originals,
// reconstructions, ...), scaled up without smoothing so pixels stay crisp.
// The images grow with the widget: when it is taller than one band of rows
// needs, the columns wrap into several bands (columns 0-4 over 5-9), which
// ever gives the larger images.
#include "data/Dataset.h"

#include <QImage>
#include <QString>
#include <QWidget>

#include <vector>

namespace aelab::ui {

// A sample (one row of a batch) as an image: grey for one channel, RGB for
// three; values in [0, 1] are mapped to 0..255 (clamped).
QImage sampleImage(const Matrix& rows, Eigen::Index row, const SampleShape& shape);

class ImageGrid : public QWidget {
    Q_OBJECT
public:
    struct Row {
        QString caption;
        std::vector<QImage> images;
    };

    explicit ImageGrid(QWidget* parent = nullptr);

    void setRows(std::vector<Row> rows);
    void setColumnCaptions(const QStringList& captions);   // under the last row
    void clear();
    int imageCount() const;
    int cellSize() const;   // the side of each image on screen, in pixels

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    struct Layout {
        int cell = 0, bands = 1, perBand = 0, captionWidth = 0, captionHeight = 0;
    };
    Layout layout() const;

    std::vector<Row> m_rows;
    QStringList m_columnCaptions;
};

} // namespace aelab::ui
