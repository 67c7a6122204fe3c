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

// One image, refused by name when its pixels would pass the allocation
// limit (Qt's own refusal reads as any unreadable file).
QImage readImage(const QString& file)
{
    QImageReader reader(file);
    const QSize size = reader.size();
    if (size.isValid() && qint64(size.width()) * size.height() * 4 > qint64(kMaxImageMegabytes) << 20)
        fail(ErrorKind::Unsupported, file.toStdString() + ": image too large (" + std::to_string(size.width())
             + " x " + std::to_string(size.height()) + "); at most "
             + std::to_string((qint64(kMaxImageMegabytes) << 20) / 4 / 1000000) + " megapixels are read");
    const QImage image = reader.read();
    if (image.isNull())
        fail(ErrorKind::Format, file.toStdString() + ": not a readable image ("
             + reader.errorString().toStdString() + ")");
    return image;
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

Dataset loadImageFolder(const QString& path, int limit, std::uint64_t seed, const MemoryBudget& budget)
{
    const QDir dir(path);
    if (!dir.exists())
        fail(ErrorKind::Io, path.toStdString() + ": no such folder");
    QImageReader::setAllocationLimit(kMaxImageMegabytes);

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

    // The first image fixes the size, and with it what the folder will take.
    Dataset d;
    d.name = QFileInfo(path).fileName().toStdString();
    d.classNames = classNames;
    int side = 0;
    for (std::size_t i = 0; i < files.size(); ++i) {
        const QImage image = readImage(files[i].first);
        if (side == 0) {
            side = std::clamp(std::max(image.width(), image.height()), 2, kMaxImageSide);
            const std::uint64_t values = std::uint64_t(files.size()) * side * side;
            if (values * sizeof(Scalar) > std::uint64_t(kMaxImageFolderBytes))
                fail(ErrorKind::Unsupported, path.toStdString() + ": " + std::to_string(files.size()) + " images of "
                     + std::to_string(side) + " x " + std::to_string(side) + " are more image data than the "
                     + std::to_string(kMaxImageFolderBytes >> 20) + " MB this reader allows");
            requireMemory(budget, datasetBytesEstimate(values), path.toStdString(),
                          "use a folder with fewer images, or free memory");
            d.trainX.resize(Eigen::Index(files.size()), side * side);
        }
        const QImage grey = image.convertToFormat(QImage::Format_Grayscale8)
                                .scaled(side, side, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
        Scalar* row = d.trainX.row(Eigen::Index(i)).data();
        for (int y = 0; y < side; ++y) {
            const uchar* line = grey.constScanLine(y);
            for (int x = 0; x < side; ++x)
                row[std::size_t(y) * side + x] = Scalar(line[x]) / Scalar(255);
        }
        if (labelled)
            d.trainY.push_back(files[i].second);
    }

    d.shape = SampleShape{1, side, side};
    splitTrainTest(d, 0.2, seed);
    keepFirst(d.trainX, d.trainY, limit);
    d.fingerprint = datasetFingerprint(d);
    return d;
}

} // namespace aelab::ui
