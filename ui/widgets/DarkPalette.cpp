#include "widgets/DarkPalette.h"

#include "widgets/Zoomed.h"

#include <qcustomplot.h>

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>

namespace aelab::ui {

namespace {
bool g_dark = false;

const QColor kDarkWindow(45, 48, 52);
const QColor kDarkBase(30, 32, 35);
const QColor kDarkText(225, 225, 225);
const QColor kDarkGrid(78, 82, 88);

void colourAxis(QCPAxis* axis, const QColor& fg, const QColor& grid)
{
    QPen base = axis->basePen(), tick = axis->tickPen(), sub = axis->subTickPen();
    base.setColor(fg);
    tick.setColor(fg);
    sub.setColor(fg);
    axis->setBasePen(base);
    axis->setTickPen(tick);
    axis->setSubTickPen(sub);
    axis->setTickLabelColor(fg);
    axis->setLabelColor(fg);
    QPen gridPen = axis->grid()->pen();
    gridPen.setColor(grid);
    axis->grid()->setPen(gridPen);
    QPen zero = axis->grid()->zeroLinePen();
    if (zero.style() != Qt::NoPen) {
        zero.setColor(grid.lighter(140));
        axis->grid()->setZeroLinePen(zero);
    }
}
} // namespace

bool darkPalette() { return g_dark; }

QPalette darkApplicationPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, kDarkWindow);
    p.setColor(QPalette::WindowText, kDarkText);
    p.setColor(QPalette::Base, kDarkBase);
    p.setColor(QPalette::AlternateBase, kDarkWindow);
    p.setColor(QPalette::ToolTipBase, kDarkBase);
    p.setColor(QPalette::ToolTipText, kDarkText);
    p.setColor(QPalette::PlaceholderText, QColor(150, 150, 150));
    p.setColor(QPalette::Text, kDarkText);
    p.setColor(QPalette::Button, kDarkWindow);
    p.setColor(QPalette::ButtonText, kDarkText);
    p.setColor(QPalette::BrightText, QColor(255, 90, 90));
    p.setColor(QPalette::Link, QColor(90, 170, 255));
    p.setColor(QPalette::Highlight, QColor(42, 130, 218));
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Light, QColor(70, 74, 80));
    p.setColor(QPalette::Midlight, QColor(60, 64, 70));
    p.setColor(QPalette::Mid, QColor(40, 42, 46));
    p.setColor(QPalette::Dark, QColor(25, 26, 28));
    p.setColor(QPalette::Shadow, Qt::black);
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(120, 120, 120));
    return p;
}

void setDarkPalette(bool on)
{
    g_dark = on;
    if (on) {
        QApplication::setStyle(QStyleFactory::create("Fusion"));
        QApplication::setPalette(darkApplicationPalette());
    } else {
        QApplication::setPalette(QApplication::style()->standardPalette());
    }
    for (QWidget* w : QApplication::allWidgets())
        if (auto* plot = qobject_cast<QCustomPlot*>(w))
            plot->replot(QCustomPlot::rpQueuedReplot);
}

void applyPlotColours(QCustomPlot* plot)
{
    const bool dark = g_dark && !highContrast();
    const bool wasDark = plot->property("aelabDark").toBool();
    if (!dark && !wasDark)
        return;   // QCustomPlot's own light colours, and whatever a view set
    plot->setProperty("aelabDark", dark);
    const QColor fg = dark ? kDarkText : QColor(Qt::black);
    const QColor bg = dark ? kDarkBase : QColor(Qt::white);
    const QColor grid = dark ? kDarkGrid : QColor(200, 200, 200);
    plot->setBackground(bg);
    for (QCPAxisRect* rect : plot->axisRects())
        for (QCPAxis* axis : rect->axes())
            colourAxis(axis, fg, grid);
    QColor legendBack = bg;
    legendBack.setAlpha(220);
    plot->legend->setBrush(legendBack);
    plot->legend->setTextColor(fg);
    plot->legend->setBorderPen(QPen(fg));
    for (int i = 0; i < plot->itemCount(); ++i)
        if (auto* text = qobject_cast<QCPItemText*>(plot->item(i)))
            if (text->color() == (dark ? QColor(Qt::black) : kDarkText))
                text->setColor(fg);
    for (QCPLayoutElement* e : plot->plotLayout()->elements(true))
        if (auto* title = qobject_cast<QCPTextElement*>(e))
            title->setTextColor(fg);
}

} // namespace aelab::ui
