// The bridge to PyTorch (export/TorchExport.h). Without Python: every layer
// of the exported variants has a module, the generated source names them at
// the same indices as the weights, and what cannot be exported is refused
// with its reason (by the core and by aelab-cli, exit 2, nothing written).
// With Debian's python3-torch (/usr/bin/python3; scripts/test.sh installs it):
// the exported module's reconstructions equal aelab's to 1e-5 for `ae`,
// `vae`, a conv `ae` and `dae`; train.py starts from aelab's loss and lowers
// it; torchrun with two processes (gloo, CPU) runs two steps.
#include "TestSupport.h"

#include "data/Catalog.h"
#include "export/TorchExport.h"
#include "io/ModelFile.h"
#include "io/Npy.h"
#include "math/Error.h"
#include "models/EncoderDecoder.h"
#include "models/Registry.h"
#include "train/Trainer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

#include <filesystem>
#include <map>

using namespace aelab;
namespace fs = std::filesystem;

namespace {

using Values = std::map<std::string, std::string>;
const char* const kPython = "/usr/bin/python3";

std::unique_ptr<Autoencoder> makeModel(const std::string& key, const Values& values, const Dataset& data)
{
    return test::makeModel(key, values, contextFor(data, 3));
}

void trainBriefly(Autoencoder& model, const Dataset& data)
{
    TrainOptions opt;
    opt.epochs = 1;
    opt.batchSize = 64;
    opt.seed = 5;
    Trainer trainer(model, data.trainX, data.testX, opt);
    QCOMPARE(trainer.run(), RunStatus::Finished);
}

struct Ran {
    int exitCode = -1;
    QString out, err;
};

Ran run(const QString& program, const QStringList& args, const QString& dir = {}, int timeoutMs = 240000)
{
    QProcess p;
    if (!dir.isEmpty())
        p.setWorkingDirectory(dir);
    p.start(program, args);
    Ran r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        r.err = "timed out";
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

// The last line of `text` that is a JSON object.
QJsonObject lastJson(const QString& text)
{
    const QStringList lines = text.split('\n', Qt::SkipEmptyParts);
    for (auto it = lines.rbegin(); it != lines.rend(); ++it)
        if (it->startsWith('{'))
            return QJsonDocument::fromJson(it->toUtf8()).object();
    return {};
}

} // namespace

class TestTorchExport : public QObject {
    Q_OBJECT

private slots:
    void initTestCase()
    {
        LoadOptions opt;
        opt.limit = 600;
        m_shapes = loadDataset("shapes", opt);
        m_dir = test::freshTempDir("torch-export");
        const Ran probe = run(kPython, {"-c", "import torch, numpy"});
        m_torch = probe.exitCode == 0;
    }
    void cleanupTestCase() { fs::remove_all(m_dir); }

    void everyLayerOfTheExportedNetworksHasAModule()
    {
        auto dense = makeModel("vae", {{"latent", "3"}, {"hidden", "32,16"}}, m_shapes);
        QCOMPARE(torchExportProblem(*dense), std::string());
        const std::string source = torchModuleSource(*dense, {});
        // The encoder's layers at the indices of the weights' names: encoder.0 is 784 -> 32.
        QVERIFY(source.find("self.encoder = nn.Sequential(\n        nn.Linear(784, 32),\n        nn.ReLU(),")
                != std::string::npos);
        QVERIFY(source.find("nn.Linear(16, 6)") != std::string::npos);   // mu and logvar heads
        QVERIFY(source.find("\"variant\": \"vae\"") != std::string::npos);
        auto conv = makeModel("ae", {{"arch", "conv"}, {"channels", "4,8"}, {"latent", "3"}, {"up", "upsample"}},
                              m_shapes);
        const std::string convSource = torchModuleSource(*conv, {});
        QVERIFY(convSource.find("FlatConv2d(1, 4, 3, 1, 1, 28, 28)") != std::string::npos);
        QVERIFY(convSource.find("FlatMaxPool2d(2, 2, 4, 28, 28)") != std::string::npos);
        QVERIFY(convSource.find("FlatUpsample(8, 7, 7, 14, 14)") != std::string::npos);
    }

