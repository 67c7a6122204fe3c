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
# fails. AELAB_CI_STAGES="fuzz asan tsan" picks stages. CI gives 90 minutes
# in all: with AELAB_CI_START (the epoch second CI began) and
# AELAB_CI_LIMIT_S, a stage that would begin after that many seconds is not
# started and says so loudly (it is not reported as passed).
set -euo pipefail
cd "$(dirname "$0")/.."
stages=${AELAB_CI_STAGES:-fuzz asan tsan}
status=0
start=$(date +%s)
for stage in $stages; do
  echo "== ci-hardening: $stage (at $(( $(date +%s) - start )) s)"
  if [ -n "${AELAB_CI_START:-}" ] && [ -n "${AELAB_CI_LIMIT_S:-}" ] \
     && [ $(( $(date +%s) - AELAB_CI_START )) -gt "$AELAB_CI_LIMIT_S" ]; then
    echo "== ci-hardening: NOT RUN: $stage (CI has used over $AELAB_CI_LIMIT_S s of its 90 minutes)"
    continue
  fi
  case "$stage" in
    fuzz) scripts/fuzz.sh "${FUZZ_SECONDS:-20}" || status=1 ;;
    asan) scripts/sanitize.sh asan-ci || status=1 ;;
    tsan) scripts/sanitize.sh tsan-ci || status=1 ;;
    *) echo "ci-hardening: unknown stage $stage" >&2; exit 2 ;;
  esac
done
echo "== ci-hardening: done in $(( $(date +%s) - start )) s, status $status"
exit $status
