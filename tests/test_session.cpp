// Session files (core/experiment/Session, io/ZipArchive): a round trip keeps
// every run to the bit (settings, curves with their NaN gaps, history, probe
// codes, images, weights) and the front end's opaque state; every malformed
// file is refused with a message naming what is wrong, a zip bomb before
// anything is inflated; a failed save leaves the old file as it was.
#include "TestSupport.h"

#include "data/Catalog.h"
#include "experiment/RunRecordJson.h"
#include "experiment/Session.h"
#include "io/Npy.h"
#include "io/WriteFault.h"
#include "io/ZipArchive.h"
#include "math/Error.h"
#include "train/Run.h"

#include <QtTest>

#include <cerrno>
#include <cmath>
#include <cstring>

using namespace aelab;

namespace {

std::shared_ptr<const Dataset> moons()
{
    LoadOptions options;
    options.limit = 200;
    options.seed = 3;
    return std::make_shared<const Dataset>(loadDataset("moons", options));
}

RunRecord keptRun(int id, double lr)
{
    RunSettings s;
    s.variant = "ae";
    s.values = {{"hidden", {8}}, {"latent", 2}, {"batch", 32}, {"lr", lr}};
    s.epochs = 2;
    s.seed = 5;
    Run run(s, moons(), "moons");
    RunRecord r;
    r.id = id;
    r.name = "Run " + std::to_string(id);
    r.note = "note, with \"quotes\" and ünïcode";
    r.settings = run.settings();
    r.datasetSpec = "moons";
    r.datasetFingerprint = run.data().fingerprint;
    r.context = run.model().context();
    r.parameters = (long long)run.model().parameterCount();
    r.initialWeights = weightsOf(run.model());
    run.trainer().onStep = [&](const StepInfo& st) {
        LossTerms t = st.terms;
        if (st.step % 2 == 0)
            t.add("extra", 0.1 * st.step);   // a term only some points have: NaN elsewhere
        r.curves.addTrain({st.step, st.epoch - 1 + double(st.batch) / st.batchesPerEpoch, st.samplesSeen,
                           0.001 * st.step, {}}, t);
    };
    run.trainer().onEpoch = [&](const EpochInfo& e) {
        r.curves.addVal({run.step(), double(e.epoch), 0, 0.5, {}}, e.val);
    };
    run.train();
    r.history = run.history();
    r.finalWeights = weightsOf(run.model());
    r.steps = run.step();
    r.seconds = 1.0 / 3.0;
    r.samplesSeen = 12345;
    r.probeCodes = run.model().encode(run.split().valX);
    r.probeMap = r.probeCodes;
    r.probeLabels = run.split().valY;
    r.mapXLabel = "z1";
    r.mapYLabel = "z2";
    r.probeFingerprint = probeFingerprintOf(run.split().valX);
    r.originals = run.split().valX.topRows(4);
    r.reconstructions = run.model().reconstruct(r.originals);
    return r;
}

using test::sameBits;   // matrices and weights

bool sameBits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

bool sameCurve(const std::vector<CurvePoint>& a, const std::vector<CurvePoint>& b)
{
    if (a.size() != b.size())
        return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        if (a[i].step != b[i].step || !sameBits(a[i].epoch, b[i].epoch) || a[i].samples != b[i].samples
            || !sameBits(a[i].seconds, b[i].seconds))
            return false;
        // A point made before a term first appeared holds fewer values: the rest are NaN.
        const auto at = [](const CurvePoint& p, std::size_t t) { return t < p.values.size() ? p.values[t] : std::nan(""); };
        for (std::size_t t = 0; t < std::max(a[i].values.size(), b[i].values.size()); ++t)
            if (std::isnan(at(a[i], t)) ? !std::isnan(at(b[i], t)) : !sameBits(at(a[i], t), at(b[i], t)))
                return false;
    }
    return true;
}

