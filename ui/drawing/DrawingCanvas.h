#pragma once
// The drawing pad's canvas: a small grey image (28 x 28) drawn large with
// crisp pixels. The left button paints with the chosen brush (ink, erase,
// or cut out: the pixels become missing, shown red), the right button
// always erases. The strokes themselves are core/explore/Drawing's.
#include "explore/Drawing.h"

#include <QPointF>
#include <QWidget>

#include <optional>

namespace aelab::ui {

class DrawingCanvas : public QWidget {
    Q_OBJECT
public:
    explicit DrawingCanvas(QWidget* parent = nullptr);

    void setImageSize(int width, int height);   // clears
    void setMode(BrushMode mode) { m_mode = mode; }
    BrushMode mode() const { return m_mode; }
    void setDrawing(const Matrix& image);   // (1, width * height) in [0, 1]; nothing missing
    void clearDrawing();
    const Matrix& image() const { return m_image; }
    const Matrix& mask() const { return m_mask; }   // 1 = observed, 0 = cut out
    int imageWidth() const { return m_width; }
    int imageHeight() const { return m_height; }
    bool blank() const;
    QRect imageRect() const;                    // where the image is drawn
    QPoint pixelCentre(int x, int y) const;     // on the widget: the centre of pixel (x, y)

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void changed();

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;

private:
    QPointF toImage(const QPointF& position) const;
    void stroke(const QPointF& to, Qt::MouseButtons buttons);

    int m_width = 28, m_height = 28;
    Matrix m_image, m_mask;
    BrushMode m_mode = BrushMode::Ink;
    std::optional<QPointF> m_last;   // the stroke's last point, in image pixels
};

} // namespace aelab::ui
