#include "data/Catalog.h"

#include "data/Csv.h"
#include "data/Fingerprint.h"
#include "data/IdxDataset.h"
#include "data/Shapes.h"
#include "data/DataSplit.h"
#include "data/Synthetic.h"
#include "math/Error.h"
#include "math/Rng.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace aelab {

namespace {

constexpr const char* kFashionDefaultDir = "/usr/share/datasets/fashion-mnist";

const std::vector<std::string>& fashionClassNames()
{
    static const std::vector<std::string> names{"T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                                                "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"};
    return names;
}

std::string lower(std::string s)
{
    for (char& c : s)
        c = char(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool endsWith(const std::string& s, const std::string& suffix)
{
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The automatic test cap of file datasets: all, or a sixth of the training
// cap (the ratio of MNIST's 60000/10000) but at least 100.
int testCap(const LoadOptions& options)
{
    if (options.testLimit >= 0)
        return options.testLimit;
    return options.limit < 0 ? -1 : std::max(options.limit / 6, 100);
}

MemoryBudget budgetOf(const LoadOptions& options)
{
    return options.memory ? *options.memory : machineMemoryBudget();
}

std::vector<std::string> numberedNames(const std::string& stem, int count)
{
    std::vector<std::string> names;
    for (int k = 1; k <= count; ++k)
        names.push_back(stem + " " + std::to_string(k));
    return names;
}

// "spiral:5" -> ("spiral", 5); "spiral" -> ("spiral", fallback).
int parseCount(const std::string& spec, const std::string& name, int fallback)
{
    if (spec == name)
        return fallback;
    const std::string digits = spec.substr(name.size() + 1);
    if (digits.empty() || digits.size() > 3
        || !std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })
        || std::stoi(digits) < 1 || std::stoi(digits) > 100)
        fail(ErrorKind::InvalidArgument, "dataset '" + spec + "': the count after ':' must be 1..100");
    return std::stoi(digits);
}

bool isGenerated(const std::string& spec, std::string& base)
{
    for (const char* name : {"moons", "circles", "swiss-roll", "s-curve", "shapes"})
        if (spec == name) {
            base = name;
            return true;
        }
    for (const char* name : {"spiral", "gaussians"}) {
        const std::string n = name;
        if (spec == n || spec.rfind(n + ":", 0) == 0) {
            base = n;
            return true;
        }
    }
    return false;
}

Samples generate(const std::string& base, const std::string& spec, int n, double noise, Rng& rng,
                 std::vector<std::string>& classNames)
{
    auto pick = [&](double fallback) { return noise >= 0 ? noise : fallback; };
    if (base == "moons") {
        classNames = {"moon 1", "moon 2"};
        return makeMoons(n, pick(0.08), rng);
    }
    if (base == "circles") {
        classNames = {"outer", "inner"};
        return makeCircles(n, pick(0.05), rng);
    }
    if (base == "spiral") {
        const int arms = parseCount(spec, base, 3);
        classNames = numberedNames("arm", arms);
        return makeSpiral(n, arms, pick(0.04), rng);
    }
    if (base == "gaussians") {
        const int blobs = parseCount(spec, base, 5);
        classNames = numberedNames("blob", blobs);
        return makeGaussians(n, blobs, pick(0.35), rng);
    }
    if (base == "swiss-roll") {
        classNames = numberedNames("segment", 5);
        return makeSwissRoll(n, pick(0.05), rng);
    }
    if (base == "s-curve") {
        classNames = numberedNames("segment", 5);
        return makeSCurve(n, pick(0.05), rng);
    }
    classNames = shapeClassNames();
    return makeShapes(n, rng);
}

Dataset loadGenerated(const std::string& base, const std::string& spec, const LoadOptions& options)
{
    if (options.syntheticSamples < 1)
        fail(ErrorKind::InvalidArgument, "the number of generated samples must be at least 1");
    const int trainCount = options.limit < 0 ? options.syntheticSamples
                                             : std::min(options.limit, options.syntheticSamples);
    const int testCount = options.testLimit >= 0 ? options.testLimit : std::max(trainCount / 6, 100);
    // Train and test come from two independent streams of one seed.
    Rng root(options.seed);
    Rng trainRng = root.split();
    Rng testRng = root.split();

    Dataset d;
    d.name = spec;
    Samples train = generate(base, spec, trainCount, options.noise, trainRng, d.classNames);
    Samples test = generate(base, spec, testCount, options.noise, testRng, d.classNames);
    d.trainX = std::move(train.x);
    d.trainY = std::move(train.y);
    d.testX = std::move(test.x);
    d.testY = std::move(test.y);
    if (base == "shapes")
        d.shape = SampleShape{1, kShapeImageSize, kShapeImageSize};
    else
        d.shape = SampleShape{1, 1, int(d.trainX.cols())};
    return d;
}

Dataset loadFashionMnist(const LoadOptions& options)
{
    const std::string dir = fashionMnistDir();
    IdxFiles files;
    try {
        files = findIdxFiles(dir);
    } catch (const Error&) {
        fail(ErrorKind::Io, "Fashion-MNIST not found at " + dir
                 + ": install Debian's dataset-fashion-mnist package or pass another --dataset");
    }
    Dataset d = loadIdxFiles(files, options.limit, testCap(options), options.seed, budgetOf(options),
                             fashionClassNames());
    d.name = "fashion-mnist";
    return d;
}

Dataset loadCsvDataset(const std::string& path, const LoadOptions& options)
{
    CsvOptions csv;
    csv.labelColumn = options.labelColumn;
    csv.memory = budgetOf(options);
    Dataset d = readCsv(path, csv);
    splitTrainTest(d, 0.2, options.seed);
    keepFirst(d.trainX, d.trainY, options.limit);
    keepFirst(d.testX, d.testY, testCap(options));
    return d;
}

Dataset loadIdxSpec(const std::string& list, const LoadOptions& options)
{
    IdxFiles files;
    std::error_code ec;
    const std::size_t comma = list.find(',');
    if (std::filesystem::exists(list, ec) || comma == std::string::npos) {
        files.trainImages = list;
        // MNIST-style names: guess the labels file next to the images.
        for (const std::string images : {"images-idx3", "images.idx3"}) {
            const std::size_t at = list.rfind(images);
            if (at == std::string::npos)
                continue;
            std::string labels = list;
            labels.replace(at, images.size(), images[6] == '-' ? "labels-idx1" : "labels.idx1");
            if (std::filesystem::is_regular_file(labels, ec))
                files.trainLabels = labels;
        }
    } else {
        files.trainImages = list.substr(0, comma);
        files.trainLabels = list.substr(comma + 1);
    }
    if (files.trainImages.empty())
        fail(ErrorKind::InvalidArgument, "idx: needs a file, as in idx:IMAGES[,LABELS]");
    Dataset d = loadIdxFiles(files, options.limit, testCap(options), options.seed, budgetOf(options));
    d.name = std::filesystem::path(files.trainImages).filename().string();
    return d;
}

} // namespace

std::string fashionMnistDir()
{
    const char* env = std::getenv("AELAB_FASHION_MNIST_DIR");
    return env && *env ? std::string(env) : std::string(kFashionDefaultDir);
}

std::vector<DatasetInfo> builtinDatasets()
{
    return {
        {"fashion-mnist", "Fashion-MNIST: 70000 28x28 images of clothing in 10 classes", true, fashionClassNames()},
        {"shapes", "Drawn 28x28 shapes in 8 classes (circle, ring, square, ...)", true, shapeClassNames()},
        {"moons", "Two interleaved half circles in 2-D", false, {}},
        {"circles", "Two concentric circles in 2-D", false, {"outer", "inner"}},
        {"spiral", "A 2-D spiral with 3 arms (spiral:N for N arms)", false, {}},
        {"gaussians", "A mixture of 5 Gaussian blobs in 2-D (gaussians:N for N)", false, {}},
        {"swiss-roll", "A rolled-up 2-D sheet in 3-D, coloured by position", false, {}},
        {"s-curve", "An S-shaped 2-D sheet in 3-D, coloured by position", false, {}},
    };
}

Dataset loadDataset(const std::string& spec, const LoadOptions& options)
{
    if (options.limit == 0)
        fail(ErrorKind::InvalidArgument, "the sample limit must be positive (or unset for all samples)");

    Dataset d;
    std::string base;
    std::error_code ec;
    if (spec == "fashion-mnist") {
        d = loadFashionMnist(options);
    } else if (isGenerated(spec, base)) {
        d = loadGenerated(base, spec, options);
    } else if (spec.rfind("idx:", 0) == 0) {
        d = loadIdxSpec(spec.substr(4), options);
    } else if (std::filesystem::is_directory(spec, ec)) {
        const bool fashion = lower(spec).find("fashion") != std::string::npos;
        d = loadIdxFiles(findIdxFiles(spec), options.limit, testCap(options), options.seed, budgetOf(options),
                         fashion ? fashionClassNames() : std::vector<std::string>{});
        d.name = std::filesystem::path(spec).lexically_normal().filename().string();
        if (d.name.empty())
            d.name = std::filesystem::path(spec).lexically_normal().parent_path().filename().string();
    } else if (endsWith(lower(spec), ".csv")) {
        d = loadCsvDataset(spec, options);
    } else if (std::filesystem::is_regular_file(spec, ec) && lower(spec).find("ubyte") != std::string::npos) {
        d = loadIdxSpec(spec, options);
    } else {
        std::string names;
        for (const DatasetInfo& info : builtinDatasets())
            names += (names.empty() ? "" : ", ") + info.name;
        fail(ErrorKind::InvalidArgument, "unknown dataset '" + spec + "': use one of " + names
                 + ", a .csv file, a directory of IDX files, or idx:IMAGES[,LABELS]");
    }
    if (d.trainX.rows() == 0)
        fail(ErrorKind::Format, spec + ": the dataset has no training samples");
    d.fingerprint = datasetFingerprint(d);
    return d;
}

} // namespace aelab
