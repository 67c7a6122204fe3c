// aelab-cli end to end: the real binary run as a user would, its outputs
// read back with aelab's own readers, and every bad input answered with exit
// code 2, one line on stderr and no file written.
#include "Sanitizer.h"
#include "TestSupport.h"

#include "data/Catalog.h"
#include "io/ModelFile.h"
#include "io/Npy.h"
#include "models/Registry.h"
#include "text/BuildInfo.h"

#include <QProcess>
#include <QtTest>

#include <zlib.h>

#include <cmath>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <sys/resource.h>

using namespace aelab;
namespace fs = std::filesystem;

namespace {

struct Run {
    int exitCode = -1;
    bool crashed = false;
    std::string out;
    std::string err;
    double ms = 0;
};

// `limitFileSize` > 0 runs the command under that file-size limit (ulimit
// -f), with SIGXFSZ at its default action, as a shell would start it.
Run runCli(const QStringList& args, int timeoutMs = 120000, rlim_t limitFileSize = 0)
{
    QProcess p;
    if (limitFileSize > 0)
        p.setChildProcessModifier([limitFileSize] {
            std::signal(SIGXFSZ, SIG_DFL);
            rlimit limit{};
            ::getrlimit(RLIMIT_FSIZE, &limit);
            limit.rlim_cur = limitFileSize;
            ::setrlimit(RLIMIT_FSIZE, &limit);
        });
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert("OMP_NUM_THREADS", "2");
    p.setProcessEnvironment(env);
    QElapsedTimer timer;
    timer.start();
    p.start(QStringLiteral(AELAB_CLI_PATH), args);
    Run r;
    if (!p.waitForStarted(10000) || !p.waitForFinished(timeoutMs * kSanitizerSlowdown)) {
        p.kill();
        p.waitForFinished(5000);
        r.crashed = true;
    }
    r.ms = double(timer.nsecsElapsed()) / 1e6;
    r.crashed = r.crashed || p.exitStatus() != QProcess::NormalExit;
    r.exitCode = p.exitCode();
    r.out = p.readAllStandardOutput().toStdString();
    r.err = p.readAllStandardError().toStdString();
    return r;
}

std::string readText(const fs::path& path)
{
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::vector<std::string> lines(const std::string& text)
{
    std::vector<std::string> out;
    std::istringstream s(text);
    for (std::string line; std::getline(s, line);)
        out.push_back(line);
    return out;
}

QStringList qargs(std::initializer_list<const char*> words)
{
    QStringList l;
    for (const char* w : words)
        l << QString::fromUtf8(w);
    return l;
}

QString q(const fs::path& p) { return QString::fromStdString(p.string()); }

} // namespace

class TestCli : public QObject {
    Q_OBJECT

private:
    fs::path m_dir;
    fs::path m_model;
    fs::path m_metrics;
    Run m_train;
    Eigen::Index m_moonsTest = 0;

    // Exit code 2, one line on stderr naming the problem, and `outDir` empty.
    void expectRefused(const QStringList& args, const std::string& mention, const fs::path& outDir)
    {
        const Run r = runCli(args);
        const QString shown = args.join(' ');
        QVERIFY2(!r.crashed, qPrintable(shown));
        QVERIFY2(r.exitCode == 2, qPrintable(shown + " -> exit " + QString::number(r.exitCode) + ": "
                                                + QString::fromStdString(r.err)));
        QVERIFY2(!r.err.empty() && r.err.back() == '\n', qPrintable(shown));
        QVERIFY2(r.err.find('\n') == r.err.size() - 1,
                 qPrintable(shown + " printed several lines: " + QString::fromStdString(r.err)));
        QVERIFY2(r.err.rfind("aelab-cli: error: ", 0) == 0, r.err.c_str());
        QVERIFY2(r.err.find(mention) != std::string::npos,
                 qPrintable("'" + QString::fromStdString(mention) + "' not in: " + QString::fromStdString(r.err)));
        QVERIFY2(fs::is_empty(outDir), qPrintable(shown + " left a file behind"));
    }

private slots:
    void initTestCase()
    {
        QVERIFY2(fs::exists(AELAB_CLI_PATH), AELAB_CLI_PATH);
        m_dir = test::freshTempDir("cli");
        m_model = m_dir / "moons.safetensors";
        m_metrics = m_dir / "metrics.json";
        m_train = runCli({"train", "--variant", "ae", "--dataset", "moons", "--epochs", "2", "--metrics",
                          q(m_metrics), "--save", q(m_model)});
        qInfo("train on moons: %.0f ms", m_train.ms);
        m_moonsTest = loadDataset("moons").testX.rows();
    }

