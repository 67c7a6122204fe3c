#include "worker/ImageFolder.h"

#include "data/DataSplit.h"
#include "data/Fingerprint.h"
#include "math/Error.h"

#include <QDir>
#include <QDirIterator>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>

#include <algorithm>

namespace aelab::ui {

namespace {

QStringList imageFilters()
{
    QStringList filters;
    for (const QByteArray& format : QImageReader::supportedImageFormats())
        filters << "*." + QString::fromLatin1(format);
    return filters;
}

QStringList imagesIn(const QDir& dir)
{
    return dir.entryList(imageFilters(), QDir::Files | QDir::Readable, QDir::Name);
}

} // namespace

bool looksLikeImageFolder(const QString& path)
{
    const QDir dir(path);
    if (!imagesIn(dir).isEmpty())
        return true;
    for (const QString& sub : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name))
        if (!imagesIn(QDir(dir.filePath(sub))).isEmpty())
            return true;
    return false;
}

Dataset loadImageFolder(const QString& path, int limit, std::uint64_t seed)
{
    const QDir dir(path);
    if (!dir.exists())
        fail(ErrorKind::Io, path.toStdString() + ": no such folder");

    // (file, label) pairs: subfolders are classes in name order.
    std::vector<std::pair<QString, int>> files;
    std::vector<std::string> classNames;
    const QStringList subs = dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    for (const QString& sub : subs) {
        const QDir subDir(dir.filePath(sub));
        const QStringList images = imagesIn(subDir);
        if (images.isEmpty())
            continue;
        const int label = int(classNames.size());
        classNames.push_back(sub.toStdString());
        for (const QString& f : images)
            files.emplace_back(subDir.filePath(f), label);
    }
    const bool labelled = !files.empty();
    if (!labelled)
        for (const QString& f : imagesIn(dir))
            files.emplace_back(dir.filePath(f), -1);
    if (files.empty())
        fail(ErrorKind::Format, path.toStdString() + ": no images found (looked for "
             + imageFilters().join(' ').toStdString() + " here and in its subfolders)");

    // The first readable image fixes the size.
    int side = 0;
    Dataset d;
    d.name = QFileInfo(path).fileName().toStdString();
    d.classNames = classNames;
    std::vector<std::vector<Scalar>> rows;
    std::vector<int> labels;
    long long bytes = 0;
    for (const auto& [file, label] : files) {
        QImage image(file);
        if (image.isNull())
            fail(ErrorKind::Format, file.toStdString() + ": not a readable image");
        if (side == 0)
            side = std::clamp(std::max(image.width(), image.height()), 2, kMaxImageSide);
        image = image.convertToFormat(QImage::Format_Grayscale8)
                    .scaled(side, side, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        bytes += (long long)side * side * sizeof(Scalar);
        if (bytes > kMaxImageFolderBytes)
            fail(ErrorKind::Unsupported, path.toStdString() + ": more image data than the "
                 + std::to_string(kMaxImageFolderBytes >> 20) + " MB this reader allows");
        std::vector<Scalar> row(std::size_t(side) * side);
        for (int y = 0; y < side; ++y) {
            const uchar* line = image.constScanLine(y);
            for (int x = 0; x < side; ++x)
                row[std::size_t(y) * side + x] = Scalar(line[x]) / Scalar(255);
        }
        rows.push_back(std::move(row));
        if (labelled)
            labels.push_back(label);
    }

    d.shape = SampleShape{1, side, side};
    d.trainX.resize(Eigen::Index(rows.size()), side * side);
    for (std::size_t r = 0; r < rows.size(); ++r)
        for (int c = 0; c < side * side; ++c)
            d.trainX(Eigen::Index(r), c) = rows[r][std::size_t(c)];
    d.trainY = labels;
    splitTrainTest(d, 0.2, seed);
    keepFirst(d.trainX, d.trainY, limit);
    d.fingerprint = datasetFingerprint(d);
    return d;
}

} // namespace aelab::ui