std::string errorOf(const std::function<void()>& f)
{
    const test::Outcome o = test::outcomeOf(f);
    if (!o.threwAelab)
        return o.threwOther ? "threw something other than aelab::Error" : "accepted";
    return o.message;
}

} // namespace

class TestSession : public QObject {
    Q_OBJECT

    std::filesystem::path m_dir;
    std::vector<RunRecord> m_runs;

    std::string write(const std::string& name, const std::vector<ZipEntry>& entries)
    {
        const auto path = m_dir / name;
        test::writeBytes(path, zipBytes(entries));
        return path.string();
    }

    // The saved session's entries, to break one at a time.
    std::vector<ZipEntry> goodEntries()
    {
        const auto path = (m_dir / "good.aelab").string();
        saveSession(path, Session{m_runs, {}, {}, {}});
        std::vector<ZipEntry> entries;
        for (auto& [name, bytes] : readZip(path))
            entries.push_back({name, bytes});
        return entries;
    }

private slots:
    void initTestCase()
    {
        m_dir = test::freshTempDir("session");
        m_runs.push_back(keptRun(1, 0.01));
        m_runs.push_back(keptRun(2, 0.003));
    }
    void cleanupTestCase() { std::filesystem::remove_all(m_dir); }

    void roundTripKeepsEveryRunToTheBit()
    {
        Session s;
        s.runs = m_runs;
        s.form = {{"variant", "ae"}, {"values", {{"lr", "0.01"}}}};
        s.view = {{"tab", 2}, {"loss_axis", "samples"}};
        s.lesson = {{"id", "first-autoencoder"}, {"step", 3}};
        const auto path = (m_dir / "round.aelab").string();
        saveSession(path, s);
        const Session back = loadSession(path);
        QCOMPARE(back.form, s.form);
        QCOMPARE(back.view, s.view);
        QCOMPARE(back.lesson, s.lesson);
        QCOMPARE(back.runs.size(), s.runs.size());
        for (std::size_t i = 0; i < s.runs.size(); ++i) {
            const RunRecord& a = s.runs[i];
            const RunRecord& b = back.runs[i];
            QCOMPARE(b.id, a.id);
            QCOMPARE(b.name, a.name);
            QCOMPARE(b.note, a.note);
            QCOMPARE(b.settingsJson(), a.settingsJson());
            QCOMPARE(b.settings.seed, a.settings.seed);
            QCOMPARE(b.toJson(), a.toJson());   // history, final metrics, counts
            QCOMPARE(recordJson(b), recordJson(a));
            QCOMPARE(b.curves.terms, a.curves.terms);
            QVERIFY(sameCurve(b.curves.train, a.curves.train));
            QVERIFY(sameCurve(b.curves.val, a.curves.val));
            QVERIFY(sameBits(b.finalWeights, a.finalWeights));
            QVERIFY(sameBits(b.initialWeights, a.initialWeights));
            QVERIFY(sameBits(b.probeCodes, a.probeCodes));
            QVERIFY(sameBits(b.probeMap, a.probeMap));
            QCOMPARE(b.probeLabels, a.probeLabels);
            QVERIFY(sameBits(b.originals, a.originals));
            QVERIFY(sameBits(b.reconstructions, a.reconstructions));
            QCOMPARE(b.context.shape, a.context.shape);
            QCOMPARE(b.context.seed, a.context.seed);
        }
        // A run whose curve lacks a term at a point keeps the gap.
        QVERIFY(std::isnan(back.runs[0].curves.train[0].values.back()));
        // The weights rebuild the model: Run again and Probe can use them.
        auto model = rebuildModel(back.runs[1]);
        QVERIFY(sameBits(model->encode(back.runs[1].originals), rebuildModel(m_runs[1])->encode(m_runs[1].originals)));
    }

    void emptySessionRoundTrips()
    {
        const auto path = (m_dir / "empty.aelab").string();
        saveSession(path, Session{});
        const Session back = loadSession(path);
        QVERIFY(back.runs.empty());
        QVERIFY(back.lesson.is_null());
    }

