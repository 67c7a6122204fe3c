#!/usr/bin/env bash
# How the time of a training epoch grows with the dataset's size, the
# network's width and the latent size: one aelab-cli run per line, printed
# as a markdown table (bench/README.md, "Time per epoch against size").
#   bench/scaling.sh              every row below, on 1 thread and all cores
#   THREADS="1" bench/scaling.sh  thread settings to try
#   AELAB_CLI=path                use this aelab-cli instead of building one
# Each run: Fashion-MNIST's first N training images, one epoch, no
# validation, Adam 1e-3, batch 128, sigmoid+BCE. Seconds per epoch are the
# epoch loop's (N / samples/s, without loading); CPU seconds are the whole
# process's (loading included), the figure that moves least on a busy machine.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"
settings=(${THREADS:-1 $(nproc)})
cli=$(aelab_cli)
machine_line
warn_if_busy
out=$(mktemp "${TMPDIR:-/tmp}/aelab-scaling.XXXXXX")
trap 'rm -f "$out"' EXIT

dense() { echo "--hidden $1 --latent $2"; }
conv() { echo "--arch conv --up deconv --channels $1 --latent $2"; }
# what varies | images | model flags
rows=(
  "images|7500|$(dense 512,256 2)"   "images|15000|$(dense 512,256 2)"
  "images|30000|$(dense 512,256 2)"  "images|60000|$(dense 512,256 2)"
  "images|7500|$(conv 16,32 16)"     "images|15000|$(conv 16,32 16)"
  "images|30000|$(conv 16,32 16)"    "images|60000|$(conv 16,32 16)"
  "width|60000|$(dense 128,64 2)"    "width|60000|$(dense 256,128 2)"
  "width|60000|$(dense 1024,512 2)"  "width|60000|$(conv 8,16 16)"
  "width|60000|$(conv 32,64 16)"
  "latent|60000|$(dense 512,256 16)" "latent|60000|$(dense 512,256 64)"
  "latent|60000|$(dense 512,256 256)" "latent|60000|$(conv 16,32 2)"
  "latent|60000|$(conv 16,32 64)"
)
printf '| varies | images | model | parameters |'
for t in "${settings[@]}"; do printf ' s/epoch, %s thr | us/sample, %s thr |' "$t" "$t"; done
printf ' CPU s, 1 thr |\n|---|---:|---|---:|'
for t in "${settings[@]}"; do printf -- '---:|---:|'; done
printf -- '---:|\n'
for row in "${rows[@]}"; do
  IFS='|' read -r varies images flags <<<"$row"
  # shellcheck disable=SC2086
  model=$(sed -e 's/--arch conv --up deconv --channels \([^ ]*\) --latent \(.*\)/conv \1, latent \2/' \
              -e 's/--hidden \([^ ]*\) --latent \(.*\)/dense \1, latent \2/' <<<"$flags")
  printf '| %s | %s | %s |' "$varies" "$images" "$model"
  cpu=""
  for t in "${settings[@]}"; do
    start=$(awk '{print $14 + $15 + $16 + $17}' /proc/$$/stat)
    # shellcheck disable=SC2086
    rate=$(aelab_rate "$out" "$cli" "$t" --limit "$images" $flags)
    ticks=$(( $(awk '{print $14 + $15 + $16 + $17}' /proc/$$/stat) - start ))
    [ "$t" = 1 ] && cpu=$(awk -v t="$ticks" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.1f", t / hz}')
    [ "$t" = "${settings[0]}" ] && params=$(sed -n 's/.*samples of [0-9]* features), \([0-9]*\) parameters.*/\1/p' "$out")
    [ "$t" = "${settings[0]}" ] && printf ' %s |' "$params"
    awk -v n="$images" -v r="$rate" 'BEGIN {printf " %.2f | %.0f |", n / r, 1e6 / r}'
  done
  printf ' %s |\n' "${cpu:-}"
done
echo "load average after the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
