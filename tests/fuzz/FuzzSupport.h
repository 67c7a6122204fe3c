#pragma once
// Shared by the fuzz targets: aelab's readers take paths, so each input is
// written to a scratch file first (one folder per process, under TMPDIR,
// removed at exit), and the one exception a reader may throw for bad input
// is aelab::Error. Anything else escaping (std::bad_alloc, a JSON library's
// own exception) is a finding: libFuzzer reports it as a crash.
#include "math/Error.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>

namespace aelab::fuzz {

// The process's scratch folder (created on first use).
const std::string& scratchDir();

// Writes `size` bytes to scratchDir()/name (replacing it) and returns the path.
std::string writeScratch(const std::string& name, const std::uint8_t* data, std::size_t size);

// Whether AELAB_FUZZ_VERBOSE is set: each refusal's message is printed (to
// see why a seed or a reproducer is refused; libFuzzer runs stay quiet).
bool verbose();

// Runs `f`, accepting an aelab::Error as the reader's answer to bad input.
template <class F>
void expectOnlyAelabErrors(F&& f)
{
    try {
        f();
    } catch (const aelab::Error& e) {
        if (verbose())
            std::fprintf(stderr, "refused: %s\n", e.what());
    }
}

} // namespace aelab::fuzz
