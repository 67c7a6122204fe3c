#!/usr/bin/env bash
# The figures of issue 14 (experiments), from real runs on Fashion-MNIST:
#   1. probe: logistic regression and 5-NN on the codes of `ae`, `sparse`,
#      `stacked` and `vae` (latent 32), on raw pixels and on PCA-32, with 1,
#      10, 100 and all labels per class;
#   2. fine-tune: each model's encoder plus a softmax head, from its weights
#      and from a random start, with 1, 10 and 100 labels per class;
#   3. a batch-size sweep (16 .. 1024, log steps) and a learning-rate sweep
#      (1e-5 .. 1e-1, log steps) of `ae`, latent 32;
# then bench/experiments_summary.py prints them as markdown tables.
#   bench/experiments.sh                     everything, into bench/out/experiments
#   LIMIT=20000 EPOCHS=10 SWEEP_LIMIT=10000 SWEEP_EPOCHS=3 STEPS=500 bench/experiments.sh
#   OUT=dir  VARIANTS="ae vae"  SKIP_SWEEPS=1  AELAB_CLI=path
# LIMIT caps the training images (the test images to LIMIT / 6, as aelab-cli
# does); the probe's "all labels" means all LIMIT of them. Runs are niced: the
# machine may be shared.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/common.sh"
cli=$(aelab_cli)
LIMIT=${LIMIT:-20000}
EPOCHS=${EPOCHS:-10}
SWEEP_LIMIT=${SWEEP_LIMIT:-10000}
SWEEP_EPOCHS=${SWEEP_EPOCHS:-3}
STEPS=${STEPS:-500}
VARIANTS=${VARIANTS:-ae sparse stacked vae}
OUT=${OUT:-$here/out/experiments}
mkdir -p "$OUT"
run() { echo "+ $*" >&2; nice -n 10 "$@"; }
machine_line | tee "$OUT/machine.txt"

for v in $VARIANTS; do
  run "$cli" train --variant "$v" --dataset fashion-mnist --limit "$LIMIT" --epochs "$EPOCHS" \
    --latent 32 --save "$OUT/$v.safetensors" --metrics "$OUT/$v.train.json" </dev/null >"$OUT/$v.train.log"
  run "$cli" probe --model "$OUT/$v.safetensors" --dataset fashion-mnist --limit "$LIMIT" \
    --labels-per-class 1,10,100,all --out "$OUT/probe_$v.csv" </dev/null | tee "$OUT/probe_$v.log"
  run "$cli" finetune --model "$OUT/$v.safetensors" --dataset fashion-mnist --limit "$LIMIT" \
    --labels-per-class 1,10,100 --steps "$STEPS" --out "$OUT/finetune_$v.csv" </dev/null | tee "$OUT/finetune_$v.log"
done

if [ -z "${SKIP_SWEEPS:-}" ]; then
  run "$cli" sweep --variant ae --dataset fashion-mnist --limit "$SWEEP_LIMIT" --epochs "$SWEEP_EPOCHS" \
    --latent 32 --sweep batch=16:1024:7:log --out "$OUT/sweep_batch.json" </dev/null | tee "$OUT/sweep_batch.log"
  run "$cli" sweep --variant ae --dataset fashion-mnist --limit "$SWEEP_LIMIT" --epochs "$SWEEP_EPOCHS" \
    --latent 32 --sweep lr=1e-5:1e-1:5:log --out "$OUT/sweep_lr.json" </dev/null | tee "$OUT/sweep_lr.log"
fi
python3 "$here/experiments_summary.py" "$OUT" | tee "$OUT/summary.md"
