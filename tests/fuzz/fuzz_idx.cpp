// IDX files (MNIST and relatives), raw or gzip: the header checks, the
// readers' limits and the memory budget's estimate from the header. Built
// twice: AELAB_FUZZ_IDX_NAME ends in ".gz" for the gzip target, whose corpus
// holds gzip files (zlib reads a non-gzip file as raw, so both meet every
// input; the name only picks the seeds).
#include "FuzzSupport.h"

#include "data/Idx.h"
#include "data/IdxDataset.h"

#include <algorithm>
#include <numeric>

#ifndef AELAB_FUZZ_IDX_NAME
#define AELAB_FUZZ_IDX_NAME "train-images-idx3-ubyte"
#endif

using namespace aelab;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string path = fuzz::writeScratch(AELAB_FUZZ_IDX_NAME, data, size);
    fuzz::expectOnlyAelabErrors([&] { readIdxDims(path); });
    fuzz::expectOnlyAelabErrors([&] {
        const IdxArray a = readIdx(path, 64);
        const SampleShape shape = idxSampleShape(a, path);
        (void)shape;
        std::vector<int> rows(std::min<std::size_t>(a.dims.empty() ? 0 : a.dims[0], 8));
        std::iota(rows.begin(), rows.end(), 0);
        idxRowsScaled(a, rows);
    });
    fuzz::expectOnlyAelabErrors([&] { readIdxLabels(path, 64); });
    fuzz::expectOnlyAelabErrors([&] {
        SampleShape shape;
        readIdxImages(path, shape, 32);
    });
    // As a dataset: the estimate from the header against a 64 MiB budget,
    // then the split.
    fuzz::expectOnlyAelabErrors([&] {
        IdxFiles files;
        files.trainImages = path;
        loadIdxFiles(files, 48, 16, 1, MemoryBudget{std::uint64_t(64) << 20, "fuzz"});
    });
    return 0;
}