    void whatCannotBeExportedSaysWhy()
    {
        auto unpool = makeModel("ae", {{"arch", "conv"}, {"channels", "4,8"}, {"latent", "3"}, {"up", "unpool"}},
                                m_shapes);
        QVERIFY(torchExportProblem(*unpool).find("switches") != std::string::npos);
        auto aae = makeModel("aae", {{"latent", "2"}}, m_shapes);
        QVERIFY(torchExportProblem(*aae).find("aae") != std::string::npos);
        const fs::path dir = m_dir / "refused";
        bool refused = false;
        try {
            exportTorch(dir.string(), *aae, {});
        } catch (const Error& e) {
            refused = e.kind() == ErrorKind::Unsupported;
        }
        QVERIFY(refused);
        QVERIFY(!fs::exists(dir));   // nothing written

        // aelab-cli: exit 2 with the reason, no folder.
        saveModel((m_dir / "unpool.safetensors").string(), *unpool, {});
        const Ran cli = run(AELAB_CLI_PATH, {"export-torch", "--model", QString::fromStdString((m_dir / "unpool.safetensors").string()),
                                             "--out", QString::fromStdString((m_dir / "unpool-out").string())});
        QCOMPARE(cli.exitCode, 2);
        QVERIFY2(cli.err.contains("switches"), qPrintable(cli.err));
        QVERIFY(!fs::exists(m_dir / "unpool-out"));
    }

    void theCliWritesEveryFile()
    {
        auto model = makeModel("ae", {{"latent", "2"}, {"hidden", "16"}}, m_shapes);
        const fs::path file = m_dir / "ae.safetensors";
        saveModel(file.string(), *model, {.dataset = "shapes"});
        const fs::path out = m_dir / "cli-out";
        const Ran cli = run(AELAB_CLI_PATH, {"export-torch", "--model", QString::fromStdString(file.string()), "--out",
                                             QString::fromStdString(out.string()), "--dataset", "shapes", "--limit", "300"});
        QVERIFY2(cli.exitCode == 0, qPrintable(cli.err));
        for (const char* name : {"model.safetensors", "aelab_model.py", "train.py", "README.md", "data.npy"})
            QVERIFY2(fs::exists(out / name), name);
        QCOMPARE(readNpy((out / "data.npy").string()).rows(), Eigen::Index(300));
    }

    void theModuleReconstructsAsAelabDoes_data()
    {
        QTest::addColumn<QString>("variant");
        QTest::addColumn<QString>("arch");
        QTest::newRow("ae dense") << "ae" << "dense";
        QTest::newRow("vae dense") << "vae" << "dense";
        QTest::newRow("ae conv") << "ae" << "conv";
        QTest::newRow("dae dense") << "dae" << "dense";
        QTest::newRow("sparse dense") << "sparse" << "dense";
    }

    void theModuleReconstructsAsAelabDoes()
    {
        QVERIFY2(m_torch, "python3-torch is not installed for /usr/bin/python3 (scripts/test.sh installs it)");
        QFETCH(QString, variant);
        QFETCH(QString, arch);
        Values values{{"latent", "3"}, {"hidden", "64,32"}};
        if (arch == "conv")
            values = {{"arch", "conv"}, {"channels", "4,8"}, {"latent", "3"}, {"up", "deconv"}};
        auto model = makeModel(variant.toStdString(), values, m_shapes);
        trainBriefly(*model, m_shapes);
        const fs::path dir = m_dir / (variant + "-" + arch).toStdString();
        exportTorch(dir.string(), *model, {.dataset = "shapes"}, &m_shapes.trainX);
        const Matrix x = m_shapes.testX.topRows(16);
        writeNpy((dir / "x.npy").string(), x);
        writeNpy((dir / "recon.npy").string(), model->reconstruct(x));
        const Ran check = run(kPython, {AELAB_TORCH_CHECK, QString::fromStdString(dir.string()),
                                        QString::fromStdString((dir / "x.npy").string()),
                                        QString::fromStdString((dir / "recon.npy").string())});
        QVERIFY2(check.exitCode == 0, qPrintable(check.err));
        const double diff = lastJson(check.out).value("max_abs_diff").toDouble(1.0);
        QVERIFY2(diff < 1e-5, qPrintable(QString("max |torch - aelab| = %1").arg(diff)));
    }

