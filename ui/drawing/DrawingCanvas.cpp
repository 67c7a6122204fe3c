#include "drawing/DrawingCanvas.h"

#include "widgets/ImageTools.h"
#include "widgets/Zoomed.h"

#include <QMouseEvent>
#include <QPainter>

#include <algorithm>

namespace aelab::ui {

DrawingCanvas::DrawingCanvas(QWidget* parent) : QWidget(parent)
{
    setObjectName("drawingCanvas");
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setCursor(Qt::CrossCursor);
    setToolTip(tr("Left button: the chosen brush. Right button: erase."));
    setImageSize(28, 28);
}

void DrawingCanvas::setImageSize(int width, int height)
{
    m_width = std::max(1, width);
    m_height = std::max(1, height);
    clearDrawing();
}

void DrawingCanvas::clearDrawing()
{
    m_image = Matrix::Zero(1, Eigen::Index(m_width) * m_height);
    m_mask = Matrix::Ones(1, m_image.cols());
    update();
    emit changed();
}

void DrawingCanvas::setDrawing(const Matrix& image)
{
    if (image.size() != m_image.size())
        return;
    m_image = image.cwiseMax(Scalar(0)).cwiseMin(Scalar(1));
    m_mask = Matrix::Ones(1, m_image.cols());
    update();
    emit changed();
}

bool DrawingCanvas::blank() const { return m_image.maxCoeff() <= 0 && m_mask.minCoeff() > 0; }

QSize DrawingCanvas::sizeHint() const { return {zoomed(360), zoomed(360)}; }
QSize DrawingCanvas::minimumSizeHint() const { return {zoomed(168), zoomed(168)}; }

QRect DrawingCanvas::imageRect() const
{
    // Whole screen pixels per image pixel: every pixel the same size.
    const int cell = std::max(1, std::min(width() / m_width, height() / m_height));
    const int w = cell * m_width, h = cell * m_height;
    return {(width() - w) / 2, (height() - h) / 2, w, h};
}

QPoint DrawingCanvas::pixelCentre(int x, int y) const
{
    const QRect r = imageRect();
    const int cell = r.width() / m_width;
    return {r.left() + x * cell + cell / 2, r.top() + y * cell + cell / 2};
}

QPointF DrawingCanvas::toImage(const QPointF& position) const
{
    const QRect r = imageRect();
    const double cell = double(r.width()) / m_width;
    return {(position.x() - r.left()) / cell, (position.y() - r.top()) / cell};
}

void DrawingCanvas::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().window());
    const QRect r = imageRect();
    const SampleShape shape{1, m_height, m_width};
    p.setRenderHint(QPainter::SmoothPixmapTransform, false);   // crisp pixels
    p.drawImage(r, maskedImage(m_image, 0, m_mask, shape));
    p.setPen(QPen(palette().color(QPalette::Mid), 1));
    p.drawRect(r.adjusted(0, 0, -1, -1));
}

void DrawingCanvas::mousePressEvent(QMouseEvent* event)
{
    m_last.reset();
    stroke(toImage(event->position()), event->buttons());
}

void DrawingCanvas::mouseMoveEvent(QMouseEvent* event)
{
    if (event->buttons() & (Qt::LeftButton | Qt::RightButton))
        stroke(toImage(event->position()), event->buttons());
}

void DrawingCanvas::mouseReleaseEvent(QMouseEvent*) { m_last.reset(); }

void DrawingCanvas::stroke(const QPointF& to, Qt::MouseButtons buttons)
{
    if (!(buttons & (Qt::LeftButton | Qt::RightButton)))
        return;
    const Brush brush{(buttons & Qt::RightButton) ? BrushMode::Erase : m_mode,
                      m_mode == BrushMode::CutOut && !(buttons & Qt::RightButton) ? 1.5 : 1.0};
    const QPointF from = m_last.value_or(to);
    brushStroke(m_image, m_mask, m_width, m_height, from.x(), from.y(), to.x(), to.y(), brush);
    m_last = to;
    update();
    emit changed();
}

} // namespace aelab::ui
