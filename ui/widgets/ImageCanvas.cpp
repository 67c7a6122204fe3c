#include "widgets/ImageCanvas.h"

#include "widgets/Zoomed.h"

#include <QPainter>

namespace aelab::ui {

ImageCanvas::ImageCanvas(QWidget* parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    setAttribute(Qt::WA_OpaquePaintEvent);   // paintEvent fills the whole rect
}

QSize ImageCanvas::minimumSizeHint() const { return {zoomed(120), zoomed(120)}; }   // follows the zoom

void ImageCanvas::setImage(const QImage& image)
{
    m_image = image;
    update();
}

void ImageCanvas::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.fillRect(rect(), palette().base());
    if (m_image.isNull())
        return;
    const QSize size = m_image.size().scaled(this->size(), Qt::KeepAspectRatio);
    const QRect target(QPoint((width() - size.width()) / 2, (height() - size.height()) / 2), size);
    p.setRenderHint(QPainter::SmoothPixmapTransform, false);
    p.drawImage(target, m_image);
}

} // namespace aelab::ui