    void trainPyStartsFromAelabsLossAndLowersIt()
    {
        QVERIFY2(m_torch, "python3-torch is not installed for /usr/bin/python3 (scripts/test.sh installs it)");
        auto model = makeModel("ae", {{"latent", "3"}, {"hidden", "64,32"}}, m_shapes);
        trainBriefly(*model, m_shapes);
        const fs::path dir = m_dir / "train";
        exportTorch(dir.string(), *model, {.dataset = "shapes"}, &m_shapes.trainX);
        const QString d = QString::fromStdString(dir.string());
        // The same objective on the same samples: aelab's evaluate() against train.py --eval.
        Rng rng(1);
        const double aelabLoss = model->evaluate(m_shapes.trainX.topRows(256), rng).get("loss");
        const Ran before = run(kPython, {"train.py", "--eval", "256"}, d);
        QVERIFY2(before.exitCode == 0, qPrintable(before.err));
        const double torchLoss = lastJson(before.out).value("loss").toDouble();
        QVERIFY2(std::abs(torchLoss - aelabLoss) <= 1e-4 * aelabLoss,
                 qPrintable(QString("train.py %1, aelab %2").arg(torchLoss).arg(aelabLoss)));
        const Ran trained = run(kPython, {"train.py", "--steps", "60", "--log-every", "20"}, d);
        QVERIFY2(trained.exitCode == 0, qPrintable(trained.err));
        QVERIFY(fs::exists(dir / "trained.safetensors"));
        const Ran after = run(kPython, {"train.py", "--eval", "256", "--weights", "trained.safetensors"}, d);
        QVERIFY2(after.exitCode == 0, qPrintable(after.err));
        const double afterLoss = lastJson(after.out).value("loss").toDouble();
        QVERIFY2(afterLoss < 0.98 * torchLoss, qPrintable(QString("%1 -> %2").arg(torchLoss).arg(afterLoss)));
        // The weights train.py wrote open in aelab, with the model's metadata.
        const LoadedModel back = loadModel((dir / "trained.safetensors").string());
        QCOMPARE(back.model->variant(), std::string("ae"));
    }

    // sparse's objective in train.py: its L1 and KL-to-rho terms equal aelab's
    // on the same samples (a control: the reconstruction alone would not).
    void trainPyHasTheSparseObjective()
    {
        QVERIFY2(m_torch, "python3-torch is not installed for /usr/bin/python3 (scripts/test.sh installs it)");
        auto model = makeModel("sparse", {{"latent", "16"}, {"hidden", "64"}, {"lambda", "0.5"}, {"beta", "20"}},
                               m_shapes);
        trainBriefly(*model, m_shapes);
        const fs::path dir = m_dir / "sparse-train";
        exportTorch(dir.string(), *model, {.dataset = "shapes"}, &m_shapes.trainX);
        Rng rng(1);
        const LossTerms aelab = model->evaluate(m_shapes.trainX.topRows(256), rng);
        const Ran eval = run(kPython, {"train.py", "--eval", "256"}, QString::fromStdString(dir.string()));
        QVERIFY2(eval.exitCode == 0, qPrintable(eval.err));
        const QJsonObject torch = lastJson(eval.out);
        for (const char* term : {"loss", "recon", "l1", "kl"}) {
            const double a = aelab.get(term), t = torch.value(term).toDouble(-1);
            QVERIFY2(std::abs(t - a) <= 1e-4 * std::max(1.0, std::abs(a)),
                     qPrintable(QString("%1: train.py %2, aelab %3").arg(term).arg(t).arg(a)));
        }
        QVERIFY(aelab.get("loss") > aelab.get("recon") * 1.001);   // the penalties count
    }

    void torchrunRunsTwoProcesses()
    {
        QVERIFY2(m_torch, "python3-torch is not installed for /usr/bin/python3 (scripts/test.sh installs it)");
        auto model = makeModel("vae", {{"latent", "2"}, {"hidden", "32"}}, m_shapes);
        const fs::path dir = m_dir / "ddp";
        exportTorch(dir.string(), *model, {.dataset = "shapes"}, &m_shapes.trainX);
        // Debian 12's torch 1.13 on Python 3.11 reads a plain --redirects as None (an
        // enum change in 3.11); the per-rank mappings work (README).
        const Ran ddp = run(kPython, {"-m", "torch.distributed.run", "--standalone", "--nproc_per_node", "2",
                                      "--redirects", "0:1,1:1", "--tee", "0:1,1:1", "train.py", "--steps", "2", "--log-every", "1", "--out", "ddp"},
                            QString::fromStdString(dir.string()));
        QVERIFY2(ddp.exitCode == 0, qPrintable(ddp.err.right(2000)));
        QVERIFY2(ddp.out.contains("after 2 steps"), qPrintable(ddp.out));
        QVERIFY(fs::exists(dir / "ddp.safetensors"));
    }

private:
    Dataset m_shapes;
    fs::path m_dir;
    bool m_torch = false;
};

QTEST_APPLESS_MAIN(TestTorchExport)
#include "test_torch_export.moc"
