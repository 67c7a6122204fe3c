#!/usr/bin/env bash
# CI's hardening stages (issue 19, docs/HARDENING.md), run by .ci/run after
# the suite (scripts/test.sh):
#   1. the fuzz targets, each FUZZ_SECONDS (default 20) on its committed
#      corpus (clang, libFuzzer + ASan + UBSan: scripts/fuzz.sh)
#   2. in the same clang tree, the core, I/O and CLI tests under ASan + UBSan
#      (scripts/sanitize.sh asan-ci)
#   3. GCC TSan: the thread pool, trainer, run and worker tests
#      (scripts/sanitize.sh tsan-ci)
# Each stage prints its wall and CPU time; the script fails if any stage
# fails. AELAB_CI_STAGES="fuzz asan tsan" picks stages.
set -euo pipefail
cd "$(dirname "$0")/.."
stages=${AELAB_CI_STAGES:-fuzz asan tsan}
status=0
start=$(date +%s)
for stage in $stages; do
  echo "== ci-hardening: $stage (at $(( $(date +%s) - start )) s)"
  case "$stage" in
    fuzz) scripts/fuzz.sh "${FUZZ_SECONDS:-20}" || status=1 ;;
    asan) scripts/sanitize.sh asan-ci || status=1 ;;
    tsan) scripts/sanitize.sh tsan-ci || status=1 ;;
    *) echo "ci-hardening: unknown stage $stage" >&2; exit 2 ;;
  esac
done
echo "== ci-hardening: done in $(( $(date +%s) - start )) s, status $status"
exit $status
