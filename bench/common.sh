# Sourced by the bench scripts: what they share.

# build_target TARGET: configures ./build (or $AELAB_BUILD_DIR) if needed and
# builds TARGET there; prints the build directory.
build_target() {
  local root build launcher=()
  root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
  build=${AELAB_BUILD_DIR:-$root/build}
  if [ ! -f "$build/CMakeCache.txt" ]; then
    command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
    cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release "${launcher[@]}" >/dev/null
  fi
  cmake --build "$build" --target "$1" -j"$(nproc)" >/dev/null
  echo "$build"
}

# aelab_cli: $AELAB_CLI if set, else aelab-cli built by build_target.
aelab_cli() {
  local cli=${AELAB_CLI:-}
  [ -n "$cli" ] || cli=$(build_target aelab-cli)/app/aelab-cli
  [ -x "$cli" ] || { echo "bench: no aelab-cli at $cli" >&2; return 1; }
  echo "$cli"
}

machine_line() {
  echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
}
