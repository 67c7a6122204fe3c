#include "widgets/ImageGrid.h"

#include "widgets/Zoomed.h"

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

// The size wanted grows with the zoom, so a zoomed window gives the images
// room; the minimum does not, so five panels still fit 1280 pixels at 150%.
QSize ImageGrid::sizeHint() const { return {zoomed(520), zoomed(200)}; }
QSize ImageGrid::minimumSizeHint() const { return {240, 80}; }

ImageGrid::Layout ImageGrid::layout() const
{
    Layout l;
    std::size_t columns = 0;
    for (const Row& r : m_rows)
        columns = std::max(columns, r.images.size());
    if (columns == 0)
        return l;
    l.captionHeight = m_columnCaptions.isEmpty() ? 0 : fontMetrics().height() + 2;
    for (const Row& r : m_rows)
        l.captionWidth = std::max(l.captionWidth, fontMetrics().horizontalAdvance(r.caption) + 12);
    const int rows = int(m_rows.size());
    // Try 1, 2, ... bands and keep the one with the largest images.
    for (int bands = 1; bands <= int(columns); ++bands) {
        const int perBand = (int(columns) + bands - 1) / bands;
        const int availW = width() - l.captionWidth - kGap * (perBand + 1);
        const int availH = height() - bands * l.captionHeight - kGap * (rows * bands + bands);
        const int cell = std::min(availW / perBand, availH / (rows * bands));
        if (cell > l.cell) {
            l.cell = cell;
            l.bands = bands;
            l.perBand = perBand;
        }
    }
    l.cell = std::max(zoomed(8), l.cell);
    if (l.perBand == 0)
        l.perBand = int(columns);
    return l;
}

int ImageGrid::cellSize() const { return m_rows.empty() ? 0 : layout().cell; }

void ImageGrid::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    const Layout l = layout();
    if (m_rows.empty() || l.perBand == 0)
        return;
    const int rows = int(m_rows.size());
    const int cell = l.cell;
    const int bandHeight = rows * (cell + kGap) + l.captionHeight + kGap;
    p.setRenderHint(QPainter::SmoothPixmapTransform, false);   // nearest neighbour: crisp pixels
    QFont small = font();
    small.setPointSizeF(std::max(6.0, small.pointSizeF() - 1.5));
    for (int band = 0; band < l.bands; ++band) {
        const int top = kGap + band * bandHeight;
        const int first = band * l.perBand;
        for (int r = 0; r < rows; ++r) {
            const int y = top + r * (cell + kGap);
            const Row& row = m_rows[std::size_t(r)];
            p.setFont(font());
            p.setPen(palette().color(QPalette::Text));
            p.drawText(QRect(4, y, l.captionWidth - 8, cell), Qt::AlignRight | Qt::AlignVCenter | Qt::TextWordWrap,
                       row.caption);
            for (int c = first; c < first + l.perBand && c < int(row.images.size()); ++c) {
                const QRect target(l.captionWidth + kGap + (c - first) * (cell + kGap), y, cell, cell);
                p.drawImage(target, row.images[std::size_t(c)]);
            }
        }
        if (l.captionHeight > 0) {
            p.setFont(small);
            const int y = top + rows * (cell + kGap);
            for (int c = first; c < first + l.perBand && c < m_columnCaptions.size(); ++c) {
                const QRect target(l.captionWidth + kGap + (c - first) * (cell + kGap) - kGap / 2, y, cell + kGap,
                                   l.captionHeight);
                p.drawText(target, Qt::AlignHCenter | Qt::AlignTop,
                           QFontMetrics(small).elidedText(m_columnCaptions[c], Qt::ElideRight, cell + kGap));
            }
        }
    }
}

} // namespace aelab::ui
