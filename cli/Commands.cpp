#include "cli/Commands.h"

#include "cli/ImputeCommand.h"
#include "cli/Progress.h"
#include "data/Catalog.h"
#include "explore/SwitchLeak.h"
#include "io/AtomicFile.h"
#include "io/CsvWriter.h"
#include "io/ModelFile.h"
#include "io/Npy.h"
#include "math/Error.h"
#include "math/Parallel.h"
#include "models/Registry.h"
#include "models/Variational.h"
#include "train/Evaluate.h"
#include "io/Destination.h"
#include "train/Resume.h"
#include "train/Run.h"

#include <Eigen/Core>
#include <cstdio>
#include <filesystem>
#include <iomanip>
#include <optional>
#include <sstream>

namespace aelab::cli {

namespace {

std::string formatTerms(const LossTerms& terms)
{
    std::ostringstream s;
    s << std::setprecision(5);
    for (std::size_t i = 0; i < terms.terms.size(); ++i)
        s << (i ? "  " : "") << terms.terms[i].first << " " << terms.terms[i].second;
    return s.str();
}

void setThreads(const Args& args)
{
    const int threads = int(args.integer("threads", 0, 0, 256));
    if (threads > 0) {
        setThreadCount(threads);
    }
}

LoadOptions loadOptions(const Args& args)
{
    LoadOptions opt;
    opt.limit = int(args.integer("limit", -1, 1, 100000000));
    opt.seed = std::uint64_t(args.integer("seed", 1, 0, (1LL << 62)));
    return opt;
}

// encode --out codes.npy writes the labels beside it: codes.labels.npy.
std::string labelsPathFor(const std::string& codesPath)
{
    return codesPath.substr(0, codesPath.size() - 4) + ".labels.npy";
}

} // namespace

int commandList(const Args& args, std::ostream& out)
{
    args.rejectUnknown();
    for (const auto& v : variants()) {
        out << v.key << "  " << v.name << "\n    " << v.summary << "\n";
        for (const auto& s : v.specs) {
            const HyperParams d = HyperParams::defaults({s});
            out << "    --" << std::left << std::setw(12) << s.key << " " << std::setw(10)
                << d.text(s.key) << " " << describeRange(s) << "\n"
                << "        " << s.help << (s.liveTunable ? " (can change while training)" : "") << "\n";
            for (const RefusedChoice& r : s.refused)
                out << "        refused: " << r.value << ", " << r.why << "\n";
        }
        out << "\n";
    }
    return 0;
}

int commandDatasets(const Args& args, std::ostream& out)
{
    args.rejectUnknown();
    for (const auto& d : builtinDatasets())
        out << std::left << std::setw(15) << d.name << " " << d.description << "\n";
    return 0;
}

namespace {

// The run a `train` line asks for: the variant's values from its flags, with
// what a value brings along where its flag is not given (--activation linear:
// --output linear-mse; said on `note`), then what every run has (epochs,
// validation share, seed).
RunSettings runSettings(const Args& args, std::ostream& note)
{
    RunSettings settings;
    const VariantInfo& info = variantInfo(args.get("variant", "ae"));
    settings.variant = info.key;
    HyperParams hp = HyperParams::defaults(info.specs);
    std::vector<std::string> given;
    for (const auto& spec : info.specs)
        if (const auto text = args.get(spec.key)) {
            hp.setFromText(spec, *text);
            given.push_back(spec.key);
        }
    for (const AppliedImplication& a : applyImplications(hp, info.specs, given))
        note << "aelab-cli: --" << a.from << " " << a.fromValue << " brings --" << a.key << " " << a.value
             << " (give --" << a.key << " to choose otherwise)\n";
    settings.values = hp.json();
    settings.epochs = int(args.integer("epochs", 5, 1, 100000));
    settings.validationFraction = args.real("val", 0.1, 0.0, 0.5);
    settings.seed = loadOptions(args).seed;
    return settings;
}

void printEpoch(std::ostream& out, const EpochInfo& e, int epochs)
{
    out << "epoch " << e.epoch << "/" << epochs << (e.phase.empty() ? "" : " [" + e.phase + "]")
        << "  train: " << formatTerms(e.train)
        << (e.val.terms.empty() ? "" : "  |  val: " + formatTerms(e.val)) << "  |  "   // none with --val 0
        << std::fixed << std::setprecision(1) << e.seconds << " s, " << std::setprecision(0)
        << e.samplesPerSecond << " samples/s" << std::defaultfloat << "\n"
        << std::flush;
}

nlohmann::json metricsJson(const Run& run, const LossTerms& test)
{
    const nlohmann::json history = run.history().toJson();
    nlohmann::json m{{"variant", run.variant().key},
                     {"dataset", run.data().name},
                     {"dataset_fingerprint", run.data().fingerprint},
                     {"seed", run.settings().seed},
                     {"hyperparameters", run.settings().values},
                     {"epochs", history["epochs"]},
                     {"changes", history["changes"]}};
    if (history.contains("end"))
        m["end"] = history["end"];
    if (!test.terms.empty()) {
        m["test"] = termsJson(test);
        m["test_reconstruction_error"] = test.get("recon");
    }
    return m;
}

} // namespace

int commandTrain(const Args& args, std::ostream& out, std::ostream& err, bool interactive)
{
    // --resume FILE: the run saved in FILE continues where it stopped; its
    // settings come from the file, so the variant's flags are not taken.
    const auto resumePath = args.get("resume");
    std::optional<LoadedModel> resumed;
    RunSettings settings;
    if (resumePath) {
        resumed = loadModel(*resumePath);
        if (const std::string why = resumeRefusal(*resumed); !why.empty())
            fail(ErrorKind::Unsupported, *resumePath + ": " + why);
    } else {
        settings = runSettings(args, out);
    }
    const auto savePath = args.get("save");
    const auto metricsPath = args.get("metrics");
    const std::string datasetSpec = args.get("dataset", resumed ? resumed->provenance.dataset : "fashion-mnist");
    LoadOptions loadOpt = loadOptions(args);
    if (resumed && !args.has("seed"))
        loadOpt.seed = resumed->resume->meta.value("split", nlohmann::json::object()).value("seed", loadOpt.seed);
    // --stop-after N: stop once the run has trained N steps (a file to resume later).
    const long long stopAfter = args.integer("stop-after", 0, 1, 1LL << 50);
    setThreads(args);
    args.rejectUnknown();
    // Before any work: a run whose results cannot be written fails now.
    if (savePath)
        checkCanWrite(*savePath, "--save");
    if (metricsPath)
        checkCanWrite(*metricsPath, "--metrics");

    auto loaded = std::make_shared<const Dataset>(loadDataset(datasetSpec, loadOpt));
    std::unique_ptr<Run> runPtr = resumed ? resumeRun(*resumed, loaded, datasetSpec)
                                          : std::make_unique<Run>(settings, loaded, datasetSpec);
    Run& run = *runPtr;
    settings = run.settings();
    if (resumed)
        out << "aelab-cli: resuming " << *resumePath << " at step " << run.step() << " (epoch "
            << std::max(1, run.trainer().epoch()) << " of " << settings.epochs << ")\n";
    const Dataset& data = run.data();
    out << "aelab-cli: " << run.variant().name << " on " << data.name << " (" << run.split().trainX.rows()
        << " train, " << run.split().valX.rows() << " validation, " << data.testX.rows() << " test samples of "
        << data.features() << " features), " << run.model().parameterCount() << " parameters, "
        << threadCount() << " thread(s)\n"
        << std::flush;

    Trainer& trainer = run.trainer();
    ProgressBar bar(err, interactive, trainer.totalSteps());
    trainer.onStep = [&](const StepInfo& s) {
        bar.update(s.step, s.epoch, settings.epochs, s.terms.total(), s.samplesSeen);
    };
    trainer.onEpoch = [&](const EpochInfo& e) {
        bar.clear();
        printEpoch(out, e, settings.epochs);
    };
    RunStatus status;
    if (stopAfter > 0) {
        while (trainer.globalStep() < stopAfter && trainer.step()) {
        }
        status = trainer.status();
        if (status == RunStatus::Running)
            out << "stopped after step " << trainer.globalStep() << " (--stop-after)\n";
    } else {
        status = run.train();
    }
    bar.clear();
    const bool diverged = status == RunStatus::Diverged;
    if (diverged)
        err << "aelab-cli: " << trainer.message() << "\n";

    // A diverged model's test terms would be NaN: only a finished run is tested.
    const LossTerms test = diverged ? LossTerms{} : evaluateSet(run.model(), data.testX, Rng(loadOpt.seed ^ 0x7e57ull));
    if (!diverged)
        out << "test: " << formatTerms(test) << "\n";
    if (savePath) {
        saveRun(*savePath, run);   // with the training state: --resume continues it
        if (diverged)
            out << "saved the last finite weights (from step " << run.history().end->weightsFromStep
                << ", before the run diverged) to " << *savePath << "\n";
        else
            out << "saved model to " << *savePath << "\n";
    }
    if (metricsPath) {
        const nlohmann::json m = metricsJson(run, test);
        writeFileAtomically(*metricsPath, [&](std::ostream& f) { f << m.dump(2) << "\n"; });
        out << "wrote metrics to " << *metricsPath << "\n";
    }
    return diverged ? 3 : 0;
}

namespace {
struct ModelAndData {
    LoadedModel loaded;
    Dataset data;
};

ModelAndData openModelAndData(const Args& args)
{
    const auto modelPath = args.get("model");
    if (!modelPath)
        fail(ErrorKind::InvalidArgument, "--model FILE is required");
    const std::string datasetSpec = args.get("dataset", "fashion-mnist");
    const LoadOptions opt = loadOptions(args);
    setThreads(args);
    args.get("split");
    args.get("out");
    args.rejectUnknown();
    ModelAndData md{loadModel(*modelPath), loadDataset(datasetSpec, opt)};
    if (md.data.features() != md.loaded.model->context().inputDim)
        fail(ErrorKind::InvalidArgument, "the model expects " + std::to_string(md.loaded.model->context().inputDim)
             + " features but " + md.data.name + " has " + std::to_string(md.data.features()));
    return md;
}
// An unpooling decoder (--up unpool): the reconstruction term with the
// encoder's switches (the "recon" above) and from the code alone, and the
// switches' bits beside the code's width (explore/SwitchLeak.h).
void printSwitchLeak(const SwitchLeak& leak, std::ostream& out)
{
    if (!leak.unpools)
        return;
    out << "the decoder unpools with the encoder's max-pool switches of x: they reach it past the code\n"
        << "  " << std::left << std::setw(20) << "recon_with_switches" << " " << leak.reconWithSwitches
        << "  (what training and reconstruct() see)\n"
        << "  " << std::setw(20) << "recon_code_alone" << " " << leak.reconFromCode
        << "  (switches unknown: values at each window's corner, as decode() does)\n"
        << "  " << std::setw(20) << "switch_bits" << " " << std::setprecision(0) << std::fixed << leak.capacityBits
        << "  (" << leak.windows << " pooling windows, one position each; their entropy on this set: "
        << leak.entropyBits << " bits)\n"
        << std::defaultfloat << std::setprecision(6)
        << "  " << std::setw(20) << "code_numbers" << " " << leak.codeNumbers << "\n";
}

// A VAE with a decoder density: the importance-weighted estimate of the test
// log-likelihood beside the same draws' ELBO (Variational.h); otherwise why
// neither is a figure in nats.
void printLogLikelihood(VariationalAutoencoder& vae, const Matrix& x, int k, std::ostream& out)
{
    if (!vae.outputMode().isDensity()) {
        out << "log-likelihood: none; the decoder's term (" << reconstructionTermName(vae.outputMode())
            << ") is not a normalised density (train with --output continuous-bernoulli or gaussian)\n";
        return;
    }
    Rng rng(0x1a4eull);
    const auto e = vae.estimateLogLikelihood(x, k, rng);
    out << "log-likelihood on " << e.samples << " test samples (nats per sample):\n"
        << "  " << std::left << std::setw(20) << "elbo" << " " << e.elbo << "  (mean of log w over the "
        << k << " draws)\n"
        << "  " << std::setw(20) << "iwae_log_likelihood" << " " << e.iwae << "  (k = " << k
        << ", Burda et al. 2016; log p(x) >= this)\n";
}

} // namespace

int commandEval(const Args& args, std::ostream& out)
{
    const int importanceSamples = int(args.integer("iwae-k", 100, 1, 100000));
    auto md = openModelAndData(args);
    const LossTerms test = evaluateSet(*md.loaded.model, md.data.testX, Rng(0x7e57ull));
    out << md.loaded.model->variant() << " on " << md.data.name << " test set (" << md.data.testX.rows()
        << " samples)\n";
    for (const auto& [key, value] : test.terms)
        out << "  " << std::left << std::setw(12) << key << " " << std::setprecision(6) << value << "\n";
    const Matrix recon = reconstructSet(*md.loaded.model, md.data.testX);
    const double mse = double((recon - md.data.testX).squaredNorm()) / double(md.data.testX.size());
    out << "  " << std::left << std::setw(12) << "pixel_mse" << " " << mse << "\n";
    if (auto* model = dynamic_cast<EncoderDecoder*>(md.loaded.model.get()))
        printSwitchLeak(measureSwitchLeak(*model, md.data.testX), out);
    if (auto* vae = dynamic_cast<VariationalAutoencoder*>(md.loaded.model.get()))
        printLogLikelihood(*vae, md.data.testX, importanceSamples, out);
    printImputationReport(*md.loaded.model, md.data, out);
    return 0;
}

int commandEncode(const Args& args, std::ostream& out)
{
    const auto outPath = args.get("out");
    const std::string split = args.get("split", "test");
    if (!outPath)
        fail(ErrorKind::InvalidArgument, "--out codes.csv|codes.npy is required");
    if (split != "test" && split != "train")
        fail(ErrorKind::InvalidArgument, "--split must be test or train");
    const bool npy = outPath->ends_with(".npy");
    if (!npy && !outPath->ends_with(".csv"))
        fail(ErrorKind::InvalidArgument, "--out must end in .csv or .npy");
    checkCanWrite(*outPath, "--out");
    auto md = openModelAndData(args);
    const Matrix& x = split == "test" ? md.data.testX : md.data.trainX;
    const std::vector<int>& y = split == "test" ? md.data.testY : md.data.trainY;
    const Matrix codes = encodeSet(*md.loaded.model, x);
    std::ostringstream done;   // printed whole once the files are in place
    done << "wrote " << codes.rows() << " codes of size " << codes.cols();
    if (npy) {
        // Codes and labels are replaced together or not at all: a disk that
        // fills between two separate writes left new codes beside old labels.
        std::vector<FileWrite> files{{*outPath, npyWriter(codes)}};
        if (!y.empty())
            files.push_back({labelsPathFor(*outPath), npyIntWriter(y)});
        writeFilesAtomically(files);
        done << " to " << *outPath;
        if (!y.empty())
            done << " and their labels to " << files[1].path;
    } else {
        writeCsv(*outPath, codes, {}, y);
        done << " with labels to " << *outPath;
    }
    out << done.str() << "\n";
    return 0;
}

} // namespace aelab::cli
