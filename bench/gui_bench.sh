#!/usr/bin/env bash
# The window's cost on training, and the main thread's longest stall
# (see gui_bench.cpp for what is measured and how).
#   bench/gui_bench.sh [--limit N] [--epochs E] [--rounds R] [--threads T]
#   AELAB_BUILD_DIR=dir   where to build (default: build)
# Runs under Xvfb when xvfb-run is installed (a real X server, as a user
# sees it), else on Qt's offscreen platform.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${AELAB_BUILD_DIR:-$root/build}
if [ ! -f "$build/CMakeCache.txt" ]; then
  launcher=()
  command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release "${launcher[@]}" >/dev/null
fi
cmake --build "$build" --target aelab-gui-bench -j"$(nproc)" >/dev/null
echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
if command -v xvfb-run >/dev/null; then
  exec xvfb-run -a -s "-screen 0 1600x1000x24" env QT_QPA_PLATFORM=xcb "$build/ui/aelab-gui-bench" "$@"
fi
QT_QPA_PLATFORM=offscreen exec "$build/ui/aelab-gui-bench" "$@"
