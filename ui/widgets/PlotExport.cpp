#include "widgets/PlotExport.h"

#include "io/AtomicFile.h"
#include "widgets/PlotStyle.h"

#include <qcustomplot.h>

#include <QBuffer>
#include <QFileInfo>
#include <QFontMetrics>
#include <QImage>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QSvgGenerator>

#include <sstream>

namespace aelab::ui {

namespace {

constexpr int kCaptionMargin = 6;
constexpr double kPngScale = 2.0;   // as QCustomPlot's savePng with scale 2: crisp on slides

// The caption's height at `width` (wrapped), 0 without one.
int captionHeight(const QString& caption, int width)
{
    if (caption.isEmpty())
        return 0;
    const QFontMetrics metrics(smallFont());
    const QRect r = metrics.boundingRect(QRect(0, 0, width - 2 * kCaptionMargin, 10000),
                                         Qt::TextWordWrap | Qt::AlignLeft, caption);
    return r.height() + 2 * kCaptionMargin;
}

void drawCaption(QPainter& painter, const QString& caption, int top, int width, int height)
{
    if (caption.isEmpty())
        return;
    painter.save();
    painter.setFont(smallFont());
    painter.setPen(Qt::black);
    painter.fillRect(QRect(0, top, width, height), Qt::white);
    painter.drawText(QRect(kCaptionMargin, top + kCaptionMargin, width - 2 * kCaptionMargin, height - 2 * kCaptionMargin),
                     Qt::TextWordWrap | Qt::AlignLeft | Qt::AlignTop, caption);
    painter.restore();
}

// The figure on a vector device (PDF, SVG): the plot as vectors, or the widget.
bool paintVector(QPaintDevice* device, QWidget* widget, QCustomPlot* plot, const QString& caption, int captionH)
{
    const int w = widget->width(), h = widget->height();
    if (plot) {
        QCPPainter painter;
        if (!painter.begin(device))
            return false;
        // As QCustomPlot::savePdf draws: vectors, no cached pixmaps.
        painter.setMode(QCPPainter::pmVectorized);
        plot->toPainter(&painter, w, h);
        drawCaption(painter, caption, h, w, captionH);
        return painter.end();
    }
    QPainter painter;
    if (!painter.begin(device))
        return false;
    widget->render(&painter);
    drawCaption(painter, caption, h, w, captionH);
    return painter.end();
}

QString csvField(const QString& text)
{
    if (!text.contains(',') && !text.contains('"') && !text.contains('\n'))
        return text;
    QString quoted = text;
    quoted.replace('"', "\"\"");
    return '"' + quoted + '"';
}

} // namespace

QCustomPlot* plotOf(QWidget* widget)
{
    if (auto* plot = qobject_cast<QCustomPlot*>(widget))
        return plot;
    const auto plots = widget ? widget->findChildren<QCustomPlot*>() : QList<QCustomPlot*>{};
    return plots.size() == 1 ? plots.front() : nullptr;
}

std::string plotCsv(QCustomPlot* plot)
{
    std::ostringstream out;
    out.precision(9);
    out << "series,x,y\n";
    if (!plot)
        return out.str();
    for (int i = 0; i < plot->plottableCount(); ++i) {
        QCPAbstractPlottable* p = plot->plottable(i);
        if (!p->visible())
            continue;
        const std::string name = csvField(p->name().isEmpty() ? QString("series %1").arg(i + 1) : p->name()).toStdString();
        if (auto* graph = qobject_cast<QCPGraph*>(p)) {
            for (auto it = graph->data()->constBegin(); it != graph->data()->constEnd(); ++it)
                out << name << ',' << it->key << ',' << it->value << '\n';
        } else if (auto* curve = qobject_cast<QCPCurve*>(p)) {
            for (auto it = curve->data()->constBegin(); it != curve->data()->constEnd(); ++it)
                out << name << ',' << it->key << ',' << it->value << '\n';
        } else if (auto* bars = qobject_cast<QCPBars*>(p)) {
            for (auto it = bars->data()->constBegin(); it != bars->data()->constEnd(); ++it)
                out << name << ',' << it->key << ',' << it->value << '\n';
        }
    }
    return out.str();
}

QString csvPathFor(const QString& imagePath)
{
    const QFileInfo info(imagePath);
    return info.dir().filePath(info.completeBaseName() + ".csv");
}

// Rendered into memory first, then written by the atomic writer: an export
// that fails (a full disk, the file-size limit, no permission) leaves the
// file that was there byte-identical and no temporary, and the message
// names the path and the cause.
bool exportWidget(QWidget* widget, const QString& path, QString* error, const ExportOptions& options)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    QCustomPlot* plot = plotOf(widget);
    const int w = widget->width(), h = widget->height();
    const int captionH = captionHeight(options.caption, w);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    bool rendered = false;
    if (suffix == "pdf") {
        QPdfWriter pdf(&buffer);
        pdf.setPageSize(QPageSize(QSize(w, h + captionH), QPageSize::Point));
        pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
        pdf.setResolution(72);
        rendered = paintVector(&pdf, widget, plot, options.caption, captionH);
    } else if (suffix == "svg") {
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        svg.setSize(QSize(w, h + captionH));
        svg.setViewBox(QRect(0, 0, w, h + captionH));
        svg.setTitle(QFileInfo(path).completeBaseName());
        svg.setDescription(options.caption.isEmpty() ? QObject::tr("Exported from aelab") : options.caption);
        rendered = paintVector(&svg, widget, plot, options.caption, captionH);
        // Qt names the font only ("Sans Serif", "DejaVu Sans"); a browser that
        // lacks it would fall back to a serif face: say which kind to use.
        buffer.close();
        QString text = QString::fromUtf8(bytes);
        text.replace(QRegularExpression("font-family=\"([^\"]*)\""), "font-family=\"\\1, sans-serif\"");
        bytes = text.toUtf8();
    } else {
        const QPixmap figure = plot ? plot->toPixmap(0, 0, kPngScale) : widget->grab();
        QImage image(figure.width(), figure.height() + int(captionH * kPngScale), QImage::Format_RGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        painter.drawPixmap(0, 0, figure);
        painter.scale(kPngScale, kPngScale);
        drawCaption(painter, options.caption, int(figure.height() / kPngScale), int(figure.width() / kPngScale), captionH);
        painter.end();
        rendered = image.save(&buffer, "PNG");
    }
    buffer.close();
    if (!rendered) {
        if (error)
            *error = QObject::tr("Could not write %1 (check the folder exists and is writable).").arg(path);
        return false;
    }
    std::vector<FileWrite> files;
    files.push_back({path.toStdString(), [&bytes](std::ostream& out) {
                         out.write(bytes.constData(), std::streamsize(bytes.size()));
                     }});
    std::string csv;
    if (options.withData && plot) {
        csv = plotCsv(plot);
        files.push_back({csvPathFor(path).toStdString(), [&csv](std::ostream& out) { out << csv; }});
    }
    try {
        writeFilesAtomically(files);
    } catch (const std::exception& e) {
        if (error)
            *error = QString::fromStdString(e.what());
        return false;
    }
    return true;
}

} // namespace aelab::ui