    void cleanupTestCase() { fs::remove_all(m_dir); }

    void versionNamesTheBuildAndItsLibraries()
    {
        const Run r = runCli({"--version"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.empty());
        QVERIFY2(r.out.rfind("aelab-cli " + aelabVersion() + "\n", 0) == 0, r.out.c_str());
        for (const char* lib : {"Eigen 3.", "zlib 1.", "libzip 1.", "nlohmann-json 3."})
            QVERIFY2(r.out.find(lib) != std::string::npos, lib);
    }

    void listShowsEverySpec()
    {
        const Run r = runCli({"list"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.err.empty());
        const auto ls = lines(r.out);
        const VariantInfo& ae = variantInfo("ae");
        QVERIFY(r.out.rfind("ae ", 0) == 0);
        QVERIFY(r.out.find(ae.name) != std::string::npos);
        for (const auto& spec : ae.specs) {
            const std::string defaultText = HyperParams::defaults({spec}).text(spec.key);
            bool found = false;
            for (std::size_t i = 0; i + 1 < ls.size(); ++i) {
                if (ls[i].rfind("    --" + spec.key + " ", 0) != 0)
                    continue;
                found = true;
                std::istringstream fields(ls[i]);
                std::string flag, shownDefault;
                fields >> flag >> shownDefault;
                QCOMPARE(shownDefault, defaultText);
                QVERIFY2(ls[i + 1].find(spec.help) != std::string::npos, spec.key.c_str());
                break;
            }
            QVERIFY2(found, spec.key.c_str());
        }
    }

    void noValidationSplitPrintsNoValColumn()
    {
        const Run r = runCli({"train", "--variant", "ae", "--dataset", "moons", "--limit", "200", "--epochs", "1",
                              "--val", "0"});
        QVERIFY2(r.exitCode == 0, r.err.c_str());
        QVERIFY(r.out.find("epoch 1/1  train: loss ") != std::string::npos);
        QVERIFY2(r.out.find("val:") == std::string::npos, r.out.c_str());   // no empty "val:" column
    }

    void trainWritesModelAndMetrics()
    {
        QVERIFY2(m_train.exitCode == 0, m_train.err.c_str());
        QVERIFY(!m_train.crashed);
        QVERIFY(m_train.out.find("epoch 2/2") != std::string::npos);
        QVERIFY(m_train.out.find("|  val: loss ") != std::string::npos);
        const nlohmann::json m = nlohmann::json::parse(readText(m_metrics));
        QCOMPARE(m["variant"].get<std::string>(), std::string("ae"));
        QCOMPARE(m["dataset"].get<std::string>(), std::string("moons"));
        const auto& specs = variantInfo("ae").specs;
        QCOMPARE(int(m["hyperparameters"].size()), int(specs.size()));
        for (const auto& s : specs)
            QVERIFY2(m["hyperparameters"].contains(s.key), s.key.c_str());
        QVERIFY(m["hyperparameters"] == HyperParams::defaults(specs).json());
        QCOMPARE(int(m["epochs"].size()), 2);
        for (int e = 0; e < 2; ++e) {
            const auto& ep = m["epochs"][std::size_t(e)];
            QCOMPARE(ep["epoch"].get<int>(), e + 1);
            for (const char* part : {"train", "val"})
                for (const char* term : {"loss", "recon"}) {
                    QVERIFY2(ep[part].contains(term), term);
                    const double v = ep[part][term].get<double>();
                    QVERIFY(std::isfinite(v) && v >= 0);
                }
            QVERIFY(ep["seconds"].get<double>() >= 0);
            QVERIFY(ep["samples_per_s"].get<double>() > 0);
        }
        const double testError = m["test_reconstruction_error"].get<double>();
        QVERIFY(std::isfinite(testError) && testError > 0);
        // moons has variance ~0.5 per coordinate, ~1 per sample: a model that
        // learned nothing scores around 1; a 2-D code of 2-D data does far better.
        QVERIFY2(testError < 0.5, qPrintable(QString::number(testError)));

        LoadedModel loaded = loadModel(m_model.string());
        QCOMPARE(loaded.model->variant(), std::string("ae"));
        QCOMPARE(loaded.model->context().inputDim, 2);
        QVERIFY(loaded.model->hyperParams().json() == m["hyperparameters"]);
        QCOMPARE(loaded.provenance.dataset, std::string("moons"));
        QCOMPARE(int(loaded.provenance.history.epochs.size()), 2);
        // The model file, --metrics and the window write the one History.
        QVERIFY(loaded.provenance.history.toJson()["epochs"] == m["epochs"]);
        QCOMPARE(loaded.provenance.history.end->status, std::string("finished"));
        QCOMPARE(m["end"]["status"].get<std::string>(), std::string("finished"));
    }

    void evalPrintsTheTestLoss()
    {
        const Run r = runCli({"eval", "--model", q(m_model), "--dataset", "moons"});
        QVERIFY2(r.exitCode == 0, r.err.c_str());
        double loss = NAN;
        for (const auto& line : lines(r.out)) {
            std::istringstream s(line);
            std::string key;
            s >> key;
            if (key == "loss")
                s >> loss;
        }
        QVERIFY2(std::isfinite(loss), r.out.c_str());
        QVERIFY(r.out.find("pixel_mse") != std::string::npos);
        // The same model on the same (regenerated) test set as at the end of training.
        const nlohmann::json m = nlohmann::json::parse(readText(m_metrics));
        const double trained = m["test"]["loss"].get<double>();
        QVERIFY2(std::abs(loss - trained) <= 1e-4 * trained, qPrintable(QString("%1 vs %2").arg(loss).arg(trained)));
    }

    // Issue 13: eval says what each figure is and which it cannot give. An
    // unpooling ae: the reconstruction from the code alone beside the one
    // with the switches, and the switches' bits (2 channels x 14 x 14
    // windows x 2 bits) beside the code's width. A vae with a decoder
    // density: the ELBO and the importance-weighted log-likelihood with the
    // k asked; a BCE vae: why there is none.
    void evalSaysWhatItMeasures()
    {
        const fs::path ae = m_dir / "unpool.safetensors", cb = m_dir / "cb.safetensors", bce = m_dir / "bce.safetensors";
        const QStringList common{"--dataset", "shapes", "--limit", "200", "--epochs", "1", "--latent", "2"};
        Run r = runCli(QStringList{"train", "--variant", "ae", "--arch", "conv", "--channels", "2", "--up", "unpool",
                                   "--save", q(ae)} + common);
        QVERIFY2(r.exitCode == 0, r.err.c_str());
        r = runCli({"eval", "--model", q(ae), "--dataset", "shapes", "--limit", "200"});
        QVERIFY2(r.exitCode == 0, r.err.c_str());
        for (const char* row : {"recon_with_switches", "recon_code_alone", "switch_bits", "784  (392 pooling windows",
                                "code_numbers"})
            QVERIFY2(r.out.find(row) != std::string::npos, qPrintable(QString(row) + " not in:\n" + r.out.c_str()));

        r = runCli(QStringList{"train", "--variant", "vae", "--hidden", "8", "--output", "continuous-bernoulli",
                               "--save", q(cb)} + common);
        QVERIFY2(r.exitCode == 0, r.err.c_str());
        QVERIFY2(r.out.find("elbo") != std::string::npos, r.out.c_str());   // a term of the run
        r = runCli({"eval", "--model", q(cb), "--dataset", "shapes", "--limit", "200", "--iwae-k", "7"});
        QVERIFY2(r.exitCode == 0, r.err.c_str());
        for (const char* row : {"iwae_log_likelihood", "(k = 7,", "elbo"})
            QVERIFY2(r.out.find(row) != std::string::npos, qPrintable(QString(row) + " not in:\n" + r.out.c_str()));

        r = runCli(QStringList{"train", "--variant", "vae", "--hidden", "8", "--save", q(bce)} + common);
        QVERIFY2(r.exitCode == 0, r.err.c_str());
        QVERIFY2(r.out.find("elbo") == std::string::npos, r.out.c_str());   // BCE on grey shapes: no bound
        r = runCli({"eval", "--model", q(bce), "--dataset", "shapes", "--limit", "200"});
        QVERIFY2(r.exitCode == 0, r.err.c_str());
        QVERIFY2(r.out.find("log-likelihood: none") != std::string::npos, r.out.c_str());
        QVERIFY2(r.out.find("iwae_log_likelihood") == std::string::npos, r.out.c_str());
    }

    // Linear activations bring linear-mse with them (the PCA claim needs
    // both), said on a line; an output given on the line is kept.
    void linearActivationBringsLinearMse()
    {
        Run r = runCli({"train", "--dataset", "shapes", "--limit", "200", "--epochs", "1", "--hidden", "8",
                        "--activation", "linear"});
        QVERIFY2(r.exitCode == 0, r.err.c_str());
        QVERIFY2(r.out.find("--activation linear brings --output linear-mse") != std::string::npos, r.out.c_str());
        r = runCli({"train", "--dataset", "shapes", "--limit", "200", "--epochs", "1", "--hidden", "8",
                    "--activation", "linear", "--output", "sigmoid-bce"});
        QVERIFY2(r.exitCode == 0, r.err.c_str());
        QVERIFY2(r.out.find("brings") == std::string::npos, r.out.c_str());
    }

    // --stop-after, then --resume: the epochs' means and the test terms of an
    // uninterrupted run, to the bit (the same thread count); an old model
    // file says what it lacks.
    void trainResumeContinuesExactly()
    {
        const QStringList common{"--variant", "vae", "--dataset", "moons", "--limit", "400", "--epochs", "3",
                                 "--hidden", "16", "--batch", "32", "--threads", "1"};
        const fs::path straight = m_dir / "straight.json", resumed = m_dir / "resumed.json";
        const fs::path part = m_dir / "part.safetensors";
        Run r = runCli(QStringList{"train", "--metrics", q(straight)} + common);
        QCOMPARE(r.exitCode, 0);
        r = runCli(QStringList{"train", "--stop-after", "13", "--save", q(part)} + common);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.find("stopped after step 13") != std::string::npos, r.out.c_str());
        r = runCli({"train", "--resume", q(part), "--limit", "400", "--threads", "1", "--metrics", q(resumed)});
        QVERIFY2(r.exitCode == 0, r.err.c_str());
        QVERIFY2(r.out.find("resuming") != std::string::npos, r.out.c_str());
        const auto a = nlohmann::json::parse(test::readBytes(straight));
        const auto b = nlohmann::json::parse(test::readBytes(resumed));
        QCOMPARE(a["epochs"].size(), b["epochs"].size());
        for (std::size_t e = 0; e < a["epochs"].size(); ++e) {
            QVERIFY(a["epochs"][e]["train"] == b["epochs"][e]["train"]);
            QVERIFY(a["epochs"][e]["val"] == b["epochs"][e]["val"]);
        }
        QVERIFY(a["test"] == b["test"]);
        // The variant's flags are the file's: giving one is refused.
        r = runCli({"train", "--resume", q(part), "--limit", "400", "--latent", "3"});
        QCOMPARE(r.exitCode, 2);
        // A finished run.
        r = runCli({"train", "--resume", q(m_model)});
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.find("nothing left to train") != std::string::npos, r.err.c_str());
    }