    void malformedFilesAreRefusedWithAMessage_data()
    {
        QTest::addColumn<QString>("which");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not a zip") << "text" << "not a zip archive";
        QTest::newRow("truncated") << "truncated" << "not a zip archive";
        QTest::newRow("no index") << "no-index" << "'session.json' is missing";
        QTest::newRow("index not json") << "bad-json" << "not valid JSON";
        QTest::newRow("deep json") << "deep-json" << "nested too deeply";
        QTest::newRow("not a session") << "no-version" << "not an aelab session";
        QTest::newRow("newer format") << "version-2" << "session format 2 is not supported";
        QTest::newRow("runs not a list") << "runs-object" << "lacks its list of runs";
        QTest::newRow("run lacks a field") << "no-settings" << "lacks its 'settings'";
        QTest::newRow("curve columns differ") << "short-curve" << "columns differ in length";
        QTest::newRow("weights missing") << "no-weights" << "final.safetensors' is missing";
        QTest::newRow("weights corrupt") << "bad-weights" << "final.safetensors";
        QTest::newRow("weights of another shape") << "other-weights" << "do not fit";
        QTest::newRow("codes corrupt") << "bad-codes" << "probe_codes.npy";
        QTest::newRow("labels of another length") << "short-labels" << "probe labels do not match";
        QTest::newRow("unknown variant") << "unknown-variant" << "unknown variant";
        QTest::newRow("huge model setting") << "huge-hidden" << "run 1";
        QTest::newRow("crc mismatch") << "crc" << "damaged";
    }
    void malformedFilesAreRefusedWithAMessage()
    {
        QFETCH(QString, which);
        QFETCH(QString, expected);
        const std::string w = which.toStdString();
        std::vector<ZipEntry> entries = goodEntries();
        const auto entry = [&](const std::string& name) -> std::string& {
            for (auto& e : entries)
                if (e.name == name)
                    return e.bytes;
            throw std::logic_error("no entry " + name);
        };
        const auto index = [&]() { return nlohmann::json::parse(entry("session.json")); };
        const auto setIndex = [&](const nlohmann::json& j) { entry("session.json") = j.dump(); };
        std::string path;
        if (w == "text") {
            path = (m_dir / "text.aelab").string();
            test::writeBytes(path, "hello, not a zip");
        } else if (w == "truncated" || w == "crc") {
            const std::string bytes = zipBytes(entries);
            path = (m_dir / (w + ".aelab")).string();
            if (w == "truncated") {
                test::writeBytes(path, bytes.substr(0, bytes.size() / 2));
            } else {
                // Flip a byte inside the first entry's deflated data.
                std::string broken = bytes;
                broken[60] = char(broken[60] ^ 0x5a);
                test::writeBytes(path, broken);
            }
        } else {
            nlohmann::json j = index();
            if (w == "no-index")
                entries.erase(std::find_if(entries.begin(), entries.end(),
                                           [](const ZipEntry& e) { return e.name == "session.json"; }));
            else if (w == "bad-json")
                entry("session.json") = "{\"aelab_session\": 1, ";
            else if (w == "deep-json")
                entry("session.json") = std::string(100000, '[');
            else if (w == "no-version")
                j.erase("aelab_session"), setIndex(j);
            else if (w == "version-2")
                j["aelab_session"] = 2, setIndex(j);
            else if (w == "runs-object")
                j["runs"] = nlohmann::json::object(), setIndex(j);
            else if (w == "no-settings")
                j["runs"][0].erase("settings"), setIndex(j);
            else if (w == "short-curve")
                j["runs"][0]["curves"]["train"]["step"].erase(0), setIndex(j);
            else if (w == "no-weights")
                entries.erase(std::find_if(entries.begin(), entries.end(),
                                           [](const ZipEntry& e) { return e.name == "runs/1/final.safetensors"; }));
            else if (w == "bad-weights")
                entry("runs/1/final.safetensors").resize(40);
            else if (w == "other-weights")
                entry("runs/1/final.safetensors") = entry("runs/2/final.safetensors"),
                j["runs"][0]["settings"]["values"]["hidden"] = {7}, setIndex(j);
            else if (w == "bad-codes")
                entry("runs/1/probe_codes.npy").resize(20);
            else if (w == "short-labels") {
                writeNpyInt((m_dir / "one.npy").string(), {1});
                entry("runs/1/probe_labels.npy") = test::readBytes(m_dir / "one.npy");
            }
            else if (w == "unknown-variant")
                j["runs"][0]["settings"]["variant"] = "nope", setIndex(j);
            else if (w == "huge-hidden")
                j["runs"][0]["settings"]["values"]["hidden"] = {1 << 30}, setIndex(j);
            path = write(w + ".aelab", entries);
        }
        const std::string message = errorOf([&] { loadSession(path); });
        QVERIFY2(message.find(expected.toStdString()) != std::string::npos, message.c_str());
    }

