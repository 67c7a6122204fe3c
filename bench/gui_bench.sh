#!/usr/bin/env bash
# The window's cost on training, and the main thread's longest stall
# (see gui_bench.cpp for what is measured and how).
#   bench/gui_bench.sh [--limit N] [--epochs E] [--rounds R] [--threads T] [--arch dense|conv]
#   AELAB_BUILD_DIR=dir   where to build (default: build)
# Runs under Xvfb when xvfb-run is installed (a real X server, as a user
# sees it), else on Qt's offscreen platform.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/bench/common.sh"
build=$(build_target aelab-gui-bench)
machine_line
if command -v xvfb-run >/dev/null; then
  exec xvfb-run -a -s "-screen 0 1600x1000x24" env QT_QPA_PLATFORM=xcb "$build/ui/aelab-gui-bench" "$@"
fi
QT_QPA_PLATFORM=offscreen exec "$build/ui/aelab-gui-bench" "$@"
