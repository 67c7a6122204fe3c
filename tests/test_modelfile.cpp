// Model files: an exact round trip, reproducible bytes, atomic saving, and a
// reader that refuses hostile or corrupt files with an aelab::Error.
#include "Sanitizer.h"
#include "TestSupport.h"

#include "io/ModelFile.h"
#include "io/Safetensors.h"
#include "math/Error.h"
#include "models/Registry.h"
#include "train/Trainer.h"

#include <QtTest>

#include <chrono>
#include <cmath>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <random>
#include <sstream>
#include <sys/resource.h>

using namespace aelab;
namespace fs = std::filesystem;
using aelab::test::readBytes;
using aelab::test::writeBytes;
using Clock = std::chrono::steady_clock;

namespace {

std::vector<std::string> listDir(const fs::path& dir)
{
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir))
        names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

long peakRssKb()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return u.ru_maxrss;
}

ModelContext vectorContext(int dim, std::uint64_t seed)
{
    ModelContext c;
    c.inputDim = dim;
    c.shape = {1, 1, dim};
    c.seed = seed;
    return c;
}

std::unique_ptr<Autoencoder> makeAe(int dim, const std::string& hidden, std::uint64_t seed = 4)
{
    const auto& specs = variantInfo("ae").specs;
    HyperParams hp = HyperParams::defaults(specs);
    hp.setFromText(*findSpec(specs, "hidden"), hidden);
    hp.setFromText(*findSpec(specs, "latent"), "2");
    hp.setFromText(*findSpec(specs, "activation"), "tanh");
    hp.setFromText(*findSpec(specs, "lr"), "0.01");
    hp.setFromText(*findSpec(specs, "batch"), "16");
    return createModel("ae", hp, vectorContext(dim, seed));
}

struct Trained {
    std::unique_ptr<Autoencoder> model;
    ModelProvenance provenance;
    Matrix data;
    Matrix val;   // the trainer reads it while it lives: it must outlive it
};

// A small `ae` (6 -> 8 -> 4 -> 2 -> 4 -> 8 -> 6) trained for two epochs.
Trained trainedAe()
{
    Trained t;
    Rng rng(17);
    t.data = rng.normalMatrix(200, 6);
    t.model = makeAe(6, "8,4");
    TrainOptions opt;
    opt.epochs = 2;
    opt.batchSize = 16;
    t.val = t.data.topRows(40);
    Trainer trainer(*t.model, t.data, t.val, opt);
    if (trainer.run() != RunStatus::Finished)
        throw std::runtime_error("training the fixture model failed");
    t.provenance = {"synthetic-6d", "0123456789abcdef", {trainer.history(), {}, {}}};
    return t;
}

bool bitIdentical(const Matrix& a, const Matrix& b)
{
    return a.rows() == b.rows() && a.cols() == b.cols()
           && std::memcmp(a.data(), b.data(), sizeof(Scalar) * std::size_t(a.size())) == 0;
}

// A model metadata block as saveModel writes it, for hand-made files.
nlohmann::json aeMetadata(const nlohmann::json& hp, const nlohmann::json& input)
{
    return {{"aelab_format", "1"},
            {"variant", "ae"},
            {"hyperparameters", hp.dump()},
            {"input", input.dump()},
            {"dataset", "hostile"},
            {"dataset_fingerprint", ""},
            {"history", "[]"}};
}

} // namespace

class TestModelFile : public QObject {
    Q_OBJECT

private:
    fs::path m_dir;
    Trained m_trained;
    fs::path m_saved;        // m_trained saved once
    std::string m_savedBytes;

    // Loads `path` and expects an aelab::Error of `kind` whose message names
    // the file and contains `mention`.
    void expectError(const fs::path& path, ErrorKind kind, const std::string& mention)
    {
        try {
            (void)loadModel(path.string());
            QFAIL(qPrintable("loaded without error: " + QString::fromStdString(path.string())));
        } catch (const Error& e) {
            const std::string msg = e.what();
            QVERIFY2(e.kind() == kind, msg.c_str());
            QVERIFY2(msg.find(path.string()) != std::string::npos, msg.c_str());
            QVERIFY2(msg.find(mention) != std::string::npos, msg.c_str());
        }
    }

