// aelab session files (.aelab): a zip archive (sizes, counts, CRCs), its
// session.json (every run's record) and each run's safetensors and .npy
// entries, whose weights must fit the model their settings describe. The
// limits are small, so a declared size the fuzzer inflates is refused
// instead of allocated. A session that opens must rebuild its runs' models.
#include "FuzzSupport.h"

#include "experiment/Session.h"

using namespace aelab;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string path = fuzz::writeScratch("session.aelab", data, size);
    ZipLimits limits;
    limits.maxFileBytes = 64u << 20;
    limits.maxEntries = 1000;
    limits.maxEntryBytes = 64u << 20;
    limits.maxTotalBytes = 64u << 20;
    fuzz::expectOnlyAelabErrors([&] {
        Session session = loadSession(path, limits);
        for (const RunRecord& r : session.runs) {
            auto model = rebuildModel(r);
            r.toJson();
        }
    });
    return 0;
}
