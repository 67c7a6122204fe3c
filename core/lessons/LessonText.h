#pragma once
// The pieces lesson and explanation files share (Lesson.h, Explanation.h):
// a text in every language aelab ships ("en" and "zh", both required), and
// the settings a step sets up, in the words aelab-cli uses (variant names,
// `--param key=value` keys and values, `--dataset` specs). Files come from
// teachers, so every reader here bounds what it accepts and names the field
// it refuses.
#include "train/Run.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace aelab {

// A text in English and Simplified Chinese.
struct LocalText {
    std::string en, zh;
    bool empty() const { return en.empty(); }
    // "zh", "zh_CN", "zh-Hans"...: the Chinese; anything else: the English.
    const std::string& in(const std::string& language) const;
};

// One run a step trains: a variant with the values it names (the others
// take their defaults), epochs and seed.
struct LessonRun {
    LocalText name;                 // the kept run's name in the Runs tab
    std::string variant;            // "ae"
    nlohmann::json params = nlohmann::json::object();   // {"latent": "2"}: as the file gives them
    int epochs = 5;
    std::uint64_t seed = 1;

    // The run's settings: the variant's defaults, the named values (checked
    // against its specs, ranges that depend on others included) and what
    // they bring along (activation linear brings output linear-mse).
    RunSettings settings() const;
};

// What a step sets up: the dataset, the runs (trained one after another; two
// or more are compared in the Runs tab) and the tab to show.
struct LessonSetup {
    std::string dataset;            // a built-in dataset: "moons", "spiral:3", "fashion-mnist"
    int limit = 0;                  // training samples; 0: all
    std::vector<LessonRun> runs;    // none: the step only shows a tab
    std::string tab;                // "training", "explorer", "features", "diagnostics", "runs"; "": stay
    bool empty() const { return dataset.empty() && runs.empty() && tab.empty(); }
};

namespace lessonjson {

// Limits a file must keep to (a hostile file is refused, not obeyed).
constexpr std::size_t kMaxFileBytes = 512 * 1024;
constexpr std::size_t kMaxTextChars = 4000;
constexpr std::size_t kMaxSteps = 40;
constexpr std::size_t kMaxRuns = 8;
constexpr std::size_t kMaxListItems = 30;
constexpr int kMaxEpochs = 500;
constexpr int kMaxLimit = 100000;
constexpr int kMaxDepth = 16;

// Parses `text` as JSON, refusing more than kMaxFileBytes; `what` names the
// file kind in messages ("lesson").
nlohmann::json parse(const std::string& text, const std::string& what);

// Each throws Error(Format) "<what> field <path>: <why>".
const nlohmann::json& member(const nlohmann::json& object, const std::string& key, const std::string& path,
                             const std::string& what);
bool has(const nlohmann::json& object, const std::string& key);
void onlyKeys(const nlohmann::json& object, const std::vector<std::string>& keys, const std::string& path,
              const std::string& what);
std::string string(const nlohmann::json& value, const std::string& path, const std::string& what,
                   std::size_t maxChars = kMaxTextChars);
LocalText text(const nlohmann::json& value, const std::string& path, const std::string& what);
const nlohmann::json& array(const nlohmann::json& value, const std::string& path, const std::string& what,
                            std::size_t maxItems);
long long integer(const nlohmann::json& value, const std::string& path, const std::string& what, long long min,
                  long long max);
LessonSetup setup(const nlohmann::json& object, const std::string& path, const std::string& what);
[[noreturn]] void refuse(const std::string& path, const std::string& why, const std::string& what);

} // namespace lessonjson

} // namespace aelab
