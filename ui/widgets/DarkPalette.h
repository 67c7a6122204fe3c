#pragma once
// The dark palette (View > Dark palette, kept in settings): Qt 6.4 cannot
// ask the desktop for its colour scheme, so aelab uses the Fusion style with
// a palette of its own, and every plot follows it at each replot
// (Zoomed's applyZoom calls applyPlotColours): background, axes, grid, legend
// and text items. Series colours stay as the views chose them. Presentation
// mode's high contrast (light, for projectors) wins while it is on.
#include <QPalette>

class QCustomPlot;

namespace aelab::ui {

bool darkPalette();
// Sets the application's palette (dark, or the style's standard one) and
// replots every plot.
void setDarkPalette(bool on);
QPalette darkApplicationPalette();

// The plot's frame colours for the current palette (a plot darkened before
// is put back to QCustomPlot's light defaults).
void applyPlotColours(QCustomPlot* plot);

} // namespace aelab::ui
