"""What bench/ae_torch.py and bench/conv_torch.py share: the command line,
reading Fashion-MNIST, and the timed epoch (aelab's loop: batches in a fresh
random order, sigmoid+BCE on logits summed over pixels and averaged over the
batch, Adam lr 1e-3).

Prints one line:
  torch threads=N samples/s=X seconds=Y cpu_ms_per_step=Z loss=L
"""
import argparse
import gzip
import pathlib
import time

import numpy as np
import torch
from torch import nn


def read_images(path, sample_shape):
    """The IDX image file at `path`, as floats in [0, 1], one sample of
    `sample_shape` (e.g. (784,) or (1, 28, 28)) per image."""
    with gzip.open(path, "rb") as f:
        raw = f.read()
    magic, count, _rows, _cols = np.frombuffer(raw[:16], dtype=">i4")
    if magic != 2051:
        raise SystemExit(f"{path}: not an IDX image file")
    pixels = np.frombuffer(raw[16:], dtype=np.uint8).reshape(count, *sample_shape)
    return torch.from_numpy(pixels.astype(np.float32) / 255.0)


def run(build_model, sample_shape):
    """Parses the command line, builds the model (after seeding torch), and
    times one epoch over the training images (reading them is not timed)."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--limit", type=int, default=60000)
    parser.add_argument("--batch", type=int, default=128)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    x = read_images(pathlib.Path(args.data) / "train-images-idx3-ubyte.gz", sample_shape)[: args.limit].contiguous()

    net = build_model()
    opt = torch.optim.Adam(net.parameters(), lr=1e-3)
    loss_fn = nn.BCEWithLogitsLoss(reduction="sum")

    n = x.shape[0]
    order = torch.randperm(n)
    total = 0.0
    steps = 0
    start, cpu = time.perf_counter(), time.process_time()
    for begin in range(0, n, args.batch):
        xb = x[order[begin : begin + args.batch]]
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(net(xb), xb) / xb.shape[0]
        loss.backward()
        opt.step()
        total += loss.item() * xb.shape[0]
        steps += 1
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(f"torch threads={args.threads} samples/s={n / seconds:.0f} seconds={seconds:.2f} "
          f"cpu_ms_per_step={1e3 * cpu / steps:.2f} loss={total / n:.4f}")
