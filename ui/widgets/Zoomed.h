#pragma once
// The application-wide zoom and high contrast of presentation mode, which
// every plot and image panel follows without code of its own: ui/present/
// sets them; setUpPlot() makes a plot follow them at each replot (fonts, pen
// widths, marker sizes, series colours); ImageGrid and ImageCanvas scale
// their sizes by the zoom.
#include <QColor>

class QCustomPlot;

namespace aelab::ui {

double uiZoom();                 // 1 = 100%
void setUiZoom(double factor);
int zoomed(int pixels);          // pixels x the zoom, rounded
bool highContrast();
void setHighContrast(bool on);

// Called by setUpPlot: before each replot the plot's fonts, pens and markers
// are brought to the zoom (and, in high contrast, its series colours to
// Okabe and Ito's palette with thicker lines). What a view set itself is
// kept and scaled from, so a view that changes a pen later is followed too.
void followZoom(QCustomPlot* plot);
void applyZoom(QCustomPlot* plot);

// The colour-blind-safe series colour that stands for seriesColor(index) in
// high contrast: Okabe and Ito's (2008) colours without the yellow (faint on
// white), then black and grey; a marker shape tells classes 9 and 10 apart.
QColor contrastSeriesColor(int index);

} // namespace aelab::ui
