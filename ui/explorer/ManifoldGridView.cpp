#include "explorer/ManifoldGridView.h"

#include "widgets/DataSpacePlot.h"
#include "widgets/ImageCanvas.h"
#include "widgets/PlotStyle.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace aelab::ui {

ManifoldGridView::ManifoldGridView(QWidget* parent)
    : QWidget(parent), m_side(new QSpinBox(this)), m_live(new QCheckBox(tr("live"), this)),
      m_decode(new QPushButton(tr("Decode grid"), this)), m_caption(new QLabel(this))
{
    setObjectName("manifoldGrid");
    m_canvas = new ImageCanvas(this);
    m_canvas->setObjectName("manifoldCanvas");
    m_points = new DataSpacePlot(this);
    m_points->setObjectName("manifoldPoints");
    m_points->setVisible(false);
    m_side->setObjectName("manifoldSide");
    m_side->setRange(2, 30);
    m_side->setValue(12);
    m_side->setPrefix("n = ");
    m_side->setToolTip(tr("Tiles a side: the grid decodes n x n latent points"));
    m_live->setObjectName("manifoldLive");
    m_live->setChecked(true);
    m_live->setToolTip(tr("Decode the grid again as training goes on and as the map's view changes"));
    m_decode->setObjectName("manifoldDecode");
    m_caption->setWordWrap(true);
    m_caption->setText(tr("Decodes an n x n lattice over the latent map's visible range."));

    auto* row = new QHBoxLayout;
    row->addWidget(m_side);
    row->addWidget(m_live);
    row->addWidget(m_decode);
    row->addStretch(1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_canvas, 1);
    layout->addWidget(m_points, 1);
    layout->addWidget(m_caption);
    connect(m_decode, &QPushButton::clicked, this, [this] { emit requested(side()); });
}

int ManifoldGridView::side() const { return m_side->value(); }
void ManifoldGridView::setSide(int n) { m_side->setValue(n); }
bool ManifoldGridView::live() const { return m_live->isChecked(); }

void ManifoldGridView::setMosaic(const QImage& mosaic, int side, const QString& caption)
{
    m_mosaic = mosaic;
    m_tiles = side * side;
    m_caption->setText(caption);
    m_decode->setEnabled(true);
    m_points->setVisible(false);
    m_canvas->setVisible(true);
    m_canvas->setImage(m_mosaic);
}

void ManifoldGridView::setPoints(const Matrix& decodes, int side, const Matrix& data, const QString& caption)
{
    m_mosaic = QImage();
    m_tiles = 0;
    m_pointCount = int(decodes.rows());
    m_caption->setText(caption);
    m_decode->setEnabled(true);
    m_canvas->setVisible(false);
    m_points->setVisible(true);
    m_points->setData(data);
    std::vector<DataSpacePlot::Mark> marks;
    if (decodes.rows() == Eigen::Index(side) * side && decodes.cols() >= 2) {
        // Row r of the lattice, then column c: lines through their decodes.
        for (int r = 0; r < side; ++r)
            marks.push_back({QString(), decodes.middleRows(Eigen::Index(r) * side, side).leftCols(2), seriesColor(0), true, 4});
        for (int c = 0; c < side; ++c) {
            Matrix column(side, 2);
            for (int r = 0; r < side; ++r)
                column.row(r) = decodes.row(Eigen::Index(r) * side + c).leftCols(2);
            marks.push_back({QString(), column, seriesColor(1), true, 0});
        }
    }
    m_points->setMarks(marks);
    m_pointCount = int(decodes.rows());
}

void ManifoldGridView::setUnavailable(const QString& why)
{
    m_mosaic = QImage();
    m_tiles = 0;
    m_pointCount = 0;
    m_points->setVisible(false);
    m_canvas->setVisible(true);
    m_caption->setText(why);
    m_canvas->setImage(m_mosaic);
}

void ManifoldGridView::clear()
{
    m_mosaic = QImage();
    m_tiles = 0;
    m_pointCount = 0;
    m_points->clearMarks();
    m_canvas->setImage(m_mosaic);
}

} // namespace aelab::ui
