#pragma once
// A hyperparameter declared once: the CLI's flags, the GUI's form, the model
// file and the explanations are all generated from these specs (after
// PyTorch's C++ options: a field, its default, one line of doc).
#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace aelab {

enum class ParamType {
    Int,      // whole number in [min, max]
    Real,     // real number in [min, max]
    Bool,     // on / off
    Choice,   // one of `choices`
    IntList,  // comma-separated whole numbers, each in [min, max], e.g. "512,256"
};

// A condition on another setting of the same variant: it holds while `key`
// has one of `values` (a Choice's value, or "true"/"false" for a Bool).
struct ParamCondition {
    std::string key;
    std::vector<std::string> values;
};

// A narrower range that applies while a condition holds: the noise level is
// a fraction (at most 1) unless the corruption is gaussian. The CLI, the form
// and live changes all enforce it.
struct RangeWhen {
    ParamCondition when;
    double min = 0;
    double max = 0;
    std::string why;            // what the value means then: "a fraction of the inputs"
};

// A value a Choice spec knows but refuses for this variant, with the reason:
// --up unpool, whose max-pool switches would carry information about x past
// the code of a variant whose meaning needs the code to be the only path.
// The CLI, the form, sweeps and model files all refuse it with `why`.
struct RefusedChoice {
    std::string value;
    std::string why;            // "the decoder would read ...; use deconv or upsample"
};

// A value that brings another setting with it when a user picks it (the
// form; aelab-cli train when the other is not given): one step to the
// combination the value is for. Linear activations bring output linear-mse,
// without which the PCA claim does not hold.
struct ParamImplication {
    std::string value;          // this spec's value: "linear"
    std::string key;            // the other setting: "output"
    std::string to;             // its value then: "linear-mse"
};

struct ParamSpec {
    std::string key;            // "lr": the CLI flag --lr and the file's key
    std::string label;          // "Learning rate": the form's label
    ParamType type = ParamType::Real;
    nlohmann::json defaultValue;
    double min = 0;
    double max = 0;
    std::vector<std::string> choices;   // for Choice
    std::string help;           // one line, shown as a tooltip and by `aelab-cli list`
    bool logScale = false;      // a rate: the form steps it by factors
    bool liveTunable = false;   // may change while training runs
    std::string group = "Model";  // "Model", "Training", "Objective": form sections
    std::vector<RangeWhen> rangesWhen;            // for Int and Real
    std::optional<ParamCondition> appliesWhen;    // the value matters only then (the form disables it otherwise)
    std::vector<RefusedChoice> refused;           // for Choice: values refused here, each with its reason
    std::vector<ParamImplication> implies;        // for Choice: what picking a value brings with it
};

std::string typeName(ParamType type);

// Human-readable range: "[1e-06, 1]", "one of: relu, tanh", "on/off".
std::string describeRange(const ParamSpec& spec);

// "--corruption is masking or salt-pepper"
std::string describeCondition(const ParamCondition& condition);

} // namespace aelab
