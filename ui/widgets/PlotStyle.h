#pragma once
// Shared look of the plots: a colour per class or loss term (Tableau 10),
// and the common set-up of a QCustomPlot (1 px pens, adaptive sampling, no
// OpenGL: Debian's QCustomPlot has none).
#include <QColor>
#include <QFont>
#include <QString>

#include <string>
#include <vector>

class QCPAxis;
class QCPGraph;
class QCustomPlot;
class QWidget;

namespace aelab::ui {

QColor seriesColor(int index);
// A colour per run in comparisons: Okabe and Ito's palette (2008), which
// colour-blind readers tell apart; lines also differ in dash past eight runs.
QColor runColor(int index);
Qt::PenStyle runDash(int index);
void setUpPlot(QCustomPlot* plot);

// Ticks at whole numbers only, for discrete axes (a latent dimension, a
// count, a step): no "dimension 0.5".
void useWholeNumberTicks(QCPAxis* axis);

// A smaller font for legends, labels on plots and codes: 90% of the
// application's font (so it follows the user's font size), at least 7 pt.
QFont smallFont();
QFont smallMonospaceFont();

// Moves the legend into a column of its own at the plot's right, at the top,
// so it never hides points (the latent map and the explorer).
void placeLegendAtRight(QCustomPlot* plot);

// One scatter graph per class (one in all when `classes` is 0), coloured by
// seriesColor and named after `names` ("class N" past their end): the
// latent map and the explorer draw their points this way.
std::vector<QCPGraph*> addClassScatters(QCustomPlot* plot, int classes, const std::vector<std::string>& names);

} // namespace aelab::ui
