#include "cli/ProbeCommand.h"

#include "cli/Progress.h"
#include "data/Catalog.h"
#include "experiment/FineTune.h"
#include "experiment/Probe.h"
#include "experiment/ProbeReport.h"
#include "experiment/SweepReport.h"
#include "io/AtomicFile.h"
#include "io/Destination.h"
#include "io/ModelFile.h"
#include "math/Error.h"
#include "math/Parallel.h"

#include <cstdio>
#include <iomanip>
#include <sstream>

namespace aelab::cli {

namespace {

// What both commands read before any work: the model, the data, the file.
struct Inputs {
    std::string modelPath;
    std::string datasetSpec;
    LoadOptions load;
    std::vector<int> budgets;
    std::optional<std::string> outPath;
};

Inputs readInputs(const Args& args)
{
    Inputs in;
    const auto model = args.get("model");
    if (!model)
        fail(ErrorKind::InvalidArgument, "--model FILE is required (a model saved by aelab-cli train --save)");
    in.modelPath = *model;
    in.datasetSpec = args.get("dataset", "fashion-mnist");
    in.load.limit = int(args.integer("limit", -1, 1, 100000000));
    in.load.seed = std::uint64_t(args.integer("seed", 1, 0, (1LL << 62)));
    in.budgets = parseLabelBudgets(args.get("labels-per-class", "1,10,100,all"));
    in.outPath = args.get("out");
    const int threads = int(args.integer("threads", 0, 0, 256));
    if (threads > 0)
        setThreadCount(threads);
    return in;
}

// After every flag is read: a bad destination fails before the work.
void checkOut(const Inputs& in)
{
    if (!in.outPath)
        return;
    checkResultsExtension(*in.outPath, "--out");
    checkCanWrite(*in.outPath, "--out");
}

struct Loaded {
    LoadedModel model;
    Dataset data;
};

Loaded load(const Inputs& in)
{
    Loaded l{loadModel(in.modelPath), loadDataset(in.datasetSpec, in.load)};
    if (l.data.features() != l.model.model->context().inputDim)
        fail(ErrorKind::InvalidArgument, "the model expects " + std::to_string(l.model.model->context().inputDim)
             + " features but " + l.data.name + " has " + std::to_string(l.data.features()));
    return l;
}

std::vector<std::string> splitCommas(const std::string& text)
{
    std::vector<std::string> words;
    std::stringstream s(text);
    std::string w;
    while (std::getline(s, w, ','))
        words.push_back(w);
    return words;
}

std::vector<ProbeFeatures> parseFeatures(const std::string& text)
{
    std::vector<ProbeFeatures> out;
    for (const std::string& w : splitCommas(text)) {
        if (w == "codes")
            out.push_back(ProbeFeatures::Codes);
        else if (w == "raw")
            out.push_back(ProbeFeatures::Raw);
        else if (w == "pca")
            out.push_back(ProbeFeatures::Pca);
        else
            fail(ErrorKind::InvalidArgument, "--features '" + w + "' is not one of codes, raw, pca");
    }
    if (out.empty())
        fail(ErrorKind::InvalidArgument, "--features needs at least one of codes, raw, pca");
    return out;
}

std::vector<ProbeClassifier> parseClassifiers(const std::string& text)
{
    std::vector<ProbeClassifier> out;
    for (const std::string& w : splitCommas(text)) {
        if (w == "logistic")
            out.push_back(ProbeClassifier::Logistic);
        else if (w == "knn")
            out.push_back(ProbeClassifier::NearestNeighbours);
        else
            fail(ErrorKind::InvalidArgument, "--classifiers '" + w + "' is not one of logistic, knn");
    }
    if (out.empty())
        fail(ErrorKind::InvalidArgument, "--classifiers needs at least one of logistic, knn");
    return out;
}

std::string budgetColumn(int budget) { return budget == kAllLabels ? "all labels" : std::to_string(budget) + "/class"; }

void printTable(std::ostream& out, const ProbeTable& t, const ProbeOptions& o)
{
    out << "test accuracy (share of " << (t.cells.empty() ? 0 : t.cells.front().testSamples)
        << " test samples classified right); always guessing the most frequent class scores " << std::fixed
        << std::setprecision(3) << t.majorityAccuracy << "\n";
    out << "  " << std::left << std::setw(20) << "features" << std::setw(24) << "classifier";
    for (int b : o.labelsPerClass)
        out << std::right << std::setw(12) << budgetColumn(b);
    out << "\n";
    for (ProbeFeatures f : o.features)
        for (ProbeClassifier c : o.classifiers) {
            const std::string classifier = c == ProbeClassifier::NearestNeighbours
                ? std::to_string(o.neighbours) + "-nearest neighbours" : "logistic regression";
            std::string features = probeFeaturesKey(f);
            if (f != ProbeFeatures::Raw)
                features += " (" + std::to_string(t.codeSize) + ")";
            out << "  " << std::left << std::setw(20) << features << std::setw(24) << classifier;
            for (int b : o.labelsPerClass) {
                const ProbeCell* cell = t.find(f, c, b);
                out << std::right << std::setw(12);
                if (cell)
                    out << cell->accuracy;
                else
                    out << "-";
            }
            out << "\n";
        }
    out << std::defaultfloat;
}

} // namespace

int commandProbe(const Args& args, std::ostream& out, std::ostream& err, bool interactive)
{
    const Inputs in = readInputs(args);
    ProbeOptions options;
    options.labelsPerClass = in.budgets;
    options.seed = in.load.seed;
    options.features = parseFeatures(args.get("features", "codes,raw,pca"));
    options.classifiers = parseClassifiers(args.get("classifiers", "logistic,knn"));
    options.neighbours = int(args.integer("neighbours", 5, 1, 1000));
    options.logistic.l2 = args.real("l2", options.logistic.l2, 0.0, 1e6);
    options.logistic.iterations = int(args.integer("iterations", options.logistic.iterations, 1, 100000));
    args.rejectUnknown();
    checkOut(in);

    Loaded l = load(in);
    out << "probe of " << l.model.model->variant() << " codes (" << l.model.model->latentSize() << ") on "
        << l.data.name << ": labelled samples from " << l.data.trainX.rows() << " training samples (seed "
        << options.seed << "), scored on " << l.data.testX.rows() << " test samples\n"
        << "logistic regression: standardised features, L2 " << options.logistic.l2 << ", at most "
        << options.logistic.iterations << " L-BFGS iterations; k-NN: Euclidean, k = " << options.neighbours
        << "; PCA fitted on at most " << options.pcaSamples << " training inputs\n"
        << std::flush;
    ProgressBar bar(err, interactive, 1);
    const ProbeTable table = probeModel(*l.model.model, l.data, options, nullptr, [&](const ProbeProgress& p) {
        bar.show(double(p.done) / p.total,
                 "cell " + std::to_string(p.done) + "/" + std::to_string(p.total) + ": "
                     + probeFeaturesKey(p.last.features) + ", " + probeClassifierKey(p.last.classifier) + ", "
                     + labelBudgetText(p.last.labelsPerClass) + " per class",
                 p.etaSeconds);
    });
    bar.clear();
    printTable(out, table, options);
    if (in.outPath) {
        writeProbeTable(*in.outPath, table);
        out << "wrote " << table.cells.size() << " rows to " << *in.outPath << "\n";
    }
    return 0;
}

int commandFineTune(const Args& args, std::ostream& out, std::ostream& err, bool interactive)
{
    const Inputs in = readInputs(args);
    FineTuneOptions options;
    options.labelsPerClass = in.budgets;
    options.seed = in.load.seed;
    options.steps = int(args.integer("steps", options.steps, 1, 10000000));
    options.batchSize = int(args.integer("batch", options.batchSize, 1, 100000));
    options.learningRate = args.real("lr", options.learningRate, 1e-8, 10.0);
    args.rejectUnknown();
    checkOut(in);

    Loaded l = load(in);
    out << "fine-tuning the encoder of " << l.model.model->variant() << " (code " << l.model.model->latentSize()
        << ") plus a softmax head on " << l.data.name << ", against the same network from a random start: "
        << options.steps << " Adam steps (lr " << options.learningRate << ", batches of at most " << options.batchSize
        << ") per fit, scored on " << l.data.testX.rows() << " test samples\n"
        << std::flush;
    ProgressBar bar(err, interactive, 1);
    const FineTuneCurve curve = fineTuneCurve(*l.model.model, l.data, options, nullptr, [&](const FineTuneProgress& p) {
        bar.show(double(p.done) / p.total, "fit " + std::to_string(p.done) + "/" + std::to_string(p.total), p.etaSeconds);
    });
    bar.clear();
    out << "test accuracy (share classified right)\n  " << std::left << std::setw(18) << "labels per class"
        << std::setw(14) << "samples" << std::right << std::setw(16) << "from the AE" << std::setw(16)
        << "from random" << "\n"
        << std::fixed << std::setprecision(3);
    for (const FineTunePoint& p : curve.points)
        out << "  " << std::left << std::setw(18) << labelBudgetText(p.labelsPerClass) << std::setw(14)
            << p.trainSamples << std::right << std::setw(16) << p.pretrainedAccuracy << std::setw(16)
            << p.randomAccuracy << "\n";
    out << std::defaultfloat;
    if (in.outPath) {
        if (in.outPath->ends_with(".csv"))
            writeFileAtomically(*in.outPath, fineTuneCsv(curve));
        else
            writeFileAtomically(*in.outPath, fineTuneJson(curve).dump(2) + "\n");
        out << "wrote " << curve.points.size() << " rows to " << *in.outPath << "\n";
    }
    return 0;
}

} // namespace aelab::cli
