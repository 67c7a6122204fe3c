#!/usr/bin/env bash
# aelab's conv autoencoder against PyTorch, in one command:
#   bench/conv_run.sh             3 rounds; each runs, alternating so that a busy
#                                 moment of the machine hits every side, aelab-cli
#                                 and PyTorch on 1 thread and on all cores
#   ROUNDS=5 bench/conv_run.sh    more rounds
#   THREADS="1"                   thread settings to try (default: "1 $(nproc)")
#   LIMIT=N                       train on the first N images (default 20000)
#   AELAB_CLI=path                use this aelab-cli instead of building one
#   AELAB_BUILD_DIR=dir           where to build aelab-cli (default: build)
#
# Model on both sides (bench/conv_torch.py has PyTorch's): Conv(1->16, 3x3,
# pad 1) ReLU MaxPool2, Conv(16->32, 3x3, pad 1) ReLU MaxPool2, Linear(1568->16),
# Linear(16->1568) ReLU, ConvTranspose(32->16, 3, stride 2, pad 1, output pad 1)
# ReLU, ConvTranspose(16->1, same), sigmoid+BCE, Adam 1e-3, batch 128, one
# epoch. Prints samples/s of each run, the best and median of each side at
# each thread setting, the ratio of aelab's best setting to PyTorch's, and
# the median of the per-round ratios at each thread setting (the runs of one
# round share the machine's load, so that ratio moves least on a busy machine).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
rounds=${ROUNDS:-3}
limit=${LIMIT:-20000}
settings=(${THREADS:-1 $(nproc)})
work=$(mktemp -d "${TMPDIR:-/tmp}/aelab-conv-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

. "$here/common.sh"
"$here/setup.sh"

# aelab uses its own thread pool; PyTorch's OpenMP threads keep GOMP's
# default (spin, then sleep) unless OMP_WAIT_POLICY is set by the caller.

cli=$(aelab_cli)
machine_line
echo "aelab-cli: $cli; $limit images, one epoch, batch 128; OMP_WAIT_POLICY for PyTorch: ${OMP_WAIT_POLICY:-unset}"

run_aelab() {
  aelab_rate "$work/aelab.txt" "$cli" "$1" --limit "$limit" --arch conv --channels 16,32 --latent 16 --up deconv
}
run_torch() { torch_rate "$work/torch.txt" "$here/conv_torch.py" "$1" "$limit"; }

declare -A results
sides=()
for t in "${settings[@]}"; do sides+=("aelab-${t}t" "torch-${t}t"); done
printf '\n%-6s' round; for s in "${sides[@]}"; do printf ' %10s' "$s"; done; echo
for ((r = 1; r <= rounds; r++)); do
  printf '%-6s' "$r"
  for s in "${sides[@]}"; do
    t=${s#*-}; t=${t%t}
    case $s in
      aelab-*) v=$(run_aelab "$t") ;;
      torch-*) v=$(run_torch "$t") ;;
    esac
    results[$s]="${results[$s]:-} $v"
    printf ' %10s' "$v"
  done
  echo
done

args=()
for s in "${sides[@]}"; do args+=("$s=${results[$s]}"); done
/usr/bin/python3 - "${args[@]}" <<'PY'
import statistics, sys
sides = {}
for arg in sys.argv[1:]:
    name, values = arg.split("=", 1)
    sides[name] = [float(v) for v in values.split()]
best = {k: max(v) for k, v in sides.items()}
median = {k: statistics.median(v) for k, v in sides.items()}
print()
print(f"{'side':<10} {'best':>9} {'median':>9}   samples/s")
for k in sides:
    print(f"{k:<10} {best[k]:>9.0f} {median[k]:>9.0f}")
def top(prefix, table):
    return max((k for k in sides if k.startswith(prefix)), key=lambda k: table[k])
for label, table in (("best", best), ("median", median)):
    a, t = top("aelab", table), top("torch", table)
    print(f"ratio aelab / PyTorch, each at its {label} thread setting: {table[a] / table[t]:.2f}x ({a} vs {t})")
# Runs of one round follow each other, so they share the machine's load:
# the ratio within each round is the steadier figure on a busy machine.
for k in sides:
    if k.startswith("aelab-") and "torch-" + k[6:] in sides:
        pairs = [a / t for a, t in zip(sides[k], sides["torch-" + k[6:]])]
        print(f"paired ratio per round, {k} / torch-{k[6:]}: median {statistics.median(pairs):.2f}x "
              f"(rounds: {', '.join(f'{p:.2f}' for p in pairs)})")
PY
