#!/usr/bin/env bash
# The README's second command: install what is missing, build, and run the
# whole test suite through CTest (offscreen; no display needed).
set -euo pipefail
cd "$(dirname "$0")/.."
# Debian's PyTorch serves one test only (test_torch_export: the exported
# module and train.py run in it); nothing else in the suite needs it.
# desktop-file-utils, appstream and dpkg-dev serve test_install (the desktop
# entry and AppStream file validated; cpack's dpkg-shlibdeps).
AELAB_EXTRA_PACKAGES="python3-torch desktop-file-utils appstream dpkg-dev ${AELAB_EXTRA_PACKAGES:-}" scripts/setup.sh
build=${AELAB_BUILD_DIR:-build}
export QT_QPA_PLATFORM=offscreen
# Tests run on one thread each (AELAB_THREADS=1, set per test in
# tests/CMakeLists.txt; test_parallel sets its own), two tests at a time.
ctest --test-dir "$build" --output-on-failure --timeout 600 -j2 "$@"
