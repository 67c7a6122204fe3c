#include "experiment/LabelBudget.h"

#include "math/Error.h"
#include "math/Rng.h"

#include <algorithm>
#include <cerrno>
#include <cstdlib>

namespace aelab {

std::string labelBudgetText(int perClass)
{
    return perClass == kAllLabels ? "all" : std::to_string(perClass);
}

std::vector<int> parseLabelBudgets(const std::string& text)
{
    std::vector<int> budgets;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t comma = std::min(text.find(',', start), text.size());
        const std::string word = text.substr(start, comma - start);
        int budget = kAllLabels;
        if (word != "all") {
            char* end = nullptr;
            errno = 0;
            const long v = std::strtol(word.c_str(), &end, 10);
            if (word.empty() || *end != '\0' || errno != 0 || v < 1 || v > 100000000)
                fail(ErrorKind::InvalidArgument, "labels per class '" + word
                     + "' is neither a whole number >= 1 nor 'all' (e.g. 1,10,100,all)");
            budget = int(v);
        }
        if (std::find(budgets.begin(), budgets.end(), budget) != budgets.end())
            fail(ErrorKind::InvalidArgument, "labels per class '" + word + "' is given twice");
        budgets.push_back(budget);
        start = comma + 1;
    }
    return budgets;
}

std::vector<int> pickPerClass(const std::vector<int>& labels, int perClass, std::uint64_t seed)
{
    if (perClass != kAllLabels && perClass < 1)
        fail(ErrorKind::InvalidArgument, "labels per class must be at least 1");
    const int classes = classCount(labels);
    std::vector<std::vector<int>> members(std::size_t(std::max(classes, 0)));
    for (int i = 0; i < int(labels.size()); ++i)
        if (labels[std::size_t(i)] >= 0)
            members[std::size_t(labels[std::size_t(i)])].push_back(i);
    std::vector<int> chosen;
    for (int c = 0; c < classes; ++c) {
        std::vector<int>& m = members[std::size_t(c)];
        // One stream per class: a class's order does not depend on the others.
        Rng rng(seed * 0x9e3779b97f4a7c15ull + std::uint64_t(c) + 1);
        const std::vector<int> order = rng.permutation(int(m.size()));
        const int take = perClass == kAllLabels ? int(m.size()) : std::min(perClass, int(m.size()));
        for (int i = 0; i < take; ++i)
            chosen.push_back(m[std::size_t(order[std::size_t(i)])]);
    }
    std::sort(chosen.begin(), chosen.end());
    return chosen;
}

int classCount(const std::vector<int>& labels)
{
    int top = -1;
    for (int y : labels)
        top = std::max(top, y);
    return top + 1;
}

} // namespace aelab
