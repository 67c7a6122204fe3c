#pragma once
// Plots and views to files for slides and papers: PNG (twice the screen's
// pixels), PDF and SVG (vectors, Qt SVG), by the file's suffix; optionally a
// caption line under the figure (the variant and the settings that matter)
// and the plot's data as CSV beside the image (same name, .csv). Every file
// goes through the atomic writer, the image and its CSV together: a failed
// export leaves the old files as they were.
#include <QString>

#include <string>

class QCustomPlot;
class QWidget;

namespace aelab::ui {

struct ExportOptions {
    QString caption;        // a line (wrapped) under the figure; "" for none
    bool withData = false;  // a plot's data as CSV beside the image
};

// Saves `widget` to `path` (.png, .pdf or .svg; anything else is PNG). A
// widget that is, or holds exactly one, QCustomPlot is drawn as that plot
// (vectors in PDF and SVG). False with a message naming the path and the
// cause in `error` when anything cannot be written.
bool exportWidget(QWidget* widget, const QString& path, QString* error, const ExportOptions& options = {});

// The plot drawn by `widget` (itself or its only QCustomPlot), or null.
QCustomPlot* plotOf(QWidget* widget);

// A plot's data, one row per point: series,x,y (each visible graph and curve
// by its legend name, bars as key and value).
std::string plotCsv(QCustomPlot* plot);

// "dir/loss.svg" -> "dir/loss.csv".
QString csvPathFor(const QString& imagePath);

} // namespace aelab::ui
