#include "training/LossTermKinds.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace aelab::ui {

namespace {

// The diagnostics variants report beside their losses (core/models): not
// minimised, and on scales of their own.
constexpr std::array<const char*, 5> kMetrics{"disc_acc", "mean_activation", "jacobian_norm", "saturation",
                                              "missing_rmse"};

// "kl_12" -> the position of '_'; npos when the name does not end in _<digits>.
std::size_t dimensionSuffix(const std::string& name)
{
    const std::size_t underscore = name.rfind('_');
    if (underscore == std::string::npos || underscore == 0 || underscore + 1 >= name.size())
        return std::string::npos;
    const bool digits = std::all_of(name.begin() + std::ptrdiff_t(underscore) + 1, name.end(),
                                    [](unsigned char c) { return std::isdigit(c) != 0; });
    return digits ? underscore : std::string::npos;
}

} // namespace

LossTermKind lossTermKind(const std::string& name)
{
    if (std::find(kMetrics.begin(), kMetrics.end(), name) != kMetrics.end())
        return LossTermKind::Metric;
    if (dimensionSuffix(name) != std::string::npos)
        return LossTermKind::PerDimension;
    return LossTermKind::Loss;
}

QString lossTermGroup(const std::string& name)
{
    const std::size_t underscore = dimensionSuffix(name);
    if (underscore == std::string::npos)
        return QString::fromStdString(name);
    return QString::fromStdString(name.substr(0, underscore)) + "_*";
}

} // namespace aelab::ui
