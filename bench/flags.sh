#!/usr/bin/env bash
# Which build options make training fastest? Builds aelab_core once per
# configuration, links bench/step_time.cpp against each, then runs them in
# turn (ROUNDS times, alternating) and prints, per configuration, the time of
# one training step of the benchmark model (ae 784-512-256-2, ReLU,
# sigmoid+BCE, Adam, batch 128; no data loading):
#   cpu1   CPU ms per step on 1 thread: steady even on a busy machine
#   wallN  wall ms per step on all cores: needs an otherwise idle machine
#
#   bench/flags.sh                     all configurations below
#   CONFIGS="native-generic blas" bench/flags.sh
#   SRC=dir                            the source tree (default: this repo)
#   FLAGS_BUILD_ROOT=dir               where the builds go (default: build-flags)
#   ROUNDS=5 STEPS=200 THREADS=2       rounds, steps per run, threads
#
# Configurations:
#   O3              -O3 only (AELAB_PORTABLE=ON: no -march)
#   native-znver    -O3 -march=native with GCC's default tuning for this CPU
#   native-generic  -O3 -march=native -mtune=generic (aelab's default)
#   blas            native-generic with EIGEN_USE_BLAS on the system BLAS
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=${SRC:-$(cd "$here/.." && pwd)}
out=${FLAGS_BUILD_ROOT:-$src/build-flags}
rounds=${ROUNDS:-5}
steps=${STEPS:-200}
threads=${THREADS:-$(nproc)}
read -r -a configs <<<"${CONFIGS:-O3 native-znver native-generic blas}"

cmake_args() {
  case $1 in
    O3) echo "-DAELAB_PORTABLE=ON" ;;
    native-znver) echo "-DAELAB_PORTABLE=ON -DCMAKE_CXX_FLAGS=-march=native" ;;
    native-generic) echo "" ;;
    blas) echo "-DAELAB_USE_BLAS=ON" ;;
    *) echo "bench flags: unknown configuration $1" >&2; exit 1 ;;
  esac
}
link_args() {
  case $1 in
    blas) echo "-pthread -l:libblas.so.3" ;;
    *) echo "-pthread" ;;
  esac
}

launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
mkdir -p "$out"
for c in "${configs[@]}"; do
  # shellcheck disable=SC2046
  if ! { cmake -S "$src" -B "$out/$c" -DCMAKE_BUILD_TYPE=Release -DAELAB_BUILD_GUI=OFF -DAELAB_BUILD_TESTS=OFF \
           "${launcher[@]}" $(cmake_args "$c") &&
         cmake --build "$out/$c" --target aelab_core -j"${JOBS:-1}"; } >"$out/$c.log" 2>&1; then
    tail -20 "$out/$c.log" >&2
    echo "bench flags: building $c failed (log: $out/$c.log)" >&2
    exit 1
  fi
  # step_time with the library's own flags: Eigen's data layout depends on -march.
  make_flags=$out/$c/core/CMakeFiles/aelab_core.dir/flags.make
  # shellcheck disable=SC2046
  g++ $(sed -n 's/^CXX_FLAGS = //p; s/^CXX_DEFINES = //p' "$make_flags") -I "$src/core" -I/usr/include/eigen3 \
    "$here/step_time.cpp" "$out/$c/core/libaelab_core.a" -lz $(link_args "$c") -o "$out/$c/step_time"
  echo "built $c: $(sed -n 's/^CXX_FLAGS = //p; s/^CXX_DEFINES = //p' "$make_flags" | tr '\n' ' ')"
done

echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
declare -A cpu1 wall
for ((r = 1; r <= rounds; r++)); do
  for c in "${configs[@]}"; do
    line=$("$out/$c/step_time" "$steps" 1)
    cpu1[$c]="${cpu1[$c]:-} $(sed -n 's/.*cpu_ms=\([0-9.]*\).*/\1/p' <<<"$line")"
    line=$("$out/$c/step_time" "$steps" "$threads")
    wall[$c]="${wall[$c]:-} $(sed -n 's/.*wall_ms=\([0-9.]*\).*/\1/p' <<<"$line")"
  done
done
printf '%-16s %28s %28s\n' config "cpu1 ms/step best (median)" "wall${threads} ms/step best (median)"
for c in "${configs[@]}"; do
  stats() { tr ' ' '\n' <<<"$1" | grep . | sort -n | awk '{v[NR]=$1} END {printf "%.2f (%.2f)", v[1], v[int((NR+1)/2)]}'; }
  printf '%-16s %28s %28s\n' "$c" "$(stats "${cpu1[$c]}")" "$(stats "${wall[$c]}")"
done
