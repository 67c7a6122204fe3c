#pragma once
// A hyperparameter declared once: the CLI's flags, the GUI's form, the model
// file and the explanations are all generated from these specs (after
// PyTorch's C++ options: a field, its default, one line of doc).
#include <nlohmann/json.hpp>

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
};

std::string typeName(ParamType type);

// Human-readable range: "[1e-06, 1]", "one of: relu, tanh", "on/off".
std::string describeRange(const ParamSpec& spec);

} // namespace aelab