    void zipBombIsRefusedBeforeInflating()
    {
        // 64 MiB of zeros deflate to ~64 kB; with a 16 MiB budget the reader
        // refuses from the declared sizes alone.
        const auto path = write("bomb.aelab", {{"session.json", "{}"}, {"zeros", std::string(64u << 20, '\0')}});
        QVERIFY(std::filesystem::file_size(path) < (1u << 20));
        ZipLimits limits;
        limits.maxTotalBytes = 16u << 20;
        limits.maxEntryBytes = 16u << 20;
        const std::string message = errorOf([&] { loadSession(path, limits); });
        QVERIFY2(message.find("more than the 16777216") != std::string::npos, message.c_str());
        // Too many entries.
        std::vector<ZipEntry> many;
        for (int i = 0; i < 50; ++i)
            many.push_back({"e" + std::to_string(i), "x"});
        limits = ZipLimits{};
        limits.maxEntries = 20;
        const std::string manyMessage = errorOf([&] { loadSession(write("many.aelab", many), limits); });
        QVERIFY2(manyMessage.find("holds 50 entries") != std::string::npos, manyMessage.c_str());
    }

    void entryThatInflatesPastItsDeclaredSizeIsRefused()
    {
        // Patch the declared size of the only entry (central directory and local
        // header) down by one: the data inflates to more than it says.
        std::string bytes = zipBytes({{"session.json", std::string(1000, 'a')}});
        const auto patch = [&](std::size_t at) {
            std::uint32_t v;
            std::memcpy(&v, bytes.data() + at, 4);
            QCOMPARE(v, 1000u);
            v = 999;
            std::memcpy(bytes.data() + at, &v, 4);
        };
        patch(22);                                    // local header: uncompressed size
        const std::size_t central = bytes.find("PK\x01\x02");
        QVERIFY(central != std::string::npos);
        patch(central + 24);                          // central directory: uncompressed size
        const auto path = (m_dir / "liar.aelab").string();
        test::writeBytes(path, bytes);
        const std::string message = errorOf([&] { loadSession(path); });
        QVERIFY2(message.find("session.json") != std::string::npos, message.c_str());
    }

    void failedSaveLeavesTheOldFile()
    {
        const auto path = (m_dir / "kept.aelab").string();
        saveSession(path, Session{m_runs, {}, {}, {}});
        const std::string before = test::readBytes(path);
        injectWriteFault(WriteFault{WriteStep::Write, ENOSPC, 1, 4096});
        const std::string message = errorOf([&] { saveSession(path, Session{{m_runs[0]}, {}, {}, {}}); });
        injectWriteFault(std::nullopt);
        QVERIFY2(message.find(path) != std::string::npos, message.c_str());
        QCOMPARE(test::readBytes(path), before);
        QCOMPARE(loadSession(path).runs.size(), std::size_t(2));
    }
};

QTEST_APPLESS_MAIN(TestSession)
#include "test_session.moc"
