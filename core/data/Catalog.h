#pragma once
// The one entry point that turns a dataset name or path into a Dataset.
//
// A spec is one of:
//   fashion-mnist                  Debian's dataset-fashion-mnist package (the
//                                  directory can be overridden with the
//                                  AELAB_FASHION_MNIST_DIR environment variable)
//   moons, circles, spiral[:ARMS], gaussians[:BLOBS], swiss-roll, s-curve,
//   shapes                         built in, generated from the seed
//   DIR                            a directory with MNIST-style IDX files:
//                                  train-images-idx3-ubyte[.gz], and optionally
//                                  train-labels-idx1-ubyte, t10k-images/labels
//   idx:IMAGES[,LABELS]            one IDX pair (split 80/20 by seed)
//   FILE.csv                       a numeric CSV (split 80/20 by seed)
// Every loaded dataset carries its fingerprint (see Fingerprint.h).
#include "data/Dataset.h"
#include "data/MemoryBudget.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace aelab {

struct LoadOptions {
    int limit = -1;               // cap on training samples; < 0: all
    int testLimit = -1;           // cap on test samples; < 0: all when limit < 0,
                                  // else max(limit / 6, 100)
    std::uint64_t seed = 1;       // generated sets and train/test splits
    int syntheticSamples = 2000;  // training samples of a generated set (before limit)
    double noise = -1;            // generated sets' noise; < 0: each set's default
    std::string labelColumn = "auto"; // CSV label column (see CsvOptions)
    std::optional<MemoryBudget> memory; // what a file dataset may take; unset: machineMemoryBudget()
};

struct DatasetInfo {
    std::string name;        // a spec loadDataset accepts
    std::string description; // one line for a list
    bool isImage = false;
    std::vector<std::string> classNames;   // its classes' names, where they are words (not "arm 2")
};

std::vector<DatasetInfo> builtinDatasets();

Dataset loadDataset(const std::string& spec, const LoadOptions& options = {});

// Where Fashion-MNIST is looked for: $AELAB_FASHION_MNIST_DIR, else
// /usr/share/datasets/fashion-mnist.
std::string fashionMnistDir();

} // namespace aelab
