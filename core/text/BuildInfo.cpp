#include "text/BuildInfo.h"

#include <Eigen/Core>
#include <nlohmann/json.hpp>
#include <zip.h>
#include <zlib.h>

namespace aelab {

namespace {
std::string dotted(int major, int minor, int patch)
{
    return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
}
} // namespace

std::string aelabVersion()
{
    // Defined for this file only (core/CMakeLists.txt) from project(VERSION).
    return AELAB_CORE_VERSION;
}

std::vector<LibraryVersion> coreLibraries()
{
    return {
        {"Eigen", dotted(EIGEN_WORLD_VERSION, EIGEN_MAJOR_VERSION, EIGEN_MINOR_VERSION), "MPL-2.0"},
        {"zlib", zlibVersion(), "Zlib"},
        {"libzip", zip_libzip_version(), "BSD-3-Clause"},
        {"nlohmann-json",
         dotted(NLOHMANN_JSON_VERSION_MAJOR, NLOHMANN_JSON_VERSION_MINOR, NLOHMANN_JSON_VERSION_PATCH), "MIT"},
    };
}

} // namespace aelab
