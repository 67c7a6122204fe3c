#pragma once
// The manifold grid: the decodes of an n x n lattice over the latent map's
// visible range (for `vae`, over Gaussian quantiles), shown as one mosaic
// whose tiles sit where their points sit in the map. The Latent explorer
// computes the lattice and asks the worker for the decodes; this widget holds
// the controls and draws the result. On 2-D point data the decodes are points:
// the lattice's rows and columns are drawn as lines through them in data
// space, over the data (the decoder's image of a grid).
#include "math/Matrix.h"

#include <QImage>
#include <QWidget>

class QCheckBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace aelab::ui {

class DataSpacePlot;
class ImageCanvas;

class ManifoldGridView : public QWidget {
    Q_OBJECT
public:
    explicit ManifoldGridView(QWidget* parent = nullptr);

    int side() const;                 // n
    void setSide(int n);
    bool live() const;                // redecode as training goes on
    void setMosaic(const QImage& mosaic, int side, const QString& caption);
    void setUnavailable(const QString& why);
    // Point data: decodes (side * side, 2), row-major over the lattice, over `data` (n, 2).
    void setPoints(const Matrix& decodes, int side, const Matrix& data, const QString& caption);
    int pointCount() const { return m_pointCount; }
    DataSpacePlot* pointsPlot() const { return m_points; }
    void clear();

    int tileCount() const { return m_tiles; }
    const QImage& mosaic() const { return m_mosaic; }
    QPushButton* decodeButton() const { return m_decode; }

signals:
    void requested(int side);

private:
    QSpinBox* m_side;
    QCheckBox* m_live;
    QPushButton* m_decode;
    QLabel* m_caption;
    ImageCanvas* m_canvas;
    DataSpacePlot* m_points;
    QImage m_mosaic;
    int m_tiles = 0;
    int m_pointCount = 0;
};

} // namespace aelab::ui
