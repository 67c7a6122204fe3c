#!/usr/bin/env bash
# Builds and runs part of the test suite under a sanitizer (CMakePresets.json):
#
#   scripts/sanitize.sh asan      ASan+UBSan: the core, I/O and CLI tests and
#                                 the fuzz corpus replays (every test but the
#                                 window's)
#   scripts/sanitize.sh asan-gui  ASan+UBSan: the window's tests (test_gui,
#                                 test_language, test_explore_gui,
#                                 test_runs_gui, test_image_folder)
#   scripts/sanitize.sh tsan      TSan: the thread pool and parallel loops,
#                                 the trainer and run, and the worker's tests
#                                 (the window trains and explores on threads)
#   scripts/sanitize.sh asan-ci   CI's ASan+UBSan subset: the core, I/O and
#                                 CLI tests in the float build, compiled by
#                                 clang in the fuzz preset's tree (one build
#                                 serves these tests and the fuzz targets)
#   scripts/sanitize.sh tsan-ci   CI's TSan subset: the thread pool, the
#                                 sample chains, the trainer and run (the
#                                 worker's tests are not in it: with Debian's
#                                 uninstrumented Qt, TSan cannot see the
#                                 queued calls' hand-over and reports each one;
#                                 docs/HARDENING.md)
#
# Extra arguments go to ctest (e.g. -R test_cli). Each stage prints its wall
# and CPU time (docs/HARDENING.md has the figures). Not part of
# scripts/test.sh: the sanitizer builds take far longer than the suite.
set -euo pipefail
cd "$(dirname "$0")/.."
stage=${1:-}
shift || true

gui='^(test_gui|test_language|test_explore_gui|test_runs_gui|test_image_folder|test_session_gui|test_lessons_gui|test_present_gui|test_drawing_gui|test_export)$'
case "$stage" in
  asan)     preset=asan; include='.';  exclude=$gui ;;
  asan-gui) preset=asan; include=$gui; exclude='^$' ;;
  tsan)     preset=tsan
            include='^(test_parallel|test_sample_chain|test_trainer|test_run|test_runs|test_gui_core|test_gui|test_explore_gui|test_runs_gui)$'
            exclude='^$' ;;
  asan-ci)  preset=fuzz
            include='^(test_cli|test_modelfile|test_session|test_resume|test_safetensors|test_npy|test_atomic_file|test_data|test_memory_budget|test_trainer|test_run|test_layers|test_optim|test_rng|test_conv_layers|test_im2col|test_pooling|test_sample_chain|test_explore_core|test_gui_core)$'
            exclude='^$' ;;
  tsan-ci)  preset=tsan
            include='^(test_parallel|test_sample_chain|test_trainer|test_run)$'
            exclude='^$' ;;
  *) echo "usage: $0 asan|asan-gui|tsan|asan-ci|tsan-ci [ctest arguments]" >&2; exit 2 ;;
esac

# Debian's packages as scripts/setup.sh installs them (it is not run here: it
# would build the plain build too); Ninja for the presets.
command -v ninja >/dev/null || { apt-get update -qq && apt-get install -y -qq ninja-build; }
if [ "$preset" = fuzz ]; then
  command -v clang++ >/dev/null || { apt-get update -qq && apt-get install -y -qq clang; }
fi
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$PWD} CCACHE_NOHASHDIR=1
export QT_QPA_PLATFORM=offscreen
supp=$PWD/tests/sanitizers
export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:detect_stack_use_after_return=1:strict_init_order=1"
export LSAN_OPTIONS="suppressions=$supp/lsan.supp:print_suppressions=0"
export UBSAN_OPTIONS="halt_on_error=1:print_stacktrace=1"
export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$supp/tsan.supp"
build=build-$preset
jobs=${AELAB_JOBS:-2}

now() { date +%s.%N; }
cpu() { awk '{print $14 + $15 + $16 + $17}' /proc/$$/stat; }   # this shell and its waited-for children, in ticks
report() {   # report LABEL START_WALL START_CPU
  local ticks; ticks=$(getconf CLK_TCK)
  awk -v l="$1" -v w0="$2" -v w1="$(now)" -v c0="$3" -v c1="$(cpu)" -v t="$ticks" \
    'BEGIN { printf "sanitize %s: wall %.0f s, cpu %.0f s\n", l, w1 - w0, (c1 - c0) / t }'
}

w=$(now); c=$(cpu)
cmake --preset "$preset" >/dev/null
# Only the executables the chosen tests need (their names are the tests').
tests=$(ctest --test-dir "$build" -N -R "$include" -E "$exclude" | awk '/Test +#/ {print $3}')
cmake --build "$build" -j"$jobs" --target aelab-cli $tests
report "$stage build" "$w" "$c"

w=$(now); c=$(cpu)
status=0
ctest --test-dir "$build" --output-on-failure --timeout 3000 -j"$jobs" -R "$include" -E "$exclude" "$@" || status=$?
report "$stage tests" "$w" "$c"
exit $status
