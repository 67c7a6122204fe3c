#!/usr/bin/env bash
# The README's first command: install what is missing, build, and open aelab
# on Fashion-MNIST. Without a display it runs a short aelab-cli training demo.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
build=${AELAB_BUILD_DIR:-build}
if [ -x "$build/app/aelab" ] && { [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; }; then
  exec "$build/app/aelab" "$@"
fi
echo "aelab: no display found; running a short command-line training demo instead."
exec "$build/app/aelab-cli" train --variant ae --dataset fashion-mnist --epochs 3 --limit 20000
