#pragma once
// A small plot in the data's own 2-D space (x1, x2): the dataset as grey
// points underneath, and on top what a view wants to show there - a sample
// and its reconstruction, a decoded point, an interpolation path, the image
// of a latent lattice. For point data, where decodes are points, not images.
#include "math/Matrix.h"

#include <QColor>
#include <QString>
#include <QWidget>

#include <vector>

class QCustomPlot;

namespace aelab::ui {

class DataSpacePlot : public QWidget {
    Q_OBJECT
public:
    struct Mark {
        QString name;          // in the legend ("" for none)
        Matrix points;         // (n, 2)
        QColor color;
        bool line = false;     // joined in order (a path, a lattice row)
        int size = 7;          // marker size in pixels (0: no markers)
    };

    explicit DataSpacePlot(QWidget* parent = nullptr);

    void setData(const Matrix& points);    // the background (n, 2); axes fit it
    void setMarks(const std::vector<Mark>& marks);
    void clearMarks();
    int markedPoints() const;              // points over all marks
    QCustomPlot* plot() const { return m_plot; }

private:
    QCustomPlot* m_plot;
    int m_marked = 0;
    double m_dataRange[4] = {-1, 1, -1, 1};   // x lo, x hi, y lo, y hi: the background's, padded
};

} // namespace aelab::ui
