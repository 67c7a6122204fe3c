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

// The dimensions the header declares (dims[0]: the samples in the file),
// checked as readIdx checks them, without reading the data: what a loader
// needs to estimate the memory a file will take before reading it (of a
// gzip file, only the first bytes are decompressed).
std::vector<std::uint32_t> readIdxDims(const std::string& path);

// The shape of one sample: a file of shape (N, H, W) gives SampleShape
// {1, H, W}; (N, C, H, W) gives {C, H, W}; (N, F) gives {1, 1, F}. Throws
// Error(Format) for a one-dimensional file.
SampleShape idxSampleShape(const IdxArray& a, const std::string& path);

// The samples `rows` of `a`, in that order, as rows scaled to [0, 1]: the
// bytes stay bytes until the rows a dataset keeps are chosen.
Matrix idxRowsScaled(const IdxArray& a, const std::vector<int>& rows);

// Images (or any per-sample byte vectors) as rows scaled to [0, 1].
Matrix readIdxImages(const std::string& path, SampleShape& shapeOut, int limit = -1);

// A one-dimensional IDX file of class labels.
std::vector<int> readIdxLabels(const std::string& path, int limit = -1);

} // namespace aelab