    // A copy of the saved model passed through `edit` and written out.
    fs::path tampered(const std::string& name, const std::function<void(TensorFile&)>& edit)
    {
        TensorFile f = readSafetensors(m_saved.string());
        edit(f);
        const fs::path p = m_dir / (name + ".safetensors");
        writeSafetensors(p.string(), f);
        return p;
    }

private slots:
    void initTestCase()
    {
        m_dir = test::freshTempDir("modelfile");
        m_trained = trainedAe();
        m_saved = m_dir / "trained.safetensors";
        saveModel(m_saved.string(), *m_trained.model, m_trained.provenance);
        m_savedBytes = readBytes(m_saved);
        QVERIFY(m_savedBytes.size() > 500);
    }

    void cleanupTestCase() { fs::remove_all(m_dir); }

    // Run first, while the process's peak memory is still small, so a large
    // allocation would show in ru_maxrss.
    void hostileMetadataIsRefusedCheaply_data()
    {
        QTest::addColumn<int>("dim");
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("layers");
        QTest::addColumn<int>("latent");
        // 16 layers of 4096 x 4096 with latent 1024: ~270 M weights (1 GB of
        // float, 3 GB with gradients and Adam's moments).
        QTest::newRow("16 x 4096 wide") << 4096 << 4096 << 16 << 1024;
        // One 2^24 -> 4096 layer: 68 G weights.
        QTest::newRow("2^24 inputs") << (1 << 24) << 4096 << 1 << 1024;
    }
    void hostileMetadataIsRefusedCheaply()
    {
        QFETCH(int, dim);
        QFETCH(int, width);
        QFETCH(int, layers);
        QFETCH(int, latent);
        nlohmann::json hp = HyperParams::defaults(variantInfo("ae").specs).json();
        hp["hidden"] = std::vector<int>(std::size_t(layers), width);
        hp["latent"] = latent;
        TensorFile f;
        f.metadata = aeMetadata(hp, {{"dim", dim}, {"shape", {1, 1, dim}}, {"unit_interval", false}, {"seed", 1}});
        f.tensors.push_back({"encoder.0.weight", {4, 4}, std::vector<float>(16, 0.5f)});
        f.tensors.push_back({"encoder.0.bias", {4}, std::vector<float>(4, 0.0f)});
        const fs::path p = m_dir / "hostile.safetensors";
        writeSafetensors(p.string(), f);
        QVERIFY(fs::file_size(p) < 2000);

        const long rssBefore = peakRssKb();
        const auto start = Clock::now();
        expectError(p, ErrorKind::Format, "parameters");
        const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
        const long grownKb = peakRssKb() - rssBefore;
        qInfo("refused in %.2f ms; peak RSS grew by %ld KiB", ms, grownKb);
        // Building even the first 4096 x 4096 layer takes ~100 ms and 64 MiB;
        // refusing takes microseconds. 500 ms and 32 MiB leave room for a busy machine.
        QVERIFY2(ms < 500, qPrintable(QString::number(ms)));
        QVERIFY2(grownKb < 32 * 1024, qPrintable(QString::number(grownKb)));
    }

    // Metadata values are JSON text inside a JSON string, so the header's own
    // nesting limit does not reach them: 8 MB of '[' must not become millions
    // of nested arrays (hundreds of MB) or a deep recursion.
    void deeplyNestedMetadataIsRefusedCheaply()
    {
        for (const char* key : {"history", "hyperparameters", "input"}) {
            TensorFile f = readSafetensors(m_saved.string());
            f.metadata[key] = std::string(8 << 20, '[');
            const fs::path p = m_dir / (std::string("nested-") + key + ".safetensors");
            writeSafetensors(p.string(), f);
            const long rssBefore = peakRssKb();
            const auto start = Clock::now();
            expectError(p, ErrorKind::Format, key);
            const double ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
            const long grownKb = peakRssKb() - rssBefore;
            qInfo("%s: refused in %.0f ms; peak RSS grew by %ld KiB", key, ms, grownKb);
            // Reading the 8 MB header itself costs ~2 x 8 MB; nested arrays would cost ~50 bytes per '['.
            if (!kUnderSanitizer)
                QVERIFY2(grownKb < 64 * 1024, qPrintable(QString::number(grownKb)));
            fs::remove(p);
        }
        AELAB_SKIP_UNDER_SANITIZER("the refusals were checked, not their peak-RSS bound (ASan's shadow memory "
                                   "and quarantine inflate ru_maxrss)");
    }

