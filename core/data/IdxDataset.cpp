#include "data/IdxDataset.h"

#include "data/DataSplit.h"
#include "data/Idx.h"
#include "math/Error.h"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace aelab {

namespace {

// A single file's share of test samples (MNIST's own split is 60000/10000).
constexpr double kTestFraction = 0.2;

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

std::vector<int> readLabels(const std::string& labelsPath, const std::string& imagesPath, long long count,
                            int limit)
{
    if (labelsPath.empty())
        return {};
    std::vector<int> y = readIdxLabels(labelsPath, limit);
    if (y.size() != std::size_t(count))
        fail(ErrorKind::Format, labelsPath + ": has " + std::to_string(y.size())
                 + " labels, but " + imagesPath + " has " + std::to_string(count) + " images");
    return y;
}

std::vector<int> pick(const std::vector<int>& labels, const std::vector<int>& rows)
{
    std::vector<int> picked;
    if (!labels.empty())
        for (const int row : rows)
            picked.push_back(labels[std::size_t(row)]);
    return picked;
}

std::uint64_t kept(std::uint64_t available, int limit)
{
    return limit < 0 ? available : std::min<std::uint64_t>(available, std::uint64_t(limit));
}

// What loadIdxFiles will hold, from the headers alone: the bytes of the
// samples it reads, and the kept ones as floats (datasetBytesEstimate).
std::uint64_t idxLoadEstimate(const IdxFiles& files, int trainLimit, int testLimit)
{
    const std::vector<std::uint32_t> dims = readIdxDims(files.trainImages);
    std::uint64_t sampleSize = 1;
    for (std::size_t i = 1; i < dims.size(); ++i)
        sampleSize *= dims[i];
    if (files.testImages.empty()) {
        // The whole file is read; the split keeps its share of the rows.
        const std::uint64_t n = dims[0];
        const std::uint64_t testCount = std::uint64_t(testRowCount(int(n), kTestFraction));
        const std::uint64_t values = (kept(n - testCount, trainLimit) + kept(testCount, testLimit)) * sampleSize;
        return datasetBytesEstimate(values, n * sampleSize);
    }
    const std::vector<std::uint32_t> testDims = readIdxDims(files.testImages);
    const std::uint64_t trainValues = kept(dims[0], trainLimit) * sampleSize;
    const std::uint64_t testValues = kept(testDims[0], testLimit) * sampleSize;
    return datasetBytesEstimate(trainValues + testValues, std::max(trainValues, testValues));
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
                     const MemoryBudget& budget, const std::vector<std::string>& classNames)
{
    requireMemory(budget, idxLoadEstimate(files, trainLimit, testLimit), files.trainImages,
                  files.testImages.empty()
                      ? "a single file is read whole before its 80/20 split, so a sample limit does not "
                        "help; free memory, or use a smaller file"
                      : "load fewer samples with a sample limit (--limit N), or free memory");
    Dataset d;
    if (files.testImages.empty()) {
        // One file split 80/20 by seed: the rows each part keeps are picked
        // from the file's bytes, so only those become floats.
        const IdxArray images = readIdx(files.trainImages);
        d.shape = idxSampleShape(images, files.trainImages);
        const std::vector<int> labels = readLabels(files.trainLabels, files.trainImages, images.dims[0], -1);
        RowSplit rows = splitRows(int(images.dims[0]), kTestFraction, seed);
        keepFirst(rows.train, trainLimit);
        keepFirst(rows.test, testLimit);
        d.trainX = idxRowsScaled(images, rows.train);
        d.testX = idxRowsScaled(images, rows.test);
        d.trainY = pick(labels, rows.train);
        d.testY = pick(labels, rows.test);
    } else {
        d.trainX = readIdxImages(files.trainImages, d.shape, trainLimit);
        d.trainY = readLabels(files.trainLabels, files.trainImages, d.trainX.rows(), trainLimit);
        SampleShape testShape;
        d.testX = readIdxImages(files.testImages, testShape, testLimit);
        d.testY = readLabels(files.testLabels, files.testImages, d.testX.rows(), testLimit);
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