    void encodeWritesCsvAndNpy()
    {
        const fs::path csv = m_dir / "codes.csv";
        const fs::path npy = m_dir / "codes.npy";
        Run r = runCli({"encode", "--model", q(m_model), "--dataset", "moons", "--out", q(csv)});
        QVERIFY2(r.exitCode == 0, r.err.c_str());
        r = runCli({"encode", "--model", q(m_model), "--dataset", "moons", "--out", q(npy)});
        QVERIFY2(r.exitCode == 0, r.err.c_str());

        const std::string header = readText(npy).substr(0, 8);
        QCOMPARE(header.substr(0, 6), std::string("\x93NUMPY", 6));
        const Matrix codes = readNpy(npy.string());
        QCOMPARE(codes.rows(), m_moonsTest);
        QCOMPARE(int(codes.cols()), 2);
        QVERIFY(codes.allFinite());
        const std::vector<int> labels = readNpyInt((m_dir / "codes.labels.npy").string());
        QCOMPARE(Eigen::Index(labels.size()), m_moonsTest);

        const auto rows = lines(readText(csv));
        QCOMPARE(Eigen::Index(rows.size()), m_moonsTest);
        for (std::size_t i = 0; i < rows.size(); ++i) {
            std::istringstream s(rows[i]);
            std::string label, a, b, extra;
            std::getline(s, label, ',');
            std::getline(s, a, ',');
            std::getline(s, b, ',');
            QVERIFY2(!std::getline(s, extra, ','), rows[i].c_str());
            QCOMPARE(std::stoi(label), labels[i]);
            // The CSV prints floats so that they read back exactly.
            QCOMPARE(std::stof(a), codes(Eigen::Index(i), 0));
            QCOMPARE(std::stof(b), codes(Eigen::Index(i), 1));
        }
    }

