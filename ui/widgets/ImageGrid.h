#pragma once
// Rows of small images with a caption at the left of each row (originals,
// reconstructions, ...), scaled up without smoothing so pixels stay crisp.
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

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    std::vector<Row> m_rows;
    QStringList m_columnCaptions;
};

} // namespace aelab::ui
