#include "layers/ParameterBudget.h"

#include "math/Error.h"

namespace aelab {

namespace {
thread_local bool t_active = false;
thread_local std::int64_t t_remaining = 0;
} // namespace

ParameterBudget::ParameterBudget(std::int64_t limit)
    : m_previousRemaining(t_remaining), m_previousActive(t_active)
{
    t_active = true;
    t_remaining = limit;
}

ParameterBudget::~ParameterBudget()
{
    t_active = m_previousActive;
    t_remaining = m_previousRemaining;
}

void ParameterBudget::claim(std::int64_t count)
{
    if (!t_active)
        return;
    if (count < 0 || count > t_remaining)
        fail(ErrorKind::Format, "the described model has more parameters than the file holds");
    t_remaining -= count;
}

} // namespace aelab
