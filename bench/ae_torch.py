#!/usr/bin/python3
"""PyTorch's side of bench/run.sh: aelab's `ae` benchmark model, one epoch.

Model: 784-512-256-2-256-512-784, ReLU after each hidden layer, sigmoid+BCE
on logits (summed over pixels, averaged over the batch, as aelab does), Adam
lr 1e-3, batch 128, one epoch over the 60000 Fashion-MNIST training images in
a fresh random order. Initialisation as aelab's: He normal for layers
followed by ReLU, Xavier uniform for the code and output layers, zero biases.

The timed part is the epoch loop only (gathering each batch, forward, loss,
backward, Adam step), as aelab-cli's samples/s; reading the data is not timed.

Prints one line:  torch threads=N samples/s=X seconds=Y loss=Z
Usage: /usr/bin/python3 ae_torch.py [--threads N] [--limit N] [--data DIR]
"""
import argparse
import gzip
import pathlib
import time

import numpy as np
import torch
from torch import nn


def read_images(path):
    with gzip.open(path, "rb") as f:
        raw = f.read()
    magic, count, rows, cols = np.frombuffer(raw[:16], dtype=">i4")
    if magic != 2051:
        raise SystemExit(f"{path}: not an IDX image file")
    pixels = np.frombuffer(raw[16:], dtype=np.uint8).reshape(count, rows * cols)
    return torch.from_numpy(pixels.astype(np.float32) / 255.0)


def mlp(widths):
    layers = []
    for i in range(len(widths) - 1):
        linear = nn.Linear(widths[i], widths[i + 1])
        hidden = i < len(widths) - 2
        if hidden:
            nn.init.kaiming_normal_(linear.weight, nonlinearity="relu")
        else:
            nn.init.xavier_uniform_(linear.weight)
        nn.init.zeros_(linear.bias)
        layers.append(linear)
        if hidden:
            layers.append(nn.ReLU())
    return nn.Sequential(*layers)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--limit", type=int, default=60000)
    parser.add_argument("--batch", type=int, default=128)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--data", default="/usr/share/datasets/fashion-mnist")
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    x = read_images(pathlib.Path(args.data) / "train-images-idx3-ubyte.gz")[: args.limit].contiguous()

    widths = [784, 512, 256, 2]
    model = nn.Sequential(mlp(widths), mlp(widths[::-1]))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.BCEWithLogitsLoss(reduction="sum")

    n = x.shape[0]
    order = torch.randperm(n)
    total = 0.0
    start = time.perf_counter()
    for begin in range(0, n, args.batch):
        xb = x[order[begin : begin + args.batch]]
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(model(xb), xb) / xb.shape[0]
        loss.backward()
        opt.step()
        total += loss.item() * xb.shape[0]
    seconds = time.perf_counter() - start
    print(f"torch threads={args.threads} samples/s={n / seconds:.0f} seconds={seconds:.2f} "
          f"loss={total / n:.4f}")


if __name__ == "__main__":
    main()
