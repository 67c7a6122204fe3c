#pragma once
// Exact resume: a model file that also keeps where its run stood (the
// optimizers' state, the data split's rule, the trainer's position and its
// random stream), so the run continues with the numbers an uninterrupted run
// would have had: the same losses to the bit, for the same thread count.
//
// The file's metadata "resume" (JSON text):
//   {"version": 1,
//    "settings": {"variant", "values" (as they are now, live changes
//                 included), "epochs", "val", "seed", "batch"},
//    "split": {"rule": "seeded shuffle", "seed", "fraction",
//              "dataset_fingerprint", "train_rows", "val_rows"},
//    "trainer": {"epoch", "batch", "step", "samples_seen", "order": [..],
//                "rng": {"words": [4 x uint64], "has_spare", "spare_bits"},
//                "epoch_sum", "epoch_weight", "epoch_seconds",
//                "running_seconds"},
//    "optimizers": [{"name": "main", "kind": "adam", "step": 120,
//                    "buffers": {"m": 6, "v": 6}}, ..]}
// and tensors "resume.<optimizer>.<buffer>.<i>": buffer i of each, 2-D.
// The split is not stored row by row: its rule, seed and fraction and the
// data's fingerprint make it again (train/Split.h).
#include "io/ModelFile.h"
#include "train/Run.h"

#include <memory>
#include <string>

namespace aelab {

// The section saveModel writes for `run` (which must have a trainer).
ResumeSection resumeSectionOf(Run& run);

// saveModel with the resume section when the run has a trainer.
void saveRun(const std::string& path, Run& run);

// What an opened model lacks to be resumed ("" when it can be): an old
// file's missing sections, a finished or diverged run.
std::string resumeRefusal(const LoadedModel& loaded);

// A run rebuilt from `loaded` on `data`, at the step it was saved at.
// Throws Error: Unsupported with resumeRefusal's words, InvalidArgument when
// `data` is not the data it trained on, Format when the section is malformed.
std::unique_ptr<Run> resumeRun(const LoadedModel& loaded, std::shared_ptr<const Dataset> data,
                               std::string datasetSpec = {});

} // namespace aelab
