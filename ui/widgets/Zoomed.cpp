#include "widgets/Zoomed.h"

#include "widgets/DarkPalette.h"

#include "widgets/PlotStyle.h"

#include <qcustomplot.h>

#include <QApplication>

#include <algorithm>
#include <cmath>

namespace aelab::ui {

namespace {

double g_zoom = 1.0;
bool g_contrast = false;
constexpr double kContrastPen = 1.6;   // lines are this much thicker in high contrast
constexpr int kSeries = 10;            // seriesColor's base palette

// A value a view set, as the zoom wants it now. The view's own value is
// kept in a property; when the value found differs from the one applied
// last time, the view changed it, and it becomes the new base.
double follow(QObject* o, const char* name, double now, double scale, bool whole = false)
{
    const QByteArray baseName = QByteArray("aelabBase_") + name, appliedName = QByteArray("aelabApplied_") + name;
    const QVariant base = o->property(baseName), applied = o->property(appliedName);
    const double b = base.isValid() && applied.isValid() && std::abs(applied.toDouble() - now) < 1e-9 ? base.toDouble() : now;
    const double v = whole ? std::round(b * scale) : b * scale;
    o->setProperty(baseName, b);
    o->setProperty(appliedName, v);
    return v;
}

QColor followColor(QObject* o, const char* name, const QColor& now, int* seriesIndex)
{
    const QByteArray baseName = QByteArray("aelabBaseColor_") + name, appliedName = QByteArray("aelabAppliedColor_") + name;
    const QVariant base = o->property(baseName), applied = o->property(appliedName);
    const QColor b = base.isValid() && applied.isValid() && applied.value<QColor>() == now ? base.value<QColor>() : now;
    int index = -1;
    for (int i = 0; i < kSeries && index < 0; ++i)
        if (seriesColor(i).rgb() == b.rgb())
            index = i;
    QColor v = b;
    if (g_contrast && index >= 0) {
        v = contrastSeriesColor(index);
        v.setAlpha(b.alpha());
    }
    if (seriesIndex)
        *seriesIndex = index;
    o->setProperty(baseName, b);
    o->setProperty(appliedName, v);
    return v;
}

QPen followPen(QObject* o, const char* name, QPen pen, double scale, int* seriesIndex = nullptr)
{
    if (pen.style() == Qt::NoPen)
        return pen;
    pen.setWidthF(follow(o, name, std::max(1.0, pen.widthF()), scale));
    pen.setColor(followColor(o, name, pen.color(), seriesIndex));
    return pen;
}

void followScatter(QObject* o, QCPScatterStyle style, const std::function<void(const QCPScatterStyle&)>& set)
{
    if (style.isNone())
        return;
    int index = -1;
    style.setSize(follow(o, "scatterSize", style.size(), g_zoom));
    QPen pen = style.pen();
    pen.setColor(followColor(o, "scatterPen", pen.color(), &index));
    style.setPen(pen);
    QBrush brush = style.brush();
    if (brush.style() != Qt::NoBrush) {
        brush.setColor(followColor(o, "scatterBrush", brush.color(), nullptr));
        style.setBrush(brush);
    }
    // Okabe-Ito has eight colours: classes past them repeat one as a triangle.
    const int shapeBase = o->property("aelabBaseShape").isValid() ? o->property("aelabBaseShape").toInt()
                                                                  : int(style.shape());
    o->setProperty("aelabBaseShape", shapeBase);
    style.setShape(g_contrast && index >= 8 ? QCPScatterStyle::ssTriangle : QCPScatterStyle::ScatterShape(shapeBase));
    set(style);
}

// Zoomed in, a legend placed beside the plot (placeLegendAtRight) that would
// leave the curves too little of the width moves inside the axis rect, at its
// top right, and back beside it when there is room or at 100% and below
// (where it always sits beside the curves, never on them).
void fitLegend(QCustomPlot* plot)
{
    QCPLegend* legend = plot->legend;
    auto* side = qobject_cast<QCPLayoutGrid*>(plot->property("aelabLegendSide").value<QObject*>());
    if (!side) {
        side = qobject_cast<QCPLayoutGrid*>(legend->layout());
        if (!side || side == plot->plotLayout())
            return;   // not beside the plot
        plot->setProperty("aelabLegendSide", QVariant::fromValue<QObject*>(side));
    }
    const bool narrow = g_zoom > 1.0 + 1e-9 && legend->minimumOuterSizeHint().width() > 0.45 * plot->width();
    QCPLayoutInset* inset = plot->axisRect()->insetLayout();
    if (narrow && legend->layout() == side) {
        side->take(legend);
        inset->addElement(legend, Qt::AlignTop | Qt::AlignRight);
    } else if (!narrow && legend->layout() == inset) {
        inset->take(legend);
        side->addElement(0, 0, legend);
    }
}

} // namespace

double uiZoom() { return g_zoom; }
void setUiZoom(double factor) { g_zoom = std::clamp(factor, 0.25, 4.0); }
int zoomed(int pixels) { return int(std::lround(pixels * g_zoom)); }
bool highContrast() { return g_contrast; }
void setHighContrast(bool on) { g_contrast = on; }

QColor contrastSeriesColor(int index)
{
    static const QColor palette[] = {
        QColor(0, 114, 178),  QColor(230, 159, 0),   QColor(0, 158, 115), QColor(213, 94, 0),
        QColor(204, 121, 167), QColor(0, 0, 0),      QColor(86, 180, 233), QColor(110, 110, 110),
    };
    return palette[((index % 8) + 8) % 8];
}

void followZoom(QCustomPlot* plot)
{
    QObject::connect(plot, &QCustomPlot::beforeReplot, plot, [plot] { applyZoom(plot); });
}

void applyZoom(QCustomPlot* plot)
{
    // Fonts: scaled by how much the application's font changed since this
    // plot last followed it, so a view's smaller or bolder font stays so.
    const double appPt = QApplication::font().pointSizeF();
    const double lastPt = plot->property("aelabFontPt").isValid() ? plot->property("aelabFontPt").toDouble() : appPt;
    plot->setProperty("aelabFontPt", appPt);
    if (appPt > 0 && lastPt > 0 && std::abs(appPt - lastPt) > 1e-6) {
        const double r = appPt / lastPt;
        auto scaled = [r](QFont f) {
            if (f.pointSizeF() > 0)
                f.setPointSizeF(f.pointSizeF() * r);
            return f;
        };
        for (QCPAxisRect* rect : plot->axisRects())
            for (QCPAxis* axis : rect->axes()) {
                axis->setTickLabelFont(scaled(axis->tickLabelFont()));
                axis->setLabelFont(scaled(axis->labelFont()));
                axis->setSelectedTickLabelFont(scaled(axis->selectedTickLabelFont()));
                axis->setSelectedLabelFont(scaled(axis->selectedLabelFont()));
            }
        plot->legend->setFont(scaled(plot->legend->font()));
        plot->legend->setSelectedFont(scaled(plot->legend->selectedFont()));
        for (int i = 0; i < plot->itemCount(); ++i)
            if (auto* text = qobject_cast<QCPItemText*>(plot->item(i)))
                text->setFont(scaled(text->font()));
        for (QCPLayoutElement* e : plot->plotLayout()->elements(true))
            if (auto* title = qobject_cast<QCPTextElement*>(e))
                title->setFont(scaled(title->font()));
        plot->legend->setIconSize(QSize(zoomed(32), zoomed(18)));
    }
    fitLegend(plot);
    // Pens and markers.
    const double penScale = g_zoom * (g_contrast ? kContrastPen : 1.0);
    for (int i = 0; i < plot->plottableCount(); ++i) {
        QCPAbstractPlottable* p = plot->plottable(i);
        p->setPen(followPen(p, "pen", p->pen(), penScale));
        if (auto* g = qobject_cast<QCPGraph*>(p))
            followScatter(g, g->scatterStyle(), [g](const QCPScatterStyle& s) { g->setScatterStyle(s); });
        else if (auto* c = qobject_cast<QCPCurve*>(p))
            followScatter(c, c->scatterStyle(), [c](const QCPScatterStyle& s) { c->setScatterStyle(s); });
        if (p->brush().style() != Qt::NoBrush) {
            QBrush b = p->brush();
            b.setColor(followColor(p, "brush", b.color(), nullptr));
            p->setBrush(b);
        }
    }
    for (int i = 0; i < plot->itemCount(); ++i) {
        QCPAbstractItem* item = plot->item(i);
        if (auto* line = qobject_cast<QCPItemLine*>(item))
            line->setPen(followPen(line, "pen", line->pen(), penScale));
        else if (auto* straight = qobject_cast<QCPItemStraightLine*>(item))
            straight->setPen(followPen(straight, "pen", straight->pen(), penScale));
        else if (auto* curve = qobject_cast<QCPItemCurve*>(item))
            curve->setPen(followPen(curve, "pen", curve->pen(), penScale));
    }
    for (QCPAxisRect* rect : plot->axisRects())
        for (QCPAxis* axis : rect->axes()) {
            axis->setBasePen(followPen(axis, "basePen", axis->basePen(), g_zoom));
            axis->setTickPen(followPen(axis, "tickPen", axis->tickPen(), g_zoom));
            axis->setSubTickPen(followPen(axis, "subTickPen", axis->subTickPen(), g_zoom));
            axis->setTickLengthIn(int(std::lround(follow(axis, "tickIn", axis->tickLengthIn(), g_zoom, true))));
            axis->setTickLengthOut(int(std::lround(follow(axis, "tickOut", axis->tickLengthOut(), g_zoom, true))));
        }
    applyPlotColours(plot);   // after the pens: it sets their colours, not their widths
}

} // namespace aelab::ui
