#!/usr/bin/env bash
# Soak: trains in the window for M minutes (default 30) while exploring,
# resetting, changing variants, exporting and saving every few seconds;
# reports resident memory after warm-up against the end, threads and open
# files, and the main thread's longest stall (see soak.cpp).
#   bench/soak.sh [--minutes M] [--warmup W] [--every S] [--dataset SPEC] [--limit N] [--threads T]
#   AELAB_BUILD_DIR=dir   where to build (default: build)
# Runs under Xvfb when xvfb-run is installed, else on Qt's offscreen platform.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/bench/common.sh"
build=$(build_target aelab-soak)
machine_line
if command -v xvfb-run >/dev/null; then
  exec xvfb-run -a -s "-screen 0 1600x1000x24" env QT_QPA_PLATFORM=xcb "$build/ui/aelab-soak" "$@"
fi
QT_QPA_PLATFORM=offscreen exec "$build/ui/aelab-soak" "$@"
