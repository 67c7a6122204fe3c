#!/usr/bin/env bash
# The README's second command: install what is missing, build, and run the
# whole test suite through CTest (offscreen; no display needed).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
build=${AELAB_BUILD_DIR:-build}
export QT_QPA_PLATFORM=offscreen
# Tests run one OpenMP thread each, two tests at a time: on small matrices that
# uses the 2 cores better than threads that spin waiting for each other.
ctest --test-dir "$build" --output-on-failure --timeout 600 -j2 "$@"
