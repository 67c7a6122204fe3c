#pragma once
// A cap on how many parameters the layers built on this thread may allocate
// while a guard is alive. Loading a model file builds the model its metadata
// describes; the guard bounds that model by the number of weights the file
// really holds, so hostile metadata cannot make aelab allocate gigabytes.
#include <cstdint>

namespace aelab {

class ParameterBudget {
public:
    explicit ParameterBudget(std::int64_t limit);
    ~ParameterBudget();
    ParameterBudget(const ParameterBudget&) = delete;
    ParameterBudget& operator=(const ParameterBudget&) = delete;

    // Called by every layer before it allocates `count` parameters; throws
    // Error(Format) when a guard is active and the budget would be exceeded.
    static void claim(std::int64_t count);

private:
    std::int64_t m_previousRemaining;
    bool m_previousActive;
};

} // namespace aelab
