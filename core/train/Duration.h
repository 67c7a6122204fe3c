#pragma once
// A duration as a clock time for progress lines and the status bar.
#include <string>

namespace aelab {

// "1:23", "2:05:09"; "?" when unknown (negative, NaN or infinite).
std::string formatDuration(double seconds);

} // namespace aelab
