// keepTrainingMemory() (math/Memory.h): a training step's large, short-lived
// blocks stay on the heap instead of a fresh mmap() each, and freed heap is
// kept, so a step does not fault the same pages in again. It once compiled
// to nothing (its glibc test came before any libc header); this checks the
// allocator really changed.
#include "Sanitizer.h"

#include "math/Memory.h"

#include <QtTest>

#include <cstdlib>
#if defined(__GLIBC__)
#include <malloc.h>
#endif

class TestMemory : public QObject {
    Q_OBJECT

private slots:
    void largeBlocksStayOnTheHeap()
    {
#if defined(__GLIBC__)
        AELAB_SKIP_UNDER_SANITIZER("its allocator replaces glibc's, whose mallinfo2() this test reads");
        aelab::keepTrainingMemory();
        constexpr std::size_t kBlock = 8 << 20;   // 8 MB: glibc would mmap() it (over 128 KB)
        const struct mallinfo2 before = mallinfo2();
        auto* block = static_cast<volatile char*>(std::malloc(kBlock));
        QVERIFY(block != nullptr);
        block[0] = 1;
        block[kBlock - 1] = 1;
        const struct mallinfo2 during = mallinfo2();
        QCOMPARE(during.hblks, before.hblks);   // no new mmap()ed block
        QVERIFY(during.arena >= kBlock);        // on the heap
        std::free(const_cast<char*>(block));
        const struct mallinfo2 after = mallinfo2();
        QVERIFY(after.arena >= kBlock);         // freed, but not handed back to the system
        QVERIFY(after.fordblks >= kBlock);      // and free for the next step
#else
        QSKIP("keepTrainingMemory() changes glibc's allocator only");
#endif
    }
};

QTEST_APPLESS_MAIN(TestMemory)
#include "test_memory.moc"
