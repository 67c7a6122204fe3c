// aelab-cli probe, finetune and sweep run as a user would: their files read
// back, one row per cell or run, and every bad input answered with exit code
// 2 and one line on stderr before any work (no file written).
#include "CsvRows.h"
#include "TestSupport.h"

#include <QProcess>
#include <QtTest>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;
using aelab::test::freshTempDir;
using aelab::test::namesIn;
using aelab::test::readBytes;

namespace {

struct CliRun {
    int exitCode = -1;
    bool crashed = false;
    std::string out;
    std::string err;
};

CliRun runCli(const QStringList& args, int timeoutMs = 120000)
{
    QProcess p;
    p.start(QStringLiteral(AELAB_CLI_PATH), args);
    CliRun r;
    if (!p.waitForStarted(10000) || !p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        r.crashed = true;
    }
    r.crashed = r.crashed || p.exitStatus() != QProcess::NormalExit;
    r.exitCode = p.exitCode();
    r.out = p.readAllStandardOutput().toStdString();
    r.err = p.readAllStandardError().toStdString();
    return r;
}

QString q(const fs::path& p) { return QString::fromStdString(p.string()); }

int lineCount(const std::string& text) { return int(std::count(text.begin(), text.end(), '\n')); }

// The header's fields.
std::vector<std::string> header(const std::string& csv)
{
    std::vector<std::string> names;
    std::istringstream s(csv.substr(0, csv.find('\n')));
    for (std::string f; std::getline(s, f, ',');)
        names.push_back(f);
    return names;
}

} // namespace

class TestExperimentCli : public QObject {
    Q_OBJECT

private:
    fs::path m_dir;
    fs::path m_model;

    void expectRefused(const QStringList& args, const std::string& mention)
    {
        const fs::path out = m_dir / "out";
        fs::create_directories(out);
        const CliRun r = runCli(args);
        const QString shown = args.join(' ');
        QVERIFY2(!r.crashed, qPrintable(shown));
        QVERIFY2(r.exitCode == 2, qPrintable(shown + " -> exit " + QString::number(r.exitCode) + ": "
                                                + QString::fromStdString(r.err)));
        QVERIFY2(r.err.rfind("aelab-cli: error: ", 0) == 0 && lineCount(r.err) == 1, r.err.c_str());
        QVERIFY2(r.err.find(mention) != std::string::npos, qPrintable(shown + " -> " + QString::fromStdString(r.err)));
        QVERIFY2(namesIn(out).empty(), qPrintable(shown + " wrote a file"));
    }

private slots:
    void initTestCase()
    {
        m_dir = freshTempDir("experiment_cli");
        m_model = m_dir / "g.safetensors";
        const CliRun r = runCli({"train", "--variant", "ae", "--dataset", "gaussians", "--limit", "400", "--epochs",
                                 "3", "--hidden", "16", "--latent", "2", "--save", q(m_model)});
        QVERIFY2(r.exitCode == 0, r.err.c_str());
    }

    void cleanupTestCase() { fs::remove_all(m_dir); }

    void helpNamesTheCommands()
    {
        const CliRun r = runCli({"help"});
        QCOMPARE(r.exitCode, 0);
        for (const char* word : {"aelab-cli probe", "aelab-cli finetune", "aelab-cli sweep", "--labels-per-class",
                                 "--seeds", "lo:hi:n[:log]"})
            QVERIFY2(r.out.find(word) != std::string::npos, word);
    }

    void probeWritesEveryCell()
    {
        const fs::path out = m_dir / "probe.json";
        const CliRun r = runCli({"probe", "--model", q(m_model), "--dataset", "gaussians", "--limit", "400",
                                 "--labels-per-class", "1,10,all", "--out", q(out)});
        QVERIFY2(r.exitCode == 0, r.err.c_str());
        QVERIFY(r.out.find("test accuracy") != std::string::npos);
        const nlohmann::json j = nlohmann::json::parse(readBytes(out));
        QCOMPARE(int(j["cells"].size()), 3 * 2 * 3);
        QCOMPARE(j["classes"].get<int>(), 5);
        // The blobs lie apart: fitted on every label, the classifiers on the
        // raw inputs classify (nearly) every test point right.
        for (const auto& cell : j["cells"])
            if (cell["labels_per_class"] == "all" && cell["features"] == "raw")
                QVERIFY2(cell["test_accuracy"].get<double>() > 0.95, cell.dump().c_str());
        const fs::path csv = m_dir / "probe.csv";
        const CliRun c = runCli({"probe", "--model", q(m_model), "--dataset", "gaussians", "--limit", "400",
                                 "--labels-per-class", "5", "--features", "codes", "--classifiers", "knn", "--out",
                                 q(csv)});
        QVERIFY2(c.exitCode == 0, c.err.c_str());
        QCOMPARE(lineCount(readBytes(csv)), 2);
    }

