#pragma once
// A CSV file's rows as maps from the header's names to fields (RFC 4180
// quotes), for tests that read back what aelab wrote.
#include <map>
#include <string>
#include <vector>

namespace aelab::test {

std::vector<std::map<std::string, std::string>> csvRows(const std::string& text);

} // namespace aelab::test
