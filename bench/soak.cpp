// Soak: the window trains for a long time while the user keeps using it,
// and nothing may grow or stall. Every few seconds one action of a fixed
// cycle: explorer requests (a decoded grid, a sample inspected, a latent
// point decoded), the features and diagnostics panels' requests, plot
// exports (PNG and PDF), a model save, a reset, a variant change (each
// followed by training again).
//
//   aelab-soak [--minutes M] [--warmup W] [--every S] [--dataset SPEC] [--limit N] [--threads T] [--keep-runs K]
//
// The window keeps every run (the Runs tab: curves, initial and final
// weights, probe codes), so each reset and variant change adds one; by
// design that grows until the user removes runs. The soak removes all but
// the newest K (default 3), as a user would, so what grows is not by design;
// --keep-runs -1 keeps them all.
//
// Reports, every minute and at the end: resident memory (VmRSS), threads
// and open file descriptors, from /proc/self; the main thread's longest
// stall (a 2 ms precise QTimer's largest gap less 2 ms, as in gui_bench) and
// what was done last before it; how many gaps passed 100 ms. The figures
// after warm-up (W minutes, default 2) are the baseline for the end's.
#include "diagnostics/DiagnosticsView.h"
#include "explorer/LatentExplorer.h"
#include "features/FeaturesView.h"
#include "experiments/RunList.h"
#include "form/ControlPanel.h"
#include "window/MainWindow.h"
#include "worker/TrainingController.h"

#include "math/Memory.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>

#include <algorithm>
#include <cstdio>
#include <map>
#include <random>
#include <string>
#include <vector>

using namespace aelab;

namespace {

struct Options {
    double minutes = 30;
    double warmup = 2;
    double every = 3;
    QString dataset = "fashion-mnist";
    int limit = 6000;
    int threads = 2;
    int keepRuns = 3;   // --keep-runs: the Runs tab's kept runs beyond this many are removed (-1: keep all)
};

Options parse(const QStringList& args)
{
    Options o;
    for (int i = 1; i + 1 < args.size(); i += 2) {
        const QString v = args[i + 1];
        if (args[i] == "--minutes") o.minutes = v.toDouble();
        else if (args[i] == "--warmup") o.warmup = v.toDouble();
        else if (args[i] == "--every") o.every = v.toDouble();
        else if (args[i] == "--dataset") o.dataset = v;
        else if (args[i] == "--limit") o.limit = v.toInt();
        else if (args[i] == "--threads") o.threads = v.toInt();
        else if (args[i] == "--keep-runs") o.keepRuns = v.toInt();
    }
    o.warmup = std::min(o.warmup, o.minutes / 2);
    return o;
}

// A field of /proc/self/status in kB or as a count ("VmRSS", "Threads").
long statusField(const char* key)
{
    QFile f("/proc/self/status");
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray prefix = QByteArray(key) + ":";
    for (const QByteArray& line : f.readAll().split('\n'))
        if (line.startsWith(prefix))
            return line.mid(prefix.size()).trimmed().split(' ').front().toLong();
    return -1;
}

long openFds() { return long(QDir("/proc/self/fd").entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::System).size()); }

struct Sample {
    double minutes = 0;
    long rssKb = 0;
    long threads = 0;
    long fds = 0;
};

Sample sampleNow(double minutes) { return {minutes, statusField("VmRSS"), statusField("Threads"), openFds()}; }

void print(const char* label, const Sample& s)
{
    std::printf("%s: %.1f min: resident %.1f MB, %ld threads, %ld open files\n", label, s.minutes, s.rssKb / 1024.0,
                s.threads, s.fds);
    std::fflush(stdout);
}

} // namespace

