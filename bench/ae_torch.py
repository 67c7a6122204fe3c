#!/usr/bin/python3
"""PyTorch's side of bench/run.sh: aelab's `ae` benchmark model, one epoch.

Model: 784-512-256-2-256-512-784, ReLU after each hidden layer, sigmoid+BCE
on logits (summed over pixels, averaged over the batch, as aelab does), Adam
lr 1e-3, batch 128, one epoch over the 60000 Fashion-MNIST training images in
a fresh random order. Initialisation as aelab's: He normal for layers
followed by ReLU, Xavier uniform for the code and output layers, zero biases.

The timed part is the epoch loop only (gathering each batch, forward, loss,
backward, Adam step), as aelab-cli's samples/s; reading the data is not timed.

Prints one line (bench/torch_epoch.py):  torch threads=N samples/s=X ...
Usage: /usr/bin/python3 ae_torch.py [--threads N] [--limit N] [--data DIR]
"""
from torch import nn

from torch_epoch import run


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


def model():
    widths = [784, 512, 256, 2]
    return nn.Sequential(mlp(widths), mlp(widths[::-1]))


if __name__ == "__main__":
    run(model, (784,))
