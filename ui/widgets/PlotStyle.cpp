#include "widgets/PlotStyle.h"

#include "widgets/Zoomed.h"

#include "i18n/CoreText.h"
#include "io/AtomicFile.h"

#include <qcustomplot.h>

#include <QApplication>
#include <QBuffer>
#include <QFileInfo>
#include <QFontDatabase>
#include <QObject>
#include <QPainter>
#include <QPdfWriter>
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

// Rendered into memory first, then written by the atomic writer: an export
// that fails (a full disk, the file-size limit, no permission) leaves the
// file that was there byte-identical and no temporary, and the message
// names the path and the cause.
bool exportWidget(QWidget* widget, const QString& path, QString* error)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    bool rendered = false;
    auto* plot = qobject_cast<QCustomPlot*>(widget);
    if (suffix == "pdf") {
        QPdfWriter pdf(&buffer);
        pdf.setPageSize(QPageSize(widget->size(), QPageSize::Point));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setResolution(72);
        if (plot) {
            // As QCustomPlot::savePdf draws: vectors, no cached pixmaps.
            QCPPainter painter;
            if (painter.begin(&pdf)) {
                painter.setMode(QCPPainter::pmVectorized);
                plot->toPainter(&painter, plot->width(), plot->height());
                rendered = painter.end();
            }
        } else {
            QPainter painter;
            if (painter.begin(&pdf)) {
                widget->render(&painter);
                rendered = painter.end();
            }
        }
    } else {
        const QPixmap pixmap = plot ? plot->toPixmap(0, 0, 2.0) : widget->grab();
        rendered = pixmap.save(&buffer, "PNG");
    }
    buffer.close();
    if (!rendered) {
        if (error)
            *error = QObject::tr("Could not write %1 (check the folder exists and is writable).").arg(path);
        return false;
    }
    try {
        writeFileAtomically(path.toStdString(), std::string_view(bytes.constData(), std::size_t(bytes.size())));
    } catch (const std::exception& e) {
        if (error)
            *error = QString::fromStdString(e.what());
        return false;
    }
    return true;
}

} // namespace aelab::ui
