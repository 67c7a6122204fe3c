#!/usr/bin/env bash
# Builds tests/fuzz's libFuzzer targets (CMakePresets.json "fuzz": clang,
# ASan+UBSan) and runs each for SECONDS (default 30) on a scratch copy of its
# committed corpus, with its dictionary. New inputs stay in the scratch
# folder (FUZZ_OUT, default build-fuzz/runs); a crash leaves its input there
# as crash-*, and the script fails. Prints a line per target: executions per
# second, coverage (libFuzzer's cov: and ft:), corpus size, findings.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]     targets: idx idx_gzip csv
#                                             safetensors model_file npy image_folder session
#
# Reproduce a finding: build-fuzz/tests/fuzz/fuzz_<target> crash-<hash>, or
# without clang, the plain build's replay: build/tests/fuzz/fuzz_<target>_replay crash-<hash>.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(idx idx_gzip csv safetensors model_file npy image_folder session)

command -v clang++ >/dev/null || { apt-get update -qq && apt-get install -y -qq clang; }
command -v ninja >/dev/null || { apt-get update -qq && apt-get install -y -qq ninja-build; }
export CCACHE_BASEDIR=${CCACHE_BASEDIR:-$PWD} CCACHE_NOHASHDIR=1
export QT_QPA_PLATFORM=offscreen AELAB_THREADS=1
if [ -z "${FUZZ_NO_BUILD:-}" ]; then   # FUZZ_NO_BUILD=1: run what build-fuzz has
  cmake --preset fuzz >/dev/null
  cmake --build build-fuzz -j"${AELAB_JOBS:-2}" --target "${targets[@]/#/fuzz_}"
fi

dict_of() {
  case "$1" in
    idx|idx_gzip) echo tests/fuzz/dict/idx.dict ;;
    csv) echo tests/fuzz/dict/csv.dict ;;
    safetensors|model_file) echo tests/fuzz/dict/safetensors.dict ;;
    npy) echo tests/fuzz/dict/npy.dict ;;
  esac
}

out=${FUZZ_OUT:-$PWD/build-fuzz/runs}
status=0
summary=()
for t in "${targets[@]}"; do
  work=$out/$t
  rm -rf "$work" && mkdir -p "$work/corpus"
  dict=$(dict_of "$t")
  args=(-max_total_time="$seconds" -rss_limit_mb=2048 -malloc_limit_mb=1024 -timeout=10
        -print_final_stats=1 -artifact_prefix="$work/")
  [ -n "$dict" ] && args+=(-dict="$dict")
  echo "fuzz: $t for $seconds s"
  rc=0
  build-fuzz/tests/fuzz/fuzz_"$t" "${args[@]}" "$work/corpus" "tests/fuzz/corpus/$t" >"$work/log" 2>&1 || rc=$?
  # The last status line (#N DONE/pulse cov: C ft: F corp: ... exec/s: E).
  line=$(grep -E '^#[0-9]+' "$work/log" | tail -1 || true)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/log")
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$work/log")
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$line")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$line")
  corp=$(sed -n 's/.* corp: \([0-9]*\).*/\1/p' <<<"$line")
  crashes=$(find "$work" -maxdepth 1 -name 'crash-*' -o -maxdepth 1 -name 'leak-*' -o -maxdepth 1 -name 'oom-*' \
            -o -maxdepth 1 -name 'timeout-*' | wc -l)
  summary+=("$(printf '%-13s %5s s  %9s execs  %6s exec/s  cov %5s  ft %6s  corpus %5s  findings %s (exit %s)' \
    "$t" "$seconds" "${execs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" "$crashes" "$rc")")
  echo "${summary[-1]}"
  if [ "$rc" -ne 0 ] || [ "$crashes" -ne 0 ]; then
    status=1
    tail -40 "$work/log"
  fi
done
echo "fuzz summary ($(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)):"
printf '  %s\n' "${summary[@]}"
exit $status
