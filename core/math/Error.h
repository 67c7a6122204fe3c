#pragma once
// The one exception type the core throws. Library code never exits: it throws
// an Error whose message a user can act on, and the caller (CLI or GUI) shows it.
#include <stdexcept>
#include <string>

namespace aelab {

enum class ErrorKind {
    InvalidArgument, // a flag or hyperparameter out of range, an unknown name
    Io,              // a file that cannot be opened, read or written
    Format,          // a file whose contents are malformed or fail a check
    Unsupported,     // a valid request this build or dataset cannot serve
};

class Error : public std::runtime_error {
public:
    Error(ErrorKind kind, const std::string& message);
    ErrorKind kind() const { return m_kind; }

private:
    ErrorKind m_kind;
};

[[noreturn]] void fail(ErrorKind kind, const std::string& message);

} // namespace aelab
