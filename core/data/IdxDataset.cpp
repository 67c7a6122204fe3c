#include "data/IdxDataset.h"

#include "data/Idx.h"
#include "data/DataSplit.h"
#include "math/Error.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace aelab {

namespace {

std::string findOne(const std::filesystem::path& dir, const std::string& part, const std::string& kind)
{
    // "train-images-idx3-ubyte" is the usual name; some copies use a dot.
    for (const std::string sep : {"-", "."})
        for (const std::string ext : {".gz", ""}) {
            const auto path = dir / (part + sep + kind + "-ubyte" + ext);
            std::error_code ec;
            if (std::filesystem::is_regular_file(path, ec))
                return path.string();
        }
    return {};
}

void readPart(const std::string& imagesPath, const std::string& labelsPath, int limit,
              SampleShape& shape, Matrix& x, std::vector<int>& y)
{
    x = readIdxImages(imagesPath, shape, limit);
    y.clear();
    if (labelsPath.empty())
        return;
    y = readIdxLabels(labelsPath, limit);
    if (y.size() != std::size_t(x.rows()))
        fail(ErrorKind::Format, labelsPath + ": has " + std::to_string(y.size())
                 + " labels, but " + imagesPath + " has " + std::to_string(x.rows()) + " images");
}

} // namespace

IdxFiles findIdxFiles(const std::string& directory)
{
    const std::filesystem::path dir(directory);
    IdxFiles files;
    files.trainImages = findOne(dir, "train-images", "idx3");
    if (files.trainImages.empty())
        fail(ErrorKind::Io, directory + ": no train-images-idx3-ubyte[.gz] file in this directory");
    files.trainLabels = findOne(dir, "train-labels", "idx1");
    files.testImages = findOne(dir, "t10k-images", "idx3");
    if (!files.testImages.empty())
        files.testLabels = findOne(dir, "t10k-labels", "idx1");
    return files;
}

Dataset loadIdxFiles(const IdxFiles& files, int trainLimit, int testLimit, std::uint64_t seed,
                     const std::vector<std::string>& classNames)
{
    Dataset d;
    if (files.testImages.empty()) {
        readPart(files.trainImages, files.trainLabels, -1, d.shape, d.trainX, d.trainY);
        splitTrainTest(d, 0.2, seed);
        keepFirst(d.trainX, d.trainY, trainLimit);
        keepFirst(d.testX, d.testY, testLimit);
    } else {
        readPart(files.trainImages, files.trainLabels, trainLimit, d.shape, d.trainX, d.trainY);
        SampleShape testShape;
        readPart(files.testImages, files.testLabels, testLimit, testShape, d.testX, d.testY);
        if (!(testShape == d.shape))
            fail(ErrorKind::Format, files.testImages + ": test images are "
                     + std::to_string(testShape.height) + "x" + std::to_string(testShape.width)
                     + " but training images are " + std::to_string(d.shape.height) + "x"
                     + std::to_string(d.shape.width));
        if (d.trainY.empty() != d.testY.empty()) {
            // Labels on one side only are of no use for colouring: drop them.
            d.trainY.clear();
            d.testY.clear();
        }
    }

    int classes = 0;
    for (const auto* labels : {&d.trainY, &d.testY})
        for (int label : *labels)
            classes = std::max(classes, label + 1);
    if (classes > 0 && int(classNames.size()) >= classes) {
        d.classNames = classNames;
    } else {
        for (int k = 0; k < classes; ++k)
            d.classNames.push_back(std::to_string(k));
    }
    return d;
}

} // namespace aelab