    // Finding 1 of issue 19: a small gzip file that expands to 16 MiB of
    // pixels (144 MiB with its floats) under a 32 MiB budget is refused
    // before it is read, with both figures; it used to be trained on.
    void datasetOverTheBudgetIsRefused()
    {
        const fs::path out = test::freshTempDir("cli-budget");
        const fs::path bomb = out / "bomb-images-idx3-ubyte.gz";
        gzFile f = gzopen(bomb.string().c_str(), "wb");
        const unsigned char header[] = {0, 0, 8, 3, 0, 0, 0x40, 0, 0, 0, 0, 32, 0, 0, 0, 32};   // 16384 x 32 x 32
        gzwrite(f, header, sizeof header);
        const std::vector<unsigned char> zeros(1 << 20, 0);
        for (int i = 0; i < 16; ++i)
            gzwrite(f, zeros.data(), unsigned(zeros.size()));
        gzclose(f);
        qputenv("AELAB_MEMORY_BUDGET", "32M");
        const Run r = runCli({"train", "--dataset", "idx:" + q(bomb), "--epochs", "1"});
        qunsetenv("AELAB_MEMORY_BUDGET");
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.find("needs about 144.0 MiB of memory, more than the 32.0 MiB available "
                            "(AELAB_MEMORY_BUDGET)") != std::string::npos, r.err.c_str());
        QVERIFY(r.out.empty());
        fs::remove_all(out);
    }

