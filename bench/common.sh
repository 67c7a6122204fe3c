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

# aelab_rate OUT CLI THREADS ARGS...: samples/s of one `aelab-cli train` run
# (its output kept in OUT; on failure it is shown and the script stops).
aelab_rate() {
  local out=$1 cli=$2 threads=$3
  shift 3
  "$cli" train --variant ae --dataset fashion-mnist --val 0 --epochs 1 --activation relu \
    --output sigmoid-bce --optimizer adam --lr 1e-3 --batch 128 --threads "$threads" "$@" \
    </dev/null >"$out" 2>&1 || { cat "$out" >&2; exit 1; }
  sed -n 's/.* \([0-9.]*\) samples\/s.*/\1/p' "$out" | head -1
}

# torch_rate OUT SCRIPT THREADS LIMIT: samples/s of one PyTorch script run.
torch_rate() {
  OMP_NUM_THREADS=$3 /usr/bin/python3 "$2" --threads "$3" --limit "$4" >"$1" 2>&1 || { cat "$1" >&2; exit 1; }
  sed -n 's/.*samples\/s=\([0-9.]*\).*/\1/p' "$1"
}

# bench_tool NAME: bench/NAME.cpp linked against aelab_core of build_target's
# tree, compiled with the library's own flags (Eigen's data layout depends on
# -march); prints the executable's path ($build/bench/NAME).
bench_tool() {
  local here build flags
  here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
  build=$(build_target aelab_core)
  flags=$build/core/CMakeFiles/aelab_core.dir/flags.make
  mkdir -p "$build/bench"
  # shellcheck disable=SC2046
  ${CCACHE:-$(command -v ccache || true)} g++ $(sed -n 's/^CXX_FLAGS = //p; s/^CXX_DEFINES = //p' "$flags") \
    -I "$here/../core" -isystem /usr/include/eigen3 "$here/$1.cpp" "$build/core/libaelab_core.a" -lz -pthread \
    -o "$build/bench/$1" >&2
  echo "$build/bench/$1"
}
