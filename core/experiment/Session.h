#pragma once
// A session file (.aelab): everything a user explored, in one file to mail.
// A zip archive (io/ZipArchive) holding
//   session.json                  {"aelab_session": 1, "runs": [record JSON
//                                  (RunRecordJson) + "files"], "form", "view",
//                                  "lesson"}
//   runs/<i>/final.safetensors    the final weights (a plain safetensors file:
//   runs/<i>/initial.safetensors  the initial ones; both readable by PyTorch)
//   runs/<i>/probe_codes.npy, probe_map.npy, probe_labels.npy,
//   runs/<i>/originals.npy, reconstructions.npy
// The front end's own state travels as opaque JSON: "form" (the form's
// settings), "view" (current tab, plot axes, ...) and "lesson": null, or
// {"id": "...", "step": n} for the lesson in progress (the Lessons feature
// fills and reads it; the core only carries it).
#include "experiment/RunRecord.h"
#include "io/ZipArchive.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace aelab {

inline constexpr int kSessionFormatVersion = 1;

struct Session {
    std::vector<RunRecord> runs;
    nlohmann::json form = nlohmann::json::object();
    nlohmann::json view = nlohmann::json::object();
    nlohmann::json lesson;   // null: no lesson in progress
};

// Atomic: a failed save leaves an existing file byte-identical.
void saveSession(const std::string& path, const Session& session);
void saveSession(const std::string& path, const std::vector<const RunRecord*>& runs,
                 const nlohmann::json& form, const nlohmann::json& view, const nlohmann::json& lesson);

// The limits a session is read under: the machine's memory budget
// (data/MemoryBudget) bounds what the entries may inflate to.
ZipLimits sessionLimits();

// Reads and checks everything (sizes, counts, shapes, each run's weights
// against its variant) before returning. Throws Error(Io) when the file
// cannot be read, Error(Format) naming the path and what is wrong otherwise.
Session loadSession(const std::string& path, const ZipLimits& limits = sessionLimits());

} // namespace aelab
