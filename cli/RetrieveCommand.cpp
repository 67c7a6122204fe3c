#include "cli/RetrieveCommand.h"

#include "data/Catalog.h"
#include "io/ModelFile.h"
#include "math/Error.h"
#include "math/Parallel.h"
#include "models/Hashing.h"
#include "models/Retrieval.h"
#include "train/Evaluate.h"

#include <Eigen/Core>
#include <chrono>
#include <iomanip>

namespace aelab::cli {

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

void printRow(std::ostream& out, const std::string& method, const std::string& code, const RetrievalScore& s)
{
    out << "  " << std::left << std::setw(26) << method << std::setw(14) << code << std::right << std::fixed
        << std::setprecision(4) << std::setw(12) << s.precisionAtK << std::setw(10) << s.meanAveragePrecision
        << std::setprecision(3) << std::setw(12) << s.secondsPerQuery * 1e3 << std::defaultfloat << "\n";
}

} // namespace

int commandRetrieve(const Args& args, std::ostream& out)
{
    const auto modelPath = args.get("model");
    if (!modelPath)
        fail(ErrorKind::InvalidArgument, "--model FILE is required (a model trained with --variant hashing)");
    const std::string datasetSpec = args.get("dataset", "fashion-mnist");
    LoadOptions opt;
    opt.limit = int(args.integer("limit", -1, 1, 100000000));
    opt.seed = std::uint64_t(args.integer("seed", 1, 0, (1LL << 62)));
    const int queryCount = int(args.integer("queries", 1000, 1, 1000000));
    const int k = int(args.integer("k", 100, 1, 1000000));
    const int threads = int(args.integer("threads", 0, 0, 256));
    args.rejectUnknown();
    if (threads > 0)
        setThreadCount(threads);

    LoadedModel loaded = loadModel(*modelPath);
    auto* hashing = dynamic_cast<HashingAutoencoder*>(loaded.model.get());
    if (!hashing)
        fail(ErrorKind::Unsupported, "retrieve needs a semantic-hashing model (train one with --variant hashing); "
             + *modelPath + " is a " + loaded.model->variant() + " model");
    const Dataset data = loadDataset(datasetSpec, opt);
    if (data.features() != hashing->context().inputDim)
        fail(ErrorKind::InvalidArgument, "the model expects " + std::to_string(hashing->context().inputDim)
             + " features but " + data.name + " has " + std::to_string(data.features()));
    if (!data.hasLabels() || data.testY.size() != std::size_t(data.testX.rows()) || data.testX.rows() == 0)
        fail(ErrorKind::Unsupported, "retrieve needs a labelled dataset with a test set (relevant = same class)");

    const Matrix& database = data.trainX;
    const Eigen::Index nq = std::min<Eigen::Index>(queryCount, data.testX.rows());
    const Matrix queries = data.testX.topRows(nq);
    const std::vector<int> queryLabels(data.testY.begin(), data.testY.begin() + nq);
    const int bits = hashing->bits();

    // Learned hash: the database is encoded once, offline; a query's time
    // includes encoding it.
    const BinaryCodes dbCodes = packBits(encodeSet(*hashing, database));
    auto start = Clock::now();
    const BinaryCodes qCodes = packBits(encodeSet(*hashing, queries));
    const double encodeSeconds = secondsSince(start);
    RetrievalScore learned = retrieveHamming(dbCodes, data.trainY, qCodes, queryLabels, k);
    learned.secondsPerQuery += encodeSeconds / double(nq);

    Rng rng(opt.seed ^ 0x15bull);
    const RowVector centre = database.colwise().mean();
    const RandomProjectionLsh lsh(data.features(), bits, centre, rng);
    const BinaryCodes dbLsh = lsh.hash(database);
    start = Clock::now();
    const BinaryCodes qLsh = lsh.hash(queries);
    const double lshSeconds = secondsSince(start);
    RetrievalScore random = retrieveHamming(dbLsh, data.trainY, qLsh, queryLabels, k);
    random.secondsPerQuery += lshSeconds / double(nq);

    const RetrievalScore raw = retrieveEuclidean(database, data.trainY, queries, queryLabels, k);

    out << "retrieval on " << data.name << ": " << nq << " test queries against " << database.rows()
        << " training items; relevant = same class\n";
    out << "  " << std::left << std::setw(26) << "method" << std::setw(14) << "code" << std::right
        << std::setw(12) << ("precision@" + std::to_string(k)) << std::setw(10) << "mAP" << std::setw(12)
        << "ms/query" << "\n";
    printRow(out, "hashing, Hamming", std::to_string(bits) + " bits", learned);
    printRow(out, "random-projection LSH", std::to_string(bits) + " bits", random);
    printRow(out, "raw inputs, Euclidean", std::to_string(data.features()) + " floats", raw);
    return 0;
}

} // namespace aelab::cli
