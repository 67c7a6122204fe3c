#include "widgets/LiveText.h"

#include <QEvent>
#include <QPainter>

namespace aelab::ui {

LiveText::LiveText(const QString& widest, QWidget* parent) : QWidget(parent), m_widest(widest)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

void LiveText::setText(const QString& text)
{
    if (text == m_text)
        return;
    m_text = text;
    setToolTip(text);
    update();   // no updateGeometry(): the size hint does not depend on the text
}

QSize LiveText::sizeHint() const
{
    return {fontMetrics().horizontalAdvance(m_widest) + 8, fontMetrics().height() + 4};
}

QSize LiveText::minimumSizeHint() const { return {fontMetrics().averageCharWidth() * 8, fontMetrics().height() + 4}; }

void LiveText::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setPen(palette().color(QPalette::WindowText));
    const QRect area = rect().adjusted(4, 0, -4, 0);
    p.drawText(area, Qt::AlignVCenter | Qt::AlignLeft, fontMetrics().elidedText(m_text, Qt::ElideRight, area.width()));
}

void LiveText::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::FontChange)
        updateGeometry();   // the size hint follows the font
    QWidget::changeEvent(event);
}

} // namespace aelab::ui
