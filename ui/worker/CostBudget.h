#pragma once
// Keeps a recurring job on the training thread (the views, the timeline's
// probe codes, snapshots) to a share of the training time: it is due once at
// least `minInterval` seconds have passed since it last ran and, if it took
// c seconds then, at least `budget` x c seconds. A job that costs 5 ms with
// a budget of 40 comes at most every 200 ms: 1/40 of the time.
#include <chrono>

namespace aelab::ui {

class CostBudget {
public:
    CostBudget(double budget, double minIntervalSeconds);

    bool due() const;
    void ran(double costSeconds);   // it ran just now and took this long
    void reset();                   // due at once, cost forgotten
    double secondsSinceLast() const;

private:
    using Clock = std::chrono::steady_clock;
    double m_budget;
    double m_minInterval;
    Clock::time_point m_last;
    double m_cost = 0;
};

} // namespace aelab::ui
