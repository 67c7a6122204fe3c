// Faults that lose nothing: a save that fails (a full disk, the file-size
// limit, a permission error, a failed rename) leaves the old file
// byte-identical and no temporary behind, and its message names the cause.
// The faults are injected into the atomic writer (io/WriteFault.h), except
// the file-size limit, which is also set for real (RLIMIT_FSIZE). Saves
// killed mid-write leave temporaries that the next save removes.
#include "TestSupport.h"

#include "io/AtomicFile.h"
#include "io/TemporaryFiles.h"
#include "io/WriteFault.h"
#include "math/Error.h"

#include <QtTest>

#include <cerrno>
#include <csignal>
#include <filesystem>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace aelab;
using aelab::test::namesIn;
using aelab::test::outcomeOf;
using aelab::test::readBytes;
using aelab::test::writeBytes;
namespace fs = std::filesystem;

Q_DECLARE_METATYPE(aelab::WriteStep)

namespace {

// 200 KB: more than the writer's 64 KB buffer, so a fault can strike after
// part of the new file has reached the disk.
StreamWriter bigWriter(char fill)
{
    return [fill](std::ostream& out) { out << std::string(200000, fill); };
}

// The pid of a process that has exited (and been reaped).
pid_t deadPid()
{
    const pid_t child = ::fork();
    if (child == 0)
        ::_exit(0);
    ::waitpid(child, nullptr, 0);
    return child;
}

void makeOld(const fs::path& file)
{
    fs::last_write_time(file, fs::file_time_type::clock::now() - std::chrono::hours(1));
}

// Arms a fault for one scope.
struct ScopedFault {
    explicit ScopedFault(const WriteFault& f) { injectWriteFault(f); }
    ~ScopedFault() { injectWriteFault(std::nullopt); }
};

} // namespace

class TestAtomicFile : public QObject {
    Q_OBJECT

private:
    fs::path m_dir;

    std::string pathOf(const std::string& name) const { return (m_dir / name).string(); }

private slots:
    void init() { m_dir = test::freshTempDir("atomic"); }
    void cleanup()
    {
        injectWriteFault(std::nullopt);
        fs::remove_all(m_dir);
    }

    void faultLeavesOldFile_data()
    {
        QTest::addColumn<WriteStep>("step");
        QTest::addColumn<int>("error");
        QTest::addColumn<qulonglong>("afterBytes");
        QTest::addColumn<QString>("cause");
        QTest::newRow("disk full at once") << WriteStep::Write << ENOSPC << 0ull << "disk is full";
        QTest::newRow("disk full mid-file") << WriteStep::Write << ENOSPC << 150000ull << "disk is full";
        QTest::newRow("quota") << WriteStep::Write << EDQUOT << 70000ull << "quota";
        QTest::newRow("file-size limit") << WriteStep::Write << EFBIG << 100000ull << "file-size limit";
        QTest::newRow("permission") << WriteStep::Create << EACCES << 0ull << "permission denied";
        QTest::newRow("read-only") << WriteStep::Create << EROFS << 0ull << "read-only";
        QTest::newRow("rename") << WriteStep::Rename << EIO << 0ull << "rename failed";
    }

    void faultLeavesOldFile()
    {
        QFETCH(WriteStep, step);
        QFETCH(int, error);
        QFETCH(qulonglong, afterBytes);
        QFETCH(QString, cause);
        const std::string path = pathOf("model.safetensors");
        writeFileAtomically(path, std::string_view("the old bytes"));

        const ScopedFault fault({step, error, 1, afterBytes});
        const test::Outcome o = outcomeOf([&] { writeFileAtomically(path, bigWriter('n')); });
        QVERIFY2(o.threwAelab && o.kind == ErrorKind::Io, o.message.c_str());
        QVERIFY2(o.message.find(path) != std::string::npos, o.message.c_str());
        QVERIFY2(o.message.find(cause.toStdString()) != std::string::npos, o.message.c_str());
        QCOMPARE(readBytes(path), std::string("the old bytes"));
        QCOMPARE(namesIn(m_dir), std::vector<std::string>{"model.safetensors"});
    }

    // The kernel's own limit, not an injected one: past RLIMIT_FSIZE it sends
    // SIGXFSZ, which killed the process silently (exit 153) and left the
    // temporary. Now the save fails with a message and this test lives on.
    void realFileSizeLimit()
    {
        const std::string path = pathOf("codes.npy");
        writeFileAtomically(path, std::string_view("the old bytes"));
        rlimit old{};
        QCOMPARE(::getrlimit(RLIMIT_FSIZE, &old), 0);
        rlimit small = old;
        small.rlim_cur = 4096;
        QCOMPARE(::setrlimit(RLIMIT_FSIZE, &small), 0);
        const test::Outcome o = outcomeOf([&] { writeFileAtomically(path, bigWriter('n')); });
        ::setrlimit(RLIMIT_FSIZE, &old);
        QVERIFY2(o.threwAelab && o.kind == ErrorKind::Io, o.message.c_str());
        QVERIFY2(o.message.find("file-size limit (ulimit -f: 4096 bytes)") != std::string::npos, o.message.c_str());
        QCOMPARE(readBytes(path), std::string("the old bytes"));
        QCOMPARE(namesIn(m_dir), std::vector<std::string>{"codes.npy"});
    }

