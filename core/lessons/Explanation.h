#pragma once
// A variant's explanation panel (resources/explanations/<variant>.json): what
// it is, its objective as a formula with each symbol's meaning and the loss
// terms by the names the loss plot gives them, what to watch in each view, a
// common failure and its sign, and one experiment to set up. English and
// Simplified Chinese, like lessons.
#include "lessons/LessonText.h"

#include <string>
#include <vector>

namespace aelab {

struct ExplanationItem {
    // A symbol ("β") or a loss term ("kl"), the same in every language (a
    // string in the file), or a view's name ({"en": "Diagnostics", "zh": "诊断"}).
    LocalText name;
    LocalText text;
};

struct Explanation {
    std::string variant;                  // a registry key: "vae"
    LocalText what;                       // what it is
    std::string formula;                  // the objective: text with <i>, <sub>, <sup> only
    std::vector<ExplanationItem> symbols; // each symbol of the formula
    std::vector<ExplanationItem> terms;   // each loss term, as the loss plot names it
    std::vector<ExplanationItem> watch;   // name: the view ("Latent map"), text: what to watch
    LocalText failure;                    // a common failure
    LocalText sign;                       // and how it shows
    LocalText experiment;                 // one experiment to try
    LessonSetup setup;                    // its settings (one run)
};

// Parses and checks an explanation file; throws Error(Format) naming the field.
Explanation parseExplanation(const std::string& text);

} // namespace aelab
