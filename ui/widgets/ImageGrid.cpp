#include "widgets/ImageGrid.h"

#include <QPainter>

#include <algorithm>

namespace aelab::ui {

namespace {
constexpr int kGap = 4;
} // namespace

QImage sampleImage(const Matrix& rows, Eigen::Index row, const SampleShape& shape)
{
    const int w = shape.width, h = shape.height;
    const bool rgb = shape.channels == 3;
    QImage image(w, h, rgb ? QImage::Format_RGB888 : QImage::Format_Grayscale8);
    const Scalar* v = rows.row(row).data();
    auto byte = [](Scalar x) { return uchar(std::clamp(int(x * Scalar(255) + Scalar(0.5)), 0, 255)); };
    const int plane = w * h;
    for (int y = 0; y < h; ++y) {
        uchar* line = image.scanLine(y);
        for (int x = 0; x < w; ++x) {
            if (rgb) {
                for (int c = 0; c < 3; ++c)
                    line[3 * x + c] = byte(v[c * plane + y * w + x]);   // channels first, as in PyTorch
            } else {
                line[x] = byte(v[y * w + x]);
            }
        }
    }
    return image;
}

ImageGrid::ImageGrid(QWidget* parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAttribute(Qt::WA_OpaquePaintEvent);   // paintEvent fills the whole rect
}

void ImageGrid::setRows(std::vector<Row> rows)
{
    m_rows = std::move(rows);
    update();
}

void ImageGrid::setColumnCaptions(const QStringList& captions)
{
    m_columnCaptions = captions;
    update();
}

void ImageGrid::clear()
{
    m_rows.clear();
    m_columnCaptions.clear();
    update();
}

int ImageGrid::imageCount() const
{
    int n = 0;
    for (const Row& r : m_rows)
        n += int(r.images.size());
    return n;
}

QSize ImageGrid::sizeHint() const { return {520, 200}; }
QSize ImageGrid::minimumSizeHint() const { return {240, 80}; }

void ImageGrid::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    if (m_rows.empty())
        return;
    std::size_t columns = 0;
    for (const Row& r : m_rows)
        columns = std::max(columns, r.images.size());
    if (columns == 0)
        return;
    const int captionHeight = m_columnCaptions.isEmpty() ? 0 : fontMetrics().height() + 2;
    int captionWidth = 0;
    for (const Row& r : m_rows)
        captionWidth = std::max(captionWidth, fontMetrics().horizontalAdvance(r.caption) + 12);
    const int rows = int(m_rows.size());
    const int availW = width() - captionWidth - kGap * int(columns + 1);
    const int availH = height() - captionHeight - kGap * (rows + 1);
    const int cell = std::max(8, std::min(availW / int(columns), availH / rows));
    p.setRenderHint(QPainter::SmoothPixmapTransform, false);
    for (int r = 0; r < rows; ++r) {
        const int y = kGap + r * (cell + kGap);
        p.setPen(palette().color(QPalette::Text));
        p.drawText(QRect(4, y, captionWidth - 8, cell), Qt::AlignRight | Qt::AlignVCenter | Qt::TextWordWrap,
                   m_rows[std::size_t(r)].caption);
        for (std::size_t c = 0; c < m_rows[std::size_t(r)].images.size(); ++c) {
            const QRect target(captionWidth + kGap + int(c) * (cell + kGap), y, cell, cell);
            p.drawImage(target, m_rows[std::size_t(r)].images[c]);
        }
    }
    if (captionHeight > 0) {
        QFont small = font();
        small.setPointSizeF(std::max(6.0, small.pointSizeF() - 1.5));
        p.setFont(small);
        const int y = kGap + rows * (cell + kGap);
        for (int c = 0; c < m_columnCaptions.size() && c < int(columns); ++c) {
            const QRect target(captionWidth + kGap + c * (cell + kGap) - kGap / 2, y, cell + kGap, captionHeight);
            p.drawText(target, Qt::AlignHCenter | Qt::AlignTop,
                       QFontMetrics(small).elidedText(m_columnCaptions[c], Qt::ElideRight, cell + kGap));
        }
    }
}

} // namespace aelab::ui
