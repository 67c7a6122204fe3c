#pragma once
// aelab-cli retrieve: how well a semantic-hashing model's binary codes
// retrieve items of the query's class, by Hamming distance, against
// Euclidean distance on the raw inputs and random-projection LSH with the
// same number of bits.
#include "cli/Args.h"

#include <ostream>

namespace aelab::cli {

// aelab-cli retrieve --model FILE --dataset D [--limit N] [--queries N] [--k K] [--seed N] [--threads N]
// The database is the training set (capped by --limit), the queries the
// first --queries test samples (default 1000); relevant = same label.
int commandRetrieve(const Args& args, std::ostream& out);

} // namespace aelab::cli