    void roundTripIsExact()
    {
        LoadedModel loaded = loadModel(m_saved.string());
        Autoencoder& a = *m_trained.model;
        Autoencoder& b = *loaded.model;
        QCOMPARE(b.variant(), std::string("ae"));
        QVERIFY(b.hyperParams().json() == a.hyperParams().json());
        QCOMPARE(b.context().inputDim, 6);
        QVERIFY(b.context().shape == a.context().shape);
        QCOMPARE(b.context().unitInterval, a.context().unitInterval);
        QCOMPARE(b.context().seed, a.context().seed);
        QCOMPARE(b.latentSize(), 2);
        QCOMPARE(loaded.provenance.dataset, m_trained.provenance.dataset);
        QCOMPARE(loaded.provenance.datasetFingerprint, m_trained.provenance.datasetFingerprint);
        QVERIFY(loaded.provenance.history.toJson() == m_trained.provenance.history.toJson());
        QCOMPARE(int(loaded.provenance.history.epochs.size()), 2);

        const auto pa = a.parameters();
        const auto pb = b.parameters();
        QCOMPARE(pb.size(), pa.size());
        QCOMPARE(int(pa.size()), 12);   // 6 dense layers, weight + bias each
        for (std::size_t i = 0; i < pa.size(); ++i) {
            QCOMPARE(pb[i].name, pa[i].name);
            QVERIFY2(bitIdentical(*pb[i].value, *pa[i].value), pa[i].name.c_str());
        }
        // The fixture model was trained: its weights are not the fresh initialisation.
        auto fresh = makeAe(6, "8,4");
        QVERIFY(!bitIdentical(*fresh->parameters()[0].value, *pa[0].value));

        const Matrix x = m_trained.data.topRows(10);
        QVERIFY(bitIdentical(b.encode(x), a.encode(x)));
        QVERIFY(bitIdentical(b.reconstruct(x), a.reconstruct(x)));
    }

    void savingIsReproducible()
    {
        const fs::path again = m_dir / "again.safetensors";
        saveModel(again.string(), *m_trained.model, m_trained.provenance);
        QVERIFY(readBytes(again) == m_savedBytes);
        saveModel(again.string(), *m_trained.model, m_trained.provenance);   // over an existing file
        QVERIFY(readBytes(again) == m_savedBytes);
        // A loaded model saves back to the same bytes.
        LoadedModel loaded = loadModel(m_saved.string());
        const fs::path resaved = m_dir / "resaved.safetensors";
        saveModel(resaved.string(), *loaded.model, loaded.provenance);
        QVERIFY(readBytes(resaved) == m_savedBytes);
        fs::remove(again);
        fs::remove(resaved);
    }

