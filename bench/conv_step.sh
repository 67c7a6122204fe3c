#!/usr/bin/env bash
# Builds bench/conv_step.cpp against aelab_core (./build, or $AELAB_BUILD_DIR)
# and runs it with the given arguments:
#   bench/conv_step.sh --threads 1 --steps 100
#   bench/conv_step.sh --layers --channels 32,64 --batch 64
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"
tool=$(bench_tool conv_step)
machine_line
"$tool" "$@"
