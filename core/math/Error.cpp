#include "math/Error.h"

namespace aelab {

Error::Error(ErrorKind kind, const std::string& message)
    : std::runtime_error(message), m_kind(kind) {}

void fail(ErrorKind kind, const std::string& message) { throw Error(kind, message); }

} // namespace aelab
