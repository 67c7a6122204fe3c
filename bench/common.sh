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
# (its output kept in OUT; on failure it is shown and the script stops), at
# batch $BATCH (default 128).
aelab_rate() {
  local out=$1 cli=$2 threads=$3
  shift 3
  "$cli" train --variant ae --dataset fashion-mnist --val 0 --epochs 1 --activation relu \
    --output sigmoid-bce --optimizer adam --lr 1e-3 --batch "${BATCH:-128}" --threads "$threads" "$@" \
    </dev/null >"$out" 2>&1 || { cat "$out" >&2; exit 1; }
  sed -n 's/.* \([0-9.]*\) samples\/s.*/\1/p' "$out" | head -1
}

# torch_rate OUT SCRIPT THREADS LIMIT [ARGS...]: samples/s of one PyTorch
# script run, at batch $BATCH (default 128).
torch_rate() {
  local out=$1 script=$2 threads=$3 limit=$4
  shift 4
  OMP_NUM_THREADS=$threads /usr/bin/python3 "$script" --threads "$threads" --limit "$limit" --batch "${BATCH:-128}" "$@" \
    >"$out" 2>&1 || { cat "$out" >&2; exit 1; }
  sed -n 's/.*samples\/s=\([0-9.]*\).*/\1/p' "$out"
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

# Other programs running at the same time ruin multi-threaded figures (a
# descheduled thread stalls its partners): warn_if_busy says how idle the
# CPUs were over 2 seconds, and warns below 90%.
cpu_idle() {
  local t1 i1 t2 i2
  read -r t1 i1 < <(awk '/^cpu /{t=0; for(i=2;i<=NF;i++) t+=$i; print t, $5+$6}' /proc/stat)
  sleep 2
  read -r t2 i2 < <(awk '/^cpu /{t=0; for(i=2;i<=NF;i++) t+=$i; print t, $5+$6}' /proc/stat)
  echo $((100 * (i2 - i1) / (t2 - t1)))
}
warn_if_busy() {
  local idle
  idle=$(cpu_idle)
  echo "cpu idle before the runs: $idle%"
  [ "$idle" -lt 90 ] && echo "bench: WARNING: the machine is busy; multi-threaded figures will be low and erratic" >&2
  return 0
}

# peak_file PATH: bench/peak.cpp's figures (FMA and Eigen's GEMM on 1 and
# all cores) written to PATH (left empty when SKIP_PEAK is set).
peak_file() {
  local here threads
  here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
  threads=$(nproc)
  : >"$1"
  [ -n "${SKIP_PEAK:-}" ] && return 0
  g++ -O3 -march=native -mtune=generic -fopenmp -I/usr/include/eigen3 "$here/peak.cpp" -o "$1.bin"
  OMP_NUM_THREADS=$threads "$1.bin" | tee "$1"
}
