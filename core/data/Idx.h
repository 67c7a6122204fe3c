#pragma once
// Reader for the IDX format of MNIST and its relatives (Fashion-MNIST,
// KMNIST, EMNIST), gzip-compressed or raw. Only unsigned-byte data (type
// 0x08) is supported, which is what those datasets use.
//
// Every size in the header is checked before anything is allocated, and the
// data buffer grows with what the file actually holds, so a corrupt or
// hostile header cannot make the reader allocate gigabytes.
#include "data/Dataset.h"

#include <cstdint>
#include <string>
#include <vector>

namespace aelab {

struct IdxArray {
    std::vector<std::uint32_t> dims; // dims[0] = samples kept (after the limit)
    std::uint32_t fileCount = 0;     // samples the file holds
    std::vector<std::uint8_t> data;  // dims product bytes, row-major
};

// Reads the first `limit` samples (all when limit < 0) of an IDX file.
IdxArray readIdx(const std::string& path, long long limit = -1);

// Images (or any per-sample byte vectors) as rows scaled to [0, 1].
// A file of shape (N, H, W) gives SampleShape {1, H, W}; (N, C, H, W) gives
// {C, H, W}; (N, F) gives {1, 1, F}.
Matrix readIdxImages(const std::string& path, SampleShape& shapeOut, int limit = -1);

// A one-dimensional IDX file of class labels.
std::vector<int> readIdxLabels(const std::string& path, int limit = -1);

} // namespace aelab
