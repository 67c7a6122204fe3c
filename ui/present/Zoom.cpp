#include "present/Zoom.h"

#include "widgets/Zoomed.h"

#include <qcustomplot.h>

#include <QApplication>
#include <QLabel>
#include <QProgressBar>
#include <QSettings>

#include <algorithm>
#include <cmath>

namespace aelab::ui {

namespace {
const double kSteps[] = {0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.25, 1.5, 1.75, 2.0, 2.25, 2.5, 2.75, 3.0};
} // namespace

Zoom::Zoom(QObject* parent) : QObject(parent), m_baseFont(QApplication::font())
{
    // The font at 100%, also when another window zoomed the application already.
    if (m_baseFont.pointSizeF() > 0)
        m_baseFont.setPointSizeF(m_baseFont.pointSizeF() / uiZoom());
    m_factor = uiZoom();
}

double Zoom::storedFactor(const QString& key, double fallback) const
{
    bool ok = false;
    const double f = QSettings().value(key, fallback).toDouble(&ok);
    return ok && std::isfinite(f) ? std::clamp(f, kMin, kMax) : fallback;
}

double Zoom::step(double factor, int direction)
{
    if (direction > 0) {
        for (double s : kSteps)
            if (s > factor + 1e-6)
                return s;
        return kMax;
    }
    for (auto it = std::rbegin(kSteps); it != std::rend(kSteps); ++it)
        if (*it < factor - 1e-6)
            return *it;
    return kMin;
}

void Zoom::zoomIn() { setFactor(step(m_factor, +1)); }
void Zoom::zoomOut() { setFactor(step(m_factor, -1)); }

void Zoom::setFactor(double factor)
{
    factor = std::clamp(std::isfinite(factor) ? factor : 1.0, kMin, kMax);
    QSettings().setValue(m_key, factor);
    if (std::abs(factor - m_factor) < 1e-9 && std::abs(uiZoom() - factor) < 1e-9)
        return;
    m_factor = factor;
    apply();
    emit changed(factor);
}

void Zoom::apply()
{
    setUiZoom(m_factor);
    QFont font = m_baseFont;
    if (m_baseFont.pointSizeF() > 0)
        font.setPointSizeF(m_baseFont.pointSizeF() * m_factor);
    else if (m_baseFont.pixelSize() > 0)
        font.setPixelSize(std::max(1, int(std::lround(m_baseFont.pixelSize() * m_factor))));
    const double ratio = font.pointSizeF() > 0 && QApplication::font().pointSizeF() > 0
        ? font.pointSizeF() / QApplication::font().pointSizeF() : 1.0;
    QApplication::setFont(font);   // every widget without a font of its own follows
    // Widgets given a font of their own (smaller captions, codes) keep their
    // size relative to the application's.
    for (QWidget* w : QApplication::allWidgets())
        if (w->testAttribute(Qt::WA_SetFont) && w->font().pointSizeF() > 0 && std::abs(ratio - 1) > 1e-9) {
            QFont own = w->font();
            own.setPointSizeF(own.pointSizeF() * ratio);
            w->setFont(own);
        }
    // Minimum sizes given in pixels to a label or the progress bar, made to
    // fit their text, grow with the zoom as the text does. Containers keep
    // theirs (the controls' 290 pixels): a wider dock would push the views
    // off a 1280-pixel screen at 150%, and their contents ask for what they need.
    for (QWidget* w : QApplication::allWidgets()) {
        const QSize now = w->minimumSize();
        if ((now.width() <= 0 && now.height() <= 0) || now == w->maximumSize()
            || !(qobject_cast<QLabel*>(w) || qobject_cast<QProgressBar*>(w)))
            continue;
        const QVariant base = w->property("aelabBaseMinimum"), applied = w->property("aelabAppliedMinimum");
        const QSize b = base.isValid() && applied.toSize() == now ? base.toSize() : now;
        const QSize v(int(std::lround(b.width() * m_factor)), int(std::lround(b.height() * m_factor)));
        w->setProperty("aelabBaseMinimum", b);
        w->setProperty("aelabAppliedMinimum", v);
        w->setMinimumSize(v);
    }
    // Sizes that depend on the zoom (image panels) and the plots' pens and fonts.
    for (QWidget* w : QApplication::allWidgets()) {
        w->updateGeometry();
        if (auto* plot = qobject_cast<QCustomPlot*>(w))
            plot->replot(QCustomPlot::rpQueuedReplot);
        else
            w->update();
    }
}

} // namespace aelab::ui