    // Codes and labels are replaced together or not at all. Here the labels
    // cannot be written (a folder holds their name): the codes stay the old
    // ones, and stdout is not left with a half line.
    void encodeReplacesCodesAndLabelsTogether()
    {
        const fs::path out = test::freshTempDir("cli-pair");
        const fs::path codes = out / "codes.npy";
        test::writeBytes(codes, "the old codes");
        fs::create_directory(out / "codes.labels.npy");
        const Run r = runCli({"encode", "--model", q(m_model), "--dataset", "moons", "--out", q(codes)});
        QVERIFY(!r.crashed);
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(readText(codes), std::string("the old codes"));
        QVERIFY2(r.out.empty() || r.out.back() == '\n', r.out.c_str());
        QVERIFY2(r.err.find("codes.labels.npy") != std::string::npos, r.err.c_str());
        QVERIFY2(r.err.find("put back") != std::string::npos, r.err.c_str());
        QCOMPARE(test::namesIn(out), (std::vector<std::string>{"codes.labels.npy", "codes.npy"}));
        QVERIFY(fs::is_empty(out / "codes.labels.npy"));
        fs::remove_all(out);
    }

    // A file-size limit (ulimit -f) below the model's size: SIGXFSZ killed
    // aelab-cli without a word (exit 153) and left its temporary. Now it is
    // an error like a full disk: exit 2, the cause named, nothing left.
    void fileSizeLimitIsAnError()
    {
        const fs::path out = test::freshTempDir("cli-fsize");
        test::writeBytes(out / "m.safetensors", "the old model");
        const Run r = runCli({"train", "--dataset", "moons", "--epochs", "1", "--save", q(out / "m.safetensors")},
                             120000, 65536);
        QVERIFY2(!r.crashed, "killed by a signal (SIGXFSZ?)");
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.find("file-size limit") != std::string::npos, r.err.c_str());
        QCOMPARE(test::namesIn(out), std::vector<std::string>{"m.safetensors"});
        QCOMPARE(readText(out / "m.safetensors"), std::string("the old model"));
        fs::remove_all(out);
    }

    // Finding 6 of issue 19: a run that diverges says "the last finite
    // weights are kept", so --save writes them (exit 3 still tells the run
    // failed), and the file says it diverged, where and from which step its
    // weights are. The metrics say the same; no test loss is made up.
    void divergedRunSavesTheLastFiniteWeights()
    {
        const fs::path out = test::freshTempDir("cli-diverged");
        const fs::path model = out / "m.safetensors";
        const fs::path metrics = out / "m.json";
        // SGD at the largest learning rate allowed, on a linear output: the
        // loss overflows within a few steps (as in test_gui).
        const Run r = runCli({"train", "--dataset", "moons", "--epochs", "50", "--optimizer", "sgd", "--lr", "1",
                              "--hidden", "64,64", "--save", q(model), "--metrics", q(metrics)});
        QVERIFY(!r.crashed);
        QCOMPARE(r.exitCode, 3);
        QVERIFY2(r.err.find("diverged at step ") != std::string::npos, r.err.c_str());
        QVERIFY2(r.out.find("test:") == std::string::npos, r.out.c_str());
        QVERIFY2(r.out.find("saved the last finite weights (from step ") != std::string::npos, r.out.c_str());
        QCOMPARE(test::namesIn(out), (std::vector<std::string>{"m.json", "m.safetensors"}));

        const LoadedModel loaded = loadModel(model.string());
        for (const auto& p : loaded.model->parameters())
            QVERIFY2(p.value->allFinite(), p.name.c_str());
        QVERIFY(loaded.provenance.history.end.has_value());
        const RunEnd& end = *loaded.provenance.history.end;
        QCOMPARE(end.status, std::string("diverged"));
        QVERIFY2(end.reason.find("NaN or infinite") != std::string::npos, end.reason.c_str());
        QVERIFY(end.step > 0);
        QVERIFY2(end.weightsFromStep >= 0 && end.weightsFromStep <= end.step, qPrintable(QString::number(end.weightsFromStep)));
        QVERIFY2(r.out.find("from step " + std::to_string(end.weightsFromStep) + ",") != std::string::npos,
                 r.out.c_str());
        // The kept weights still give finite codes.
        QVERIFY(loaded.model->encode(loadDataset("moons").testX.topRows(8)).allFinite());

        const nlohmann::json m = nlohmann::json::parse(readText(metrics));
        QCOMPARE(m["end"]["status"].get<std::string>(), std::string("diverged"));
        QVERIFY(!m.contains("test"));
        fs::remove_all(out);
    }

    void badTrainInputsAreRefused_data()
    {
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<QString>("mention");
        QTest::newRow("unknown flag") << qargs({"--bogus", "1"}) << "--bogus";
        QTest::newRow("lr too big") << qargs({"--lr", "5"}) << "--lr";
        QTest::newRow("latent zero") << qargs({"--latent", "0"}) << "--latent";
        QTest::newRow("epochs zero") << qargs({"--epochs", "0"}) << "--epochs";
        QTest::newRow("lr malformed") << qargs({"--lr", "abc"}) << "--lr";
        QTest::newRow("hidden malformed") << qargs({"--hidden", "512,abc"}) << "--hidden";
        QTest::newRow("val too big") << qargs({"--val", "0.9"}) << "--val";
        QTest::newRow("unknown variant") << qargs({"--variant", "no-such-variant"}) << "no-such-variant";
        QTest::newRow("flag without value") << qargs({"--lr"}) << "--lr";
        QTest::newRow("bare word") << qargs({"stray"}) << "stray";
        // the max-pool switches would reach a vae's decoder past the code
        QTest::newRow("vae unpool") << qargs({"--variant", "vae", "--arch", "conv", "--up", "unpool"})
                                    << "--up unpool is refused: a vae's decoder would read the max-pool switches";
        QTest::newRow("dae unpool") << qargs({"--variant", "dae", "--arch", "conv", "--up", "unpool"})
                                    << "--up unpool is refused: a dae's decoder";
    }
    void badTrainInputsAreRefused()
    {
        QFETCH(QStringList, extra);
        QFETCH(QString, mention);
        const fs::path out = test::freshTempDir("cli-out");
        QStringList args{"train", "--dataset", "moons", "--epochs", "1", "--save", q(out / "m.safetensors"),
                         "--metrics", q(out / "m.json")};
        if (extra.contains("--epochs"))
            args.remove(3, 2);
        args << extra;
        expectRefused(args, mention.toStdString(), out);
        fs::remove_all(out);
    }

    void unknownDatasetIsRefused()
    {
        const fs::path out = test::freshTempDir("cli-out");
        expectRefused({"train", "--dataset", "no-such-dataset", "--save", q(out / "m.safetensors")},
                      "no-such-dataset", out);
        fs::remove_all(out);
    }

    // --save into a missing folder (or onto a folder) fails before the data is
    // loaded or a batch is trained (100000 epochs would take hours).
    void saveIntoMissingFolderFailsFirst()
    {
        const fs::path out = test::freshTempDir("cli-out");
        for (const char* flag : {"--save", "--metrics"}) {
            const fs::path target = out / "missing" / "m.out";
            const Run r = runCli({"train", "--dataset", "moons", "--epochs", "100000", flag, q(target)});
            qInfo("%s into a missing folder refused after %.0f ms", flag, r.ms);
            QVERIFY2(r.ms < 10000, qPrintable(QString::number(r.ms)));   // process start-up only
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.find("does not exist") != std::string::npos, r.err.c_str());
            QVERIFY(r.out.empty());   // not even the "training ..." header line
        }
        // A folder where the file should go is refused up front too.
        for (const char* flag : {"--save", "--metrics"}) {
            const Run r = runCli({"train", "--dataset", "moons", "--epochs", "100000", flag, q(out)});
            QVERIFY2(r.ms < 10000, qPrintable(QString::number(r.ms)));
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.find("is a folder") != std::string::npos, r.err.c_str());
        }
        // Finding 5 of issue 19: a folder that cannot be written in is found
        // before the run, not after it. As root, permissions do not stop
        // writes; /proc refuses new files to root too.
        for (const char* flag : {"--save", "--metrics"}) {
            const Run r = runCli({"train", "--dataset", "moons", "--epochs", "100000", flag, "/proc/aelab-m.out"});
            QVERIFY2(r.ms < 10000, qPrintable(QString::number(r.ms)));
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.find("cannot write in /proc") != std::string::npos, r.err.c_str());
            QVERIFY(r.out.empty());
        }
        QVERIFY(fs::is_empty(out));
        fs::remove_all(out);
    }

    void badModelsAreRefused()
    {
        const fs::path out = test::freshTempDir("cli-out");
        const fs::path missing = m_dir / "missing.safetensors";
        const fs::path corrupt = m_dir / "corrupt.safetensors";
        {
            std::mt19937 gen(7);
            std::string bytes(4096, '\0');
            for (auto& b : bytes)
                b = char(gen() & 0xff);
            std::ofstream(corrupt, std::ios::binary) << bytes;
        }
        for (const fs::path& model : {missing, corrupt}) {
            expectRefused({"eval", "--model", q(model), "--dataset", "moons"}, model.string(), out);
            expectRefused({"encode", "--model", q(model), "--dataset", "moons", "--out", q(out / "c.npy")},
                          model.string(), out);
        }
        expectRefused({"eval", "--dataset", "moons"}, "--model", out);
        expectRefused({"encode", "--model", q(m_model), "--dataset", "moons", "--out", q(out / "c.txt")},
                      ".csv or .npy", out);
        expectRefused({"encode", "--model", q(m_model), "--dataset", "moons", "--out", q(out / "c.npy"),
                       "--split", "val"},
                      "--split", out);
        fs::remove_all(out);
    }

    // A model trained on 2-D moons cannot evaluate 784-pixel images.
    void wrongDimensionIsRefused()
    {
        QVERIFY2(test::haveFashionMnist(), "Fashion-MNIST is missing: apt install dataset-fashion-mnist");
        const fs::path out = test::freshTempDir("cli-out");
        expectRefused({"eval", "--model", q(m_model), "--dataset", "fashion-mnist", "--limit", "100"},
                      "features", out);
        expectRefused({"encode", "--model", q(m_model), "--dataset", "fashion-mnist", "--limit", "100", "--out",
                       q(out / "codes.csv")},
                      "features", out);
        fs::remove_all(out);
    }

    void unknownCommandIsRefused()
    {
        const fs::path out = test::freshTempDir("cli-out");
        expectRefused({"fly"}, "unknown command", out);
        fs::remove_all(out);
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