    // Codes and labels: a disk that fills while the second is written, or a
    // rename that fails after the first was replaced, leaves both as they were.
    void pairIsAllOrNothing_data()
    {
        QTest::addColumn<WriteStep>("step");
        QTest::addColumn<int>("error");
        QTest::newRow("second file's write") << WriteStep::Write << ENOSPC;
        QTest::newRow("second file's rename") << WriteStep::Rename << EISDIR;
    }

    void pairIsAllOrNothing()
    {
        QFETCH(WriteStep, step);
        QFETCH(int, error);
        const std::string codes = pathOf("codes.npy");
        const std::string labels = pathOf("codes.labels.npy");
        writeFilesAtomically({{codes, bigWriter('c')}, {labels, bigWriter('l')}});
        const std::string oldCodes = readBytes(codes);
        const std::string oldLabels = readBytes(labels);

        {
            const ScopedFault fault({step, error, 2, 1000});
            const test::Outcome o = outcomeOf(
                [&] { writeFilesAtomically({{codes, bigWriter('C')}, {labels, bigWriter('L')}}); });
            QVERIFY2(o.threwAelab && o.kind == ErrorKind::Io, o.message.c_str());
            QVERIFY2(o.message.find(labels) != std::string::npos, o.message.c_str());
        }
        QVERIFY(readBytes(codes) == oldCodes);
        QVERIFY(readBytes(labels) == oldLabels);
        QCOMPARE(namesIn(m_dir), (std::vector<std::string>{"codes.labels.npy", "codes.npy"}));

        writeFilesAtomically({{codes, bigWriter('C')}, {labels, bigWriter('L')}});
        QCOMPARE(readBytes(codes), std::string(200000, 'C'));
        QCOMPARE(readBytes(labels), std::string(200000, 'L'));
        QCOMPARE(namesIn(m_dir), (std::vector<std::string>{"codes.labels.npy", "codes.npy"}));
    }

    // A pair where only the first file existed: a failed rename of the
    // second puts the first back and creates neither.
    void pairWithoutOldSecondFile()
    {
        const std::string codes = pathOf("codes.npy");
        const std::string labels = pathOf("codes.labels.npy");
        writeFileAtomically(codes, std::string_view("old codes"));
        {
            const ScopedFault fault({WriteStep::Rename, EIO, 2, 0});
            QVERIFY(outcomeOf([&] {
                        writeFilesAtomically({{codes, bigWriter('C')}, {labels, bigWriter('L')}});
                    }).threwAelab);
        }
        QCOMPARE(readBytes(codes), std::string("old codes"));
        QCOMPARE(namesIn(m_dir), std::vector<std::string>{"codes.npy"});
    }

    // What kill -9 mid-save leaves: temporaries of dead processes, removed by
    // the next save of the same path once they have been quiet for a minute;
    // a live process's, a fresh one, another file's and other names stay.
    void staleTemporariesAreRemoved()
    {
        const std::string path = pathOf("model.safetensors");
        const std::string dead = std::to_string(deadPid());
        const std::string alive = std::to_string(::getppid());
        const std::vector<std::string> kept{
            "model.safetensors.tmp-" + alive + "-3",        // its process still runs
            "model.safetensors.tmp-" + dead + "-9",         // changed a moment ago
            "other.safetensors.tmp-" + dead + "-0",         // another file's
            "model.safetensors.tmp-" + dead + "-x",         // not aelab's naming
            "model.safetensors.tmp-" + dead,
            "model.safetensors.tmp-" + dead + "-0.keep",
        };
        for (const std::string& name : kept)
            writeBytes(m_dir / name, "someone's");
        for (const std::string& name : kept)
            if (name.find("-9") == std::string::npos)
                makeOld(m_dir / name);
        const std::string stale = "model.safetensors.tmp-" + dead + "-0";
        writeBytes(m_dir / stale, std::string(100000, 's'));
        makeOld(m_dir / stale);
        fs::create_directory(m_dir / ("model.safetensors.tmp-" + dead + "-1"));   // a folder: not ours

        writeFileAtomically(path, std::string_view("new"));

        QVERIFY(!fs::exists(m_dir / stale));
        for (const std::string& name : kept)
            QVERIFY2(fs::exists(m_dir / name), name.c_str());
        QVERIFY(fs::is_directory(m_dir / ("model.safetensors.tmp-" + dead + "-1")));
        QCOMPARE(readBytes(path), std::string("new"));
    }

    void temporaryNamesAreDistinct()
    {
        const std::string a = temporaryPathFor("x/model.safetensors");
        const std::string b = temporaryPathFor("x/model.safetensors");
        QVERIFY(a != b);
        QVERIFY(a.rfind("x/model.safetensors.tmp-" + std::to_string(::getpid()) + "-", 0) == 0);
    }
};

QTEST_APPLESS_MAIN(TestAtomicFile)
#include "test_atomic_file.moc"