    void saveIntoMissingFolderThrowsIo()
    {
        const fs::path p = m_dir / "no-such-folder" / "m.safetensors";
        try {
            saveModel(p.string(), *m_trained.model, m_trained.provenance);
            QFAIL("no error");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), ErrorKind::Io);
            QVERIFY2(std::string(e.what()).find(p.string()) != std::string::npos, e.what());
        }
        QVERIFY(!fs::exists(m_dir / "no-such-folder"));
    }

    // A save that fails part-way leaves the existing file byte-identical and
    // no temporary behind. As root, permissions do not stop writes, so the
    // failure is a file-size limit (RLIMIT_FSIZE, as a full disk would):
    // write() fails with EFBIG once the new file passes 4 KiB.
    void failedSaveKeepsExistingFile()
    {
        const fs::path dir = m_dir / "atomic";
        fs::create_directory(dir);
        const fs::path target = dir / "model.safetensors";
        fs::copy_file(m_saved, target);
        auto big = makeAe(6, "64,64");   // ~40 KB of weights
        QVERIFY(big->parameterCount() * 4 > 8192);

        rlimit old{};
        QCOMPARE(getrlimit(RLIMIT_FSIZE, &old), 0);
        auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);   // else the kernel kills us
        rlimit small = old;
        small.rlim_cur = 4096;
        QCOMPARE(setrlimit(RLIMIT_FSIZE, &small), 0);
        bool threwIo = false;
        std::string message;
        try {
            saveModel(target.string(), *big, {"big", "", {}});
        } catch (const Error& e) {
            threwIo = e.kind() == ErrorKind::Io;
            message = e.what();
        } catch (...) {
        }
        setrlimit(RLIMIT_FSIZE, &old);
        std::signal(SIGXFSZ, oldHandler);

        qInfo("failed save: %s", message.c_str());
        QVERIFY2(threwIo, message.c_str());
        QVERIFY(message.find(target.string()) != std::string::npos);
        QVERIFY(readBytes(target) == m_savedBytes);
        QCOMPARE(listDir(dir), std::vector<std::string>{"model.safetensors"});
        // The same save without the limit succeeds: the limit was the only cause.
        saveModel(target.string(), *big, {"big", "", {}});
        QVERIFY(readBytes(target) != m_savedBytes);
        QCOMPARE(int(loadModel(target.string()).model->parameters().size()), 12);
    }

    // A path that is a folder cannot be replaced by a file: Error(Io), and
    // the folder and what it holds are untouched.
    void saveOverAFolderThrowsIo()
    {
        const fs::path dir = m_dir / "a-folder.safetensors";
        fs::create_directory(dir);
        writeBytes(dir / "keep.txt", "keep me");
        try {
            saveModel(dir.string(), *m_trained.model, m_trained.provenance);
            QFAIL("no error");
        } catch (const Error& e) {
            QCOMPARE(e.kind(), ErrorKind::Io);
        }
        QVERIFY(fs::is_directory(dir));
        QCOMPARE(listDir(dir), std::vector<std::string>{"keep.txt"});
        QCOMPARE(readBytes(dir / "keep.txt"), std::string("keep me"));
        QCOMPARE(int(std::distance(fs::directory_iterator(m_dir), fs::directory_iterator())),
                 int(listDir(m_dir).size()));
        for (const auto& name : listDir(m_dir))
            QVERIFY2(name.find(".tmp-") == std::string::npos, name.c_str());
    }

    void tamperedFilesAreRefused()
    {
        auto edit = [&](const std::string& name, const std::function<void(TensorFile&)>& f) {
            return tampered(name, f);
        };
        auto tensor = [](TensorFile& f, const std::string& name) -> Tensor& {
            for (auto& t : f.tensors)
                if (t.name == name)
                    return t;
            throw std::logic_error("no tensor " + name);
        };
        auto setHp = [](TensorFile& f, const std::string& key, const nlohmann::json& value) {
            nlohmann::json hp = nlohmann::json::parse(f.metadata["hyperparameters"].get<std::string>());
            hp[key] = value;
            f.metadata["hyperparameters"] = hp.dump();
        };

        // encoder.0.weight is (8, 6); stored as [6, 8] it has the right size, wrong shape.
        expectError(edit("shape", [&](TensorFile& f) { tensor(f, "encoder.0.weight").shape = {6, 8}; }),
                    ErrorKind::Format, "encoder.0.weight");
        expectError(edit("bias2d", [&](TensorFile& f) { tensor(f, "encoder.0.bias").shape = {1, 8}; }),
                    ErrorKind::Format, "encoder.0.bias");
        // Fewer weights than the metadata describes: the parameter budget refuses it.
        expectError(edit("missing", [&](TensorFile& f) { f.tensors.pop_back(); }), ErrorKind::Format,
                    "more parameters than the file holds");
        expectError(edit("renamed", [&](TensorFile& f) { tensor(f, "decoder.2.weight").name = "decoder.9.weight"; }),
                    ErrorKind::Format, "decoder.2.weight");
        expectError(edit("extra", [&](TensorFile& f) {
                        f.tensors.push_back({"extra.weight", {2}, {1.0f, 2.0f}});
                    }),
                    ErrorKind::Format, "found 13");
        expectError(edit("variant", [&](TensorFile& f) { f.metadata["variant"] = "no-such-variant"; }),
                    ErrorKind::Format, "no-such-variant");
        expectError(edit("format99", [&](TensorFile& f) { f.metadata["aelab_format"] = "99"; }),
                    ErrorKind::Format, "99");
        expectError(edit("plain", [&](TensorFile& f) { f.metadata = nlohmann::json::object(); }),
                    ErrorKind::Format, "not an aelab model");
        expectError(edit("hp-json", [&](TensorFile& f) { f.metadata["hyperparameters"] = "{\"lr\": 0.01,"; }),
                    ErrorKind::Format, "hyperparameters");
        expectError(edit("hp-missing", [&](TensorFile& f) { f.metadata.erase("hyperparameters"); }),
                    ErrorKind::Format, "hyperparameters");
        expectError(edit("hp-array", [&](TensorFile& f) { f.metadata["hyperparameters"] = "[1, 2]"; }),
                    ErrorKind::Format, "hyperparameters");
        expectError(edit("lr", [&](TensorFile& f) { setHp(f, "lr", 5.0); }), ErrorKind::Format, "--lr");
        expectError(edit("latent", [&](TensorFile& f) { setHp(f, "latent", 0); }), ErrorKind::Format, "--latent");
        expectError(edit("hidden", [&](TensorFile& f) { setHp(f, "hidden", "8,4"); }), ErrorKind::Format, "--hidden");
        expectError(edit("activation", [&](TensorFile& f) { setHp(f, "activation", "swish"); }),
                    ErrorKind::Format, "swish");
        expectError(edit("unknown-hp", [&](TensorFile& f) { setHp(f, "dropout", 0.5); }), ErrorKind::Format,
                    "dropout");
        // Valid hyperparameters that describe another model than the tensors hold.
        expectError(edit("latent1", [&](TensorFile& f) { setHp(f, "latent", 1); }), ErrorKind::Format,
                    "has shape [2, 4], expected [1, 4]");
        expectError(edit("latent3", [&](TensorFile& f) { setHp(f, "latent", 3); }), ErrorKind::Format,
                    "more parameters than the file holds");
        expectError(edit("input-json", [&](TensorFile& f) { f.metadata["input"] = "{"; }), ErrorKind::Format,
                    "input");
        expectError(edit("input-shape", [&](TensorFile& f) {
                        f.metadata["input"] = R"({"dim":6,"shape":[1,2,2],"unit_interval":false,"seed":1})";
                    }),
                    ErrorKind::Format, "shape");
        expectError(edit("input-dim", [&](TensorFile& f) {
                        f.metadata["input"] = R"({"dim":"six","shape":[1,1,6],"unit_interval":false,"seed":1})";
                    }),
                    ErrorKind::Format, "metadata");
        expectError(edit("nan", [&](TensorFile& f) { tensor(f, "decoder.0.bias").data[1] = NAN; }),
                    ErrorKind::Format, "'decoder.0.bias' holds NaN");
        expectError(edit("inf", [&](TensorFile& f) { tensor(f, "encoder.2.weight").data[3] = -INFINITY; }),
                    ErrorKind::Format, "'encoder.2.weight' holds NaN");
        expectError(edit("history", [&](TensorFile& f) { f.metadata["history"] = "[{"; }), ErrorKind::Format,
                    "history");
        // Bytes: a file that is not safetensors at all, and a missing file.
        writeBytes(m_dir / "text.safetensors", "this is not a model file at all");
        expectError(m_dir / "text.safetensors", ErrorKind::Format, "");
        expectError(m_dir / "none.safetensors", ErrorKind::Io, "");
    }

    // Random corruption of a real file: it loads or it throws aelab::Error,
    // nothing else (no crash, no other exception type, no huge allocation).
    void corruptedBytesLoadOrThrowError()
    {
        std::mt19937 gen(20240611);
        const fs::path p = m_dir / "fuzz.safetensors";
        int loaded = 0, refused = 0;
        const auto start = Clock::now();
        for (int i = 0; i < 200; ++i) {
            std::string bytes = m_savedBytes;
            const int mode = i % 4;
            if (mode == 0) {
                bytes.resize(std::uniform_int_distribution<std::size_t>(0, bytes.size() - 1)(gen));
            } else {
                const int flips = mode == 1 ? 1 : mode == 2 ? 4 : 32;
                // Half the time only in the header, where the structure lives.
                const std::size_t headerEnd = std::min<std::size_t>(bytes.size(), 8 + std::size_t(bytes[0] & 0xff)
                                                                        + (std::size_t(bytes[1] & 0xff) << 8));
                const std::size_t limit = (i % 2) ? headerEnd : bytes.size();
                for (int k = 0; k < flips; ++k) {
                    const std::size_t at = std::uniform_int_distribution<std::size_t>(0, limit - 1)(gen);
                    bytes[at] = char(bytes[at] ^ (1 << std::uniform_int_distribution<int>(0, 7)(gen)));
                }
            }
            writeBytes(p, bytes);
            try {
                LoadedModel m = loadModel(p.string());
                QVERIFY(m.model != nullptr);
                ++loaded;
            } catch (const Error& e) {
                QVERIFY(std::string(e.what()).size() > 0);
                ++refused;
            } catch (const std::exception& e) {
                QFAIL(qPrintable(QString("iteration %1: %2 (not an aelab::Error)").arg(i).arg(e.what())));
            } catch (...) {
                QFAIL(qPrintable(QString("iteration %1: unknown exception").arg(i)));
            }
        }
        qInfo("200 corrupted files: %d loaded, %d refused, %.0f ms", loaded, refused,
              std::chrono::duration<double, std::milli>(Clock::now() - start).count());
        QCOMPARE(loaded + refused, 200);
        QVERIFY(refused > 100);   // truncations and data flips must all be caught
    }
};

QTEST_APPLESS_MAIN(TestModelFile)
#include "test_modelfile.moc"
