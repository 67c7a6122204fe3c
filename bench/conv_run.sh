#!/usr/bin/env bash
# aelab's conv autoencoder against PyTorch, in one command:
#   bench/conv_run.sh             3 rounds; each runs, alternating so that a busy
#                                 moment of the machine hits every side, aelab-cli
#                                 and PyTorch on 1 thread and on all cores
#   ROUNDS=5 bench/conv_run.sh    more rounds
#   CHANNELS=32,64 BATCH=64       the deeper model of the bench (default 16,32, 128)
#   THREADS="1"                   thread settings to try (default: "1 $(nproc)")
#   LIMIT=N                       train on the first N images (default 20000)
#   SKIP_PEAK=1                   skip the FMA/GEMM peak measurement
#   AELAB_CLI=path                use this aelab-cli instead of building one
#   AELAB_BUILD_DIR=dir           where to build aelab-cli (default: build)
#
# Model on both sides (bench/conv_torch.py has PyTorch's), for channels a,b:
# Conv(1->a, 3x3, pad 1) ReLU MaxPool2, Conv(a->b, 3x3, pad 1) ReLU MaxPool2,
# Linear(49 b->16), Linear(16->49 b) ReLU, ConvTranspose(b->a, 3, stride 2, pad
# 1, output pad 1) ReLU, ConvTranspose(a->1, same), sigmoid+BCE, Adam 1e-3, one
# epoch. Prints samples/s of each run, the best and median of each side at
# each thread setting, the ratio of aelab's best setting to PyTorch's, the
# median of the per-round ratios at each thread setting (the runs of one
# round share the machine's load, so that ratio moves least on a busy
# machine), aelab's gain from its threads, and GFLOP/s against the peak.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
rounds=${ROUNDS:-3}
limit=${LIMIT:-20000}
channels=${CHANNELS:-16,32}
export BATCH=${BATCH:-128}
settings=(${THREADS:-1 $(nproc)})
work=$(mktemp -d "${TMPDIR:-/tmp}/aelab-conv-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

. "$here/common.sh"
"$here/setup.sh"

# aelab uses its own thread pool; PyTorch's OpenMP threads keep GOMP's
# default (spin, then sleep) unless OMP_WAIT_POLICY is set by the caller.

cli=$(aelab_cli)
machine_line
echo "aelab-cli: $cli; channels $channels, $limit images, one epoch, batch $BATCH;" \
  "OMP_WAIT_POLICY for PyTorch: ${OMP_WAIT_POLICY:-unset}"
peak_file "$work/peak.txt"
warn_if_busy

run_aelab() {
  aelab_rate "$work/aelab.txt" "$cli" "$1" --limit "$limit" --arch conv --channels "$channels" --latent 16 --up deconv
}
run_torch() { torch_rate "$work/torch.txt" "$here/conv_torch.py" "$1" "$limit" --channels "$channels"; }

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
echo "load average after the runs: $(cut -d' ' -f1-3 /proc/loadavg)"

args=()
for s in "${sides[@]}"; do args+=("$s=${results[$s]}"); done
/usr/bin/python3 - "$channels" "$work/peak.txt" "${args[@]}" <<'PY'
import re, statistics, sys
channels = [int(c) for c in sys.argv[1].split(",")]
peak = open(sys.argv[2]).read()
sides = {}
for arg in sys.argv[3:]:
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
threads = sorted(int(k[6:-1]) for k in sides if k.startswith("aelab-"))
if len(threads) > 1:
    one, many = f"aelab-{threads[0]}t", f"aelab-{threads[-1]}t"
    gains = [m / o for m, o in zip(sides[many], sides[one])]
    print(f"aelab {threads[-1]} threads / {threads[0]}: best {best[many] / best[one]:.2f}x, "
          f"median of the per-round ratios {statistics.median(gains):.2f}x")
# Matrix-product FLOPs per sample (3x3 kernels, 28x28 images, code 16):
# forward 2 x multiply-adds; backward twice that, less the first conv's dX.
levels, sizes = [1] + channels, [28 // 2 ** i for i in range(len(channels) + 1)]
conv = [2 * o * c * 9 * s * s for c, o, s in zip(levels, levels[1:], sizes)]   # Conv2d, at its output plane
dense = 2 * 16 * channels[-1] * sizes[-1] ** 2                                # each of the two Linear layers
up = [2 * c * o * 9 * s * s for o, c, s in zip(levels, levels[1:], sizes[1:])]  # ConvTranspose2d, at its input plane
forward = sum(conv) + 2 * dense + sum(up)
flops = 3 * forward - conv[0]
fma = {int(t): max(float(a), float(b)) for t, a, b in
       re.findall(r"fma (\d+) thread\(s\): ([\d.]+) GFLOP/s with 256-bit vectors, ([\d.]+)", peak)}
print(f"{flops / 1e6:.2f} MFLOP per sample in matrix products")
for k in sides:
    t = int(k.split("-")[1].rstrip("t"))
    achieved = best[k] * flops / 1e9
    line = f"{k}: {achieved:.1f} GFLOP/s (best run)"
    if t in fma:
        # t cores do at least t/n times what n of them did: a busy moment
        # during the peak measurement must not lower the ceiling.
        ceiling = max(v * t / n for n, v in fma.items() if n <= t)
        line += f", {100 * achieved / ceiling:.0f}% of the FMA peak on {t} thread(s) ({ceiling:.0f})"
    print(line)
PY
