#pragma once
// What this build of aelab is: its version and the libraries compiled into
// the core, with their versions (Help > About, aelab-cli --version).
#include <string>
#include <vector>

namespace aelab {

struct LibraryVersion {
    std::string name;
    std::string version;
    std::string licence;   // SPDX identifier
};

std::string aelabVersion();
std::vector<LibraryVersion> coreLibraries();   // Eigen, zlib, libzip, nlohmann-json

} // namespace aelab
