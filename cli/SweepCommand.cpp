#include "cli/SweepCommand.h"

#include "cli/Progress.h"
#include "data/Catalog.h"
#include "experiment/SweepReport.h"
#include "experiment/SweepRunner.h"
#include "experiment/SweepSpec.h"
#include "io/CsvTable.h"
#include "io/Destination.h"
#include "math/Error.h"
#include "math/Parallel.h"
#include "models/Registry.h"

#include <algorithm>
#include <iomanip>
#include <sstream>

namespace aelab::cli {

namespace {

// The fixed part of every run: the variant's values from --KEY VALUE and
// --param KEY=VALUE (not the swept key), epochs, validation share, seed.
RunSettings baseSettings(const Args& args, const VariantInfo& variant, const std::string& sweptKey)
{
    RunSettings settings;
    settings.variant = variant.key;
    HyperParams hp = HyperParams::defaults(variant.specs);
    std::vector<std::string> fixed;
    for (const ParamSpec& spec : variant.specs)
        if (const auto text = args.get(spec.key)) {
            hp.setFromText(spec, *text);
            fixed.push_back(spec.key);
        }
    for (const std::string& param : args.all("param")) {
        const auto eq = param.find('=');
        if (eq == std::string::npos)
            fail(ErrorKind::InvalidArgument, "--param '" + param + "' must be KEY=VALUE");
        const std::string key = param.substr(0, eq);
        const ParamSpec* spec = findSpec(variant.specs, key);
        if (!spec)
            fail(ErrorKind::InvalidArgument, "--param " + key + ": " + variant.key + " has no setting '" + key
                 + "' (see aelab-cli list)");
        if (std::find(fixed.begin(), fixed.end(), key) != fixed.end())
            fail(ErrorKind::InvalidArgument, key + " is given twice (--" + key + " and --param)");
        hp.setFromText(*spec, param.substr(eq + 1));
        fixed.push_back(key);
    }
    if (std::find(fixed.begin(), fixed.end(), sweptKey) != fixed.end())
        fail(ErrorKind::InvalidArgument, sweptKey + " is swept: it cannot also be fixed with --" + sweptKey
             + " or --param");
    settings.values = hp.json();
    if (sweptKey == "epochs" && args.has("epochs"))
        fail(ErrorKind::InvalidArgument, "epochs is swept: it cannot also be fixed with --epochs");
    settings.epochs = int(args.integer("epochs", 5, 1, 100000));
    settings.validationFraction = args.real("val", 0.1, 0.0, 0.5);
    settings.seed = std::uint64_t(args.integer("seed", 1, 0, (1LL << 62)));
    return settings;
}

// The headline term ("loss"; aae's "recon"), named when it is not "loss".
std::string formatHeadline(const LossTerms& terms)
{
    std::ostringstream s;
    s << std::setprecision(5) << terms.headline();
    if (!terms.terms.empty() && terms.terms.front().first != "loss")
        s << " (" << terms.terms.front().first << ")";
    return s.str();
}

} // namespace

int commandSweep(const Args& args, std::ostream& out, std::ostream& err, bool interactive)
{
    const VariantInfo& variant = variantInfo(args.get("variant", "ae"));
    const auto sweepText = args.get("sweep");
    if (!sweepText)
        fail(ErrorKind::InvalidArgument, "--sweep KEY=v1,v2,... or KEY=lo:hi:n[:log] is required");
    const SweepSpec sweep = parseSweepSpec(*sweepText, variant);
    const RunSettings base = baseSettings(args, variant, sweep.key);
    const int seeds = int(args.integer("seeds", 1, 1, 1000));
    const std::string datasetSpec = args.get("dataset", "fashion-mnist");
    LoadOptions load;
    load.limit = int(args.integer("limit", -1, 1, 100000000));
    load.seed = base.seed;
    SweepOptions options;
    if (const auto probe = args.get("probe")) {
        const std::vector<int> budgets = parseLabelBudgets(*probe);
        if (budgets.size() != 1)
            fail(ErrorKind::InvalidArgument, "--probe takes one number of labels per class (e.g. 100) or 'all'");
        options.probe = true;
        options.probeLabelsPerClass = budgets.front();
    }
    const auto outPath = args.get("out");
    const int threads = int(args.integer("threads", 0, 0, 256));
    args.rejectUnknown();
    if (!outPath)
        fail(ErrorKind::InvalidArgument, "--out results.csv|results.json is required");
    checkResultsExtension(*outPath, "--out");
    checkCanWrite(*outPath, "--out");
    if (threads > 0)
        setThreadCount(threads);
    // Every run checked before the first trains.
    const std::vector<SweepRunPlan> plan = expandSweep(base, sweep, seeds);

    auto data = std::make_shared<const Dataset>(loadDataset(datasetSpec, load));
    if (options.probe && (!data->hasLabels() || data->testX.rows() == 0))
        fail(ErrorKind::Unsupported, "--probe needs a labelled dataset with a test set; " + data->name + " has none");
    out << "sweep of " << sweep.key << " over " << sweep.values.size() << " value(s) x " << seeds << " seed(s) = "
        << plan.size() << " run(s) of " << variant.key << " on " << data->name << " (" << data->trainX.rows()
        << " training samples before the validation split), " << threadCount() << " thread(s)\n"
        << std::flush;

    ProgressBar bar(err, interactive, 1);
    SweepCallbacks callbacks;
    callbacks.progress = [&](const SweepProgress& p) {
        std::ostringstream text;
        text << "run " << p.run << "/" << p.runs << "  step " << p.step << "/" << p.stepsInRun << "  loss "
             << std::setprecision(4) << p.loss;
        bar.show(p.samplesTotal > 0 ? double(p.samplesDone) / double(p.samplesTotal) : 0, text.str(), p.etaSeconds);
    };
    callbacks.runFinished = [&](const SweepRunResult& r, Run&) {
        bar.clear();
        out << "run " << r.index + 1 << "/" << plan.size() << "  " << r.key << "=" << settingText(r.value)
            << "  seed " << r.settings.seed << ": " << r.status << ", final train loss "
            << formatHeadline(r.finalTrain);
        if (!r.finalVal.terms.empty())
            out << ", final val loss " << formatHeadline(r.finalVal);
        if (r.probeAccuracy)
            out << ", probe test accuracy " << std::setprecision(4) << *r.probeAccuracy << " ("
                << labelBudgetText(r.probeLabelsPerClass) << " labels/class)";
        out << std::fixed << std::setprecision(1) << ", " << r.seconds << " s training" << std::defaultfloat << "\n"
            << std::flush;
    };
    const SweepResults results = runSweep(sweep, plan, data, datasetSpec, options, nullptr, callbacks);
    bar.clear();
    writeSweepResults(*outPath, results);
    int diverged = 0;
    for (const SweepRunResult& r : results.runs)
        diverged += r.status == "diverged";
    out << "wrote " << results.runs.size() << " runs to " << *outPath;
    if (diverged)
        out << " (" << diverged << " diverged: their rows say so)";
    out << "\n";
    return 0;
}

} // namespace aelab::cli