    void fineTuneWritesEveryBudget()
    {
        const fs::path out = m_dir / "ft.csv";
        const CliRun r = runCli({"finetune", "--model", q(m_model), "--dataset", "gaussians", "--limit", "400",
                                 "--labels-per-class", "1,10", "--steps", "30", "--out", q(out)});
        QVERIFY2(r.exitCode == 0, r.err.c_str());
        const std::string csv = readBytes(out);
        QCOMPARE(lineCount(csv), 3);
        const auto h = header(csv);
        QVERIFY(std::find(h.begin(), h.end(), "pretrained_test_accuracy") != h.end());
        QVERIFY(std::find(h.begin(), h.end(), "random_test_accuracy") != h.end());
    }

    void sweepWritesOneRowPerRun()
    {
        const fs::path out = m_dir / "sweep.csv";
        const CliRun r = runCli({"sweep", "--variant", "ae", "--dataset", "gaussians", "--limit", "300", "--epochs",
                                 "1", "--sweep", "batch=16,64", "--seeds", "2", "--hidden", "8", "--param",
                                 "latent=3", "--param", "lr=0.003", "--out", q(out)});
        QVERIFY2(r.exitCode == 0, r.err.c_str());
        const auto rows = aelab::test::csvRows(readBytes(out));
        QCOMPARE(int(rows.size()), 4);
        const std::vector<std::string> batches{"16", "16", "64", "64"}, seeds{"1", "2", "1", "2"};
        for (std::size_t i = 0; i < 4; ++i) {
            QCOMPARE(rows[i].at("batch"), batches[i]);
            QCOMPARE(rows[i].at("swept_value"), batches[i]);
            QCOMPARE(rows[i].at("seed"), seeds[i]);
            QCOMPARE(rows[i].at("latent"), std::string("3"));
            QCOMPARE(rows[i].at("lr"), std::string("0.003"));
            QCOMPARE(rows[i].at("hidden"), std::string("8"));
            QCOMPARE(rows[i].at("status"), std::string("finished"));
            QVERIFY(!rows[i].at("final_val_loss").empty());
        }
        QVERIFY(r.out.find("run 4/4") != std::string::npos);
    }

    void badInputIsRefusedBeforeWork()
    {
        const QString model = q(m_model), out = q(m_dir / "out" / "r.csv");
        const QStringList sweep{"sweep", "--variant", "ae", "--dataset", "gaussians", "--limit", "100"};
        expectRefused(sweep + QStringList{"--sweep", "lr=1e-3,1e-2"}, "--out");
        expectRefused(sweep + QStringList{"--out", out}, "--sweep");
        expectRefused(sweep + QStringList{"--sweep", "lr=1e-3", "--out", q(m_dir / "out" / "r.txt")}, ".csv or .json");
        expectRefused(sweep + QStringList{"--sweep", "nosuch=1,2", "--out", out}, "no setting 'nosuch'");
        expectRefused(sweep + QStringList{"--sweep", "lr=1e-5:1e-1:1:log", "--out", out}, "whole number of values");
        expectRefused(sweep + QStringList{"--sweep", "lr=1e-3,1e-2", "--lr", "0.1", "--out", out}, "lr is swept");
        expectRefused(sweep + QStringList{"--sweep", "lr=1e-3,1e-2", "--param", "latent", "--out", out}, "KEY=VALUE");
        expectRefused(sweep + QStringList{"--sweep", "lr=1e-3,1e-2", "--param", "nosuch=3", "--out", out},
                      "no setting 'nosuch'");
        expectRefused(sweep + QStringList{"--sweep", "lr=1e-3", "--seeds", "0", "--out", out}, "--seeds");
        expectRefused(sweep + QStringList{"--sweep", "lr=1e-3", "--out", q(m_dir / "missing" / "r.csv")}, "--out");
        expectRefused(sweep + QStringList{"--sweep", "lr=1e-3", "--bogus", "1", "--out", out}, "--bogus");
        expectRefused({"probe", "--dataset", "gaussians"}, "--model");
        expectRefused({"probe", "--model", model, "--dataset", "gaussians", "--labels-per-class", "0"},
                      "labels per class");
        expectRefused({"probe", "--model", model, "--dataset", "gaussians", "--out", q(m_dir / "out" / "p.txt")},
                      ".csv or .json");
        expectRefused({"probe", "--model", model, "--dataset", "gaussians", "--features", "pixels"}, "--features");
        expectRefused({"probe", "--model", q(m_dir / "none.safetensors"), "--dataset", "gaussians"}, "none");
        expectRefused({"probe", "--model", model, "--dataset", "swiss-roll"}, "expects 2 features");
        expectRefused({"finetune", "--model", model, "--dataset", "gaussians", "--steps", "0"}, "--steps");
    }
};

QTEST_GUILESS_MAIN(TestExperimentCli)
#include "test_experiment_cli.moc"
