#pragma once
// Datasets made of IDX files: an MNIST-style directory, or one images file
// with an optional labels file.
#include "data/Dataset.h"
#include "data/MemoryBudget.h"

#include <cstdint>
#include <string>

namespace aelab {

struct IdxFiles {
    std::string trainImages;  // required
    std::string trainLabels;  // each of the others may be empty (absent)
    std::string testImages;
    std::string testLabels;
};

// Finds train-images-idx3-ubyte (or .gz, or the "train-images.idx3-ubyte"
// spelling) and its siblings in a directory; throws Io when there are no
// training images.
IdxFiles findIdxFiles(const std::string& directory);

// Reads the files. Without test images, the training file is split 80/20 by
// seed. Limits < 0 keep everything. Class names are "0".."k-1", or
// `classNames` when given and long enough. Before any data is read, what it
// will take in memory is estimated from the headers and compared with
// `budget` (Error(Unsupported) with both figures when it does not fit).
Dataset loadIdxFiles(const IdxFiles& files, int trainLimit, int testLimit, std::uint64_t seed,
                     const MemoryBudget& budget, const std::vector<std::string>& classNames = {});

} // namespace aelab