int main(int argc, char** argv)
{
    aelab::keepTrainingMemory();
    QApplication app(argc, argv);
    QTemporaryDir scratch;   // settings, exports and saves: never the user's
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, scratch.path());
    QCoreApplication::setOrganizationName("aelab-soak");
    const Options o = parse(app.arguments());

    ui::MainWindowOptions wo;
    wo.dataset = o.dataset;
    wo.limit = o.limit;
    wo.epochs = 100000;
    wo.threads = o.threads;
    wo.variant = "ae";
    wo.params = {{"hidden", "128"}, {"latent", "2"}};
    ui::MainWindow w(wo);
    w.setProperty("quietErrors", true);
    w.resize(1280, 800);
    w.show();
    int errors = 0;
    QObject::connect(&w, &ui::MainWindow::errorShown, [&](const QString& m) {
        ++errors;
        std::printf("error shown: %s\n", qPrintable(m));
    });
    std::printf("soak: %s (first %d samples), %.1f min (warm-up %.1f), an action every %.1f s, %d training "
                "thread(s), platform %s\n",
                qPrintable(o.dataset), o.limit, o.minutes, o.warmup, o.every, o.threads,
                qPrintable(QGuiApplication::platformName()));
    std::fflush(stdout);

    QElapsedTimer clock;
    clock.start();
    auto minutesNow = [&] { return clock.nsecsElapsed() / 60e9; };

    // The stall probe.
    constexpr int kProbeMs = 2;
    qint64 last = 0;
    double longestStall = 0, longestAt = 0;
    long stallsOver100 = 0;
    QString lastAction = "start", longestAfter;
    std::vector<double> gaps;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(kProbeMs);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        const qint64 now = clock.nsecsElapsed();
        if (last > 0) {
            const double stall = (now - last) / 1e6 - kProbeMs;
            if (stall > 100)
                ++stallsOver100;
            if (stall > longestStall) {
                longestStall = stall;
                longestAt = now / 60e9;
                longestAfter = lastAction;
            }
        }
        last = now;
    });

    const QStringList variants{"ae", "dae", "vae", "sparse", "ae"};
    int variantIndex = 0, step = 0, exports = 0, saves = 0, resets = 0, pruned = 0;
    std::mt19937 rng(1);
    auto trainAgain = [&] {
        QTimer::singleShot(500, &w, [&] { w.action("train")->trigger(); });
    };
    auto ready = [&] { return w.controller()->state() == ui::TrainingController::State::Running; };

    // The cycle of user actions.
    QTimer actions;
    actions.setInterval(int(o.every * 1000));
    std::map<QString, double> slowestAction;   // the longest each kind of action held the main thread, ms
    QObject::connect(&actions, &QTimer::timeout, [&] {
        QElapsedTimer took;
        took.start();
        const int k = step++ % 12;
        ui::LatentExplorer* ex = w.latentExplorer();
        switch (k) {
        case 0: lastAction = "explorer: decode grid"; w.showTab("explorer"); ex->decodeGrid(8); break;
        case 1: lastAction = "explorer: inspect"; ex->inspectSample(int(rng() % 500)); break;
        case 2: {
            lastAction = "explorer: decode point";
            RowVector code = RowVector::Zero(2);
            code(0) = Scalar(int(rng() % 200) - 100) / 50;
            code(1) = Scalar(int(rng() % 200) - 100) / 50;
            ex->decodeCode(code);
            break;
        }
        case 3: lastAction = "features"; w.showTab("features"); w.featuresView()->request(); break;
        case 4: lastAction = "diagnostics"; w.showTab("diagnostics"); w.diagnosticsView()->request(); break;
        case 5:
            lastAction = "export png";
            w.showTab("training");
            exports += w.exportView("loss", scratch.filePath("loss.png"));
            break;
        case 6: lastAction = "export pdf"; exports += w.exportView("latent", scratch.filePath("latent.pdf")); break;
        case 7:
            lastAction = "save model";
            if (ready()) {
                w.saveModelFile(scratch.filePath("model.safetensors"));
                ++saves;
            }
            break;
        case 8: lastAction = "export png"; exports += w.exportView("codes", scratch.filePath("codes.png")); break;
        case 9:
            lastAction = "reset";
            w.action("reset")->trigger();
            ++resets;
            trainAgain();
            break;
        case 10: lastAction = "explorer: decode grid"; w.showTab("explorer"); ex->decodeGrid(12); break;
        case 11:
            lastAction = "variant change";
            w.action("stop")->trigger();
            w.controls()->setVariant(variants[++variantIndex % variants.size()]);
            trainAgain();
            break;
        }
        if (o.keepRuns >= 0)
            while (w.runs()->count() > o.keepRuns) {
                w.runs()->remove(w.runs()->runs().front()->id);
                ++pruned;
            }
        double& slowest = slowestAction[lastAction];
        slowest = std::max(slowest, took.nsecsElapsed() / 1e6);
    });

    Sample warm{}, peak{};
    bool warmedUp = false;
    std::vector<Sample> samples;
    QTimer minutely;
    minutely.setInterval(10000);
    QObject::connect(&minutely, &QTimer::timeout, [&] {
        const Sample s = sampleNow(minutesNow());
        samples.push_back(s);
        if (s.rssKb > peak.rssKb)
            peak = s;
        if (!warmedUp && s.minutes >= o.warmup) {
            warmedUp = true;
            warm = s;
            print("after warm-up", s);
        } else if (samples.size() % 6 == 0) {
            print("now", s);
        }
        if (s.minutes >= o.minutes)
            app.quit();
    });

    QObject::connect(&w, &ui::MainWindow::datasetLoaded, &w, [&](const QString&) {
        static bool started = false;
        if (started)
            return;
        started = true;
        std::printf("dataset loaded after %.1f s; training\n", clock.nsecsElapsed() / 1e9);
        w.action("train")->trigger();
        probe.start();
        actions.start();
        minutely.start();
    });
    app.exec();

    const Sample end = sampleNow(minutesNow());
    print("end", end);
    std::printf("soak summary: %.1f min, %d actions (%d exports, %d saves, %d resets, %d variant changes), "
                "%d errors shown; %d runs kept at the end, %d removed on the way\n",
                end.minutes, step, exports, saves, resets, variantIndex, errors, w.runs()->count(), pruned);
    std::printf("resident memory: %.1f MB after warm-up (%.1f min), %.1f MB at the end: %+.1f MB; peak %.1f MB at "
                "%.1f min\n",
                warm.rssKb / 1024.0, warm.minutes, end.rssKb / 1024.0, (end.rssKb - warm.rssKb) / 1024.0,
                peak.rssKb / 1024.0, peak.minutes);
    std::printf("threads: %ld after warm-up, %ld at the end; open files: %ld after warm-up, %ld at the end\n",
                warm.threads, end.threads, warm.fds, end.fds);
    std::printf("each action's longest time on the main thread:");
    for (const auto& [action, ms] : slowestAction)
        std::printf(" %s %.0f ms;", qPrintable(action), ms);
    std::printf("\n");
    std::printf("main thread: longest stall %.0f ms at %.1f min (after: %s); %ld stalls over 100 ms\n",
                longestStall, longestAt, qPrintable(longestAfter), stallsOver100);
    return 0;
}
