#include "widgets/PlotStyle.h"

#include "widgets/Zoomed.h"

#include "i18n/CoreText.h"

#include <qcustomplot.h>

#include <QApplication>
#include <QFileInfo>
#include <QFontDatabase>
#include <QObject>
#include <QPainter>
#include <algorithm>

namespace aelab::ui {

QColor seriesColor(int index)
{
    static const QColor palette[] = {
        QColor(31, 119, 180), QColor(255, 127, 14), QColor(44, 160, 44),  QColor(214, 39, 40),
        QColor(148, 103, 189), QColor(140, 86, 75), QColor(227, 119, 194), QColor(127, 127, 127),
        QColor(188, 189, 34), QColor(23, 190, 207),
    };
    const int n = int(sizeof palette / sizeof palette[0]);
    const QColor base = palette[((index % n) + n) % n];
    // Beyond ten classes, cycle through lighter and darker variants.
    const int round = index / n;
    return round == 0 ? base : (round % 2 ? base.darker(140) : base.lighter(140));
}

void placeLegendAtRight(QCustomPlot* plot)
{
    auto* side = new QCPLayoutGrid;
    plot->plotLayout()->addElement(0, 1, side);
    side->addElement(0, 0, plot->legend);
    side->addElement(1, 0, new QCPLayoutElement(plot));   // fills the column below it
    side->setRowStretchFactor(0, 0.001);
    side->setRowStretchFactor(1, 1);
    plot->plotLayout()->setColumnStretchFactor(1, 0.001);
    plot->legend->setMargins(QMargins(4, 2, 4, 2));
}

std::vector<QCPGraph*> addClassScatters(QCustomPlot* plot, int classes, const std::vector<std::string>& names)
{
    std::vector<QCPGraph*> graphs;
    for (int c = 0; c < std::max(1, classes); ++c) {
        QCPGraph* g = plot->addGraph();
        g->setLineStyle(QCPGraph::lsNone);
        const QColor color = seriesColor(c);
        g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, color, color, 4));
        g->setPen(QPen(color, 1));
        g->setAdaptiveSampling(true);
        g->setName(classes == 0 ? QObject::tr("samples")
                   : c < int(names.size()) ? coreText(names[std::size_t(c)])
                                           : QObject::tr("class %1").arg(c));
        graphs.push_back(g);
    }
    return graphs;
}

QColor runColor(int index)
{
    static const QColor palette[] = {
        QColor(0, 114, 178),  QColor(230, 159, 0), QColor(0, 158, 115),  QColor(204, 121, 167),
        QColor(86, 180, 233), QColor(213, 94, 0),  QColor(240, 228, 66), QColor(0, 0, 0),
    };
    return palette[((index % 8) + 8) % 8];
}

Qt::PenStyle runDash(int index)
{
    static const Qt::PenStyle dashes[] = {Qt::SolidLine, Qt::DashLine, Qt::DotLine, Qt::DashDotLine};
    return dashes[(std::max(0, index) / 8) % 4];
}

void useWholeNumberTicks(QCPAxis* axis)
{
    auto* ticker = new QCPAxisTickerFixed;
    ticker->setTickStep(1);
    ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);   // 1, 2, 5, 10, ... as the range grows
    axis->setTicker(QSharedPointer<QCPAxisTicker>(ticker));
}

QFont smallFont()
{
    QFont f = QApplication::font();
    if (f.pointSizeF() > 0)
        f.setPointSizeF(std::max(7.0, f.pointSizeF() * 0.9));
    return f;
}

QFont smallMonospaceFont()
{
    QFont f = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    const QFont small = smallFont();
    if (small.pointSizeF() > 0)
        f.setPointSizeF(small.pointSizeF());
    return f;
}

void setUpPlot(QCustomPlot* plot)
{
    // The plot paints every pixel of itself (its background brush, then its
    // layers): Qt need not repaint the frame behind it on every replot,
    // which was most of the window's drawing while training.
    plot->setAttribute(Qt::WA_OpaquePaintEvent);
    plot->setAntialiasedElements(QCP::aeNone);
    plot->setNoAntialiasingOnDrag(true);
    plot->setNotAntialiasedElements(QCP::aeAll);
    plot->setPlottingHint(QCP::phCacheLabels, true);
    plot->setPlottingHint(QCP::phImmediateRefresh, false);
    plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    plot->legend->setFont(smallFont());   // follows the application's font size
    plot->legend->setRowSpacing(0);
    plot->legend->setBrush(QColor(255, 255, 255, 220));
    plot->axisRect()->setMinimumMargins(QMargins(4, 4, 4, 4));
    // The axes take the application's font now (a plot made after a zoom
    // starts zoomed), then follow its changes and the zoom at each replot.
    for (QCPAxis* axis : plot->axisRect()->axes()) {
        axis->setTickLabelFont(QApplication::font());
        axis->setLabelFont(QApplication::font());
    }
    followZoom(plot);
}

} // namespace aelab::ui
