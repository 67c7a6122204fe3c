#include "worker/CostBudget.h"

#include <algorithm>

namespace aelab::ui {

CostBudget::CostBudget(double budget, double minIntervalSeconds) : m_budget(budget), m_minInterval(minIntervalSeconds)
{
    reset();
}

double CostBudget::secondsSinceLast() const
{
    return std::chrono::duration<double>(Clock::now() - m_last).count();
}

bool CostBudget::due() const { return secondsSinceLast() >= std::max(m_minInterval, m_budget * m_cost); }

void CostBudget::ran(double costSeconds)
{
    m_last = Clock::now();
    m_cost = costSeconds;
}

void CostBudget::reset()
{
    m_last = Clock::now() - std::chrono::hours(1);
    m_cost = 0;
}

} // namespace aelab::ui
