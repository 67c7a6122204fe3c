#!/usr/bin/python3
"""PyTorch's side of bench/conv_run.sh: aelab's conv `ae` benchmark model, one epoch.

Model (aelab: --variant ae --arch conv --channels 16,32 --latent 16 --up deconv;
--channels a,b gives the same shape with a and b channels, e.g. the deeper
32,64 of the bench, run at --batch 64):
  encoder  Conv(1->16, 3x3, pad 1) ReLU MaxPool(2)  Conv(16->32, 3x3, pad 1) ReLU MaxPool(2)
           Flatten  Linear(1568->16)
  decoder  Linear(16->1568) ReLU  Unflatten(32, 7, 7)
           ConvTranspose(32->16, 3, stride 2, pad 1, output pad 1) ReLU
           ConvTranspose(16->1, 3, stride 2, pad 1, output pad 1)
sigmoid+BCE on logits (summed over pixels, averaged over the batch, as aelab
does), Adam lr 1e-3, batch 128, one epoch over the Fashion-MNIST training
images in a fresh random order. Initialisation as aelab's: He normal for
layers followed by ReLU, Xavier uniform for the code and output layers, zero
biases (transposed convolutions count C max(1, k k / s^2) inputs per output,
in integers: 2 for 3x3 stride 2).

The timed part is the epoch loop only (gathering each batch, forward, loss,
backward, Adam step), as aelab-cli's samples/s; reading the data is not timed.

Prints one line (bench/torch_epoch.py):  torch threads=N samples/s=X ...
Usage: /usr/bin/python3 conv_torch.py [--channels a,b] [--threads N] [--limit N] [--batch N] [--data DIR]
"""
import math

import torch
from torch import nn

from torch_epoch import run


def he(layer, fan_in):
    with torch.no_grad():
        layer.weight.normal_(0.0, math.sqrt(2.0 / fan_in))
        layer.bias.zero_()
    return layer


def xavier(layer, fan_in=None, fan_out=None):
    """Xavier uniform; with fans given, aelab's for a transposed conv (C taps, O taps)."""
    if fan_in is None:
        nn.init.xavier_uniform_(layer.weight)
    else:
        with torch.no_grad():
            limit = math.sqrt(6.0 / (fan_in + fan_out))
            layer.weight.uniform_(-limit, limit)
    nn.init.zeros_(layer.bias)
    return layer


TAPS = max(1, 3 * 3 // (2 * 2))   # aelab's inputs per output of a 3x3 stride-2 transposed conv


def model(channels):
    levels = [1] + channels
    side = 28 // 2 ** len(channels)
    top = channels[-1] * side * side
    encoder = []
    for c_in, c_out in zip(levels, levels[1:]):
        encoder += [he(nn.Conv2d(c_in, c_out, 3, padding=1), c_in * 9), nn.ReLU(), nn.MaxPool2d(2)]
    encoder += [nn.Flatten(), xavier(nn.Linear(top, 16))]
    decoder = [he(nn.Linear(16, top), 16), nn.ReLU(), nn.Unflatten(1, (channels[-1], side, side))]
    for c_in, c_out in reversed(list(zip(levels, levels[1:]))):
        up = nn.ConvTranspose2d(c_out, c_in, 3, stride=2, padding=1, output_padding=1)
        if c_in == 1:   # the output layer: logits, Xavier
            decoder.append(xavier(up, c_out * TAPS, c_in * TAPS))
        else:
            decoder += [he(up, c_out * TAPS), nn.ReLU()]
    return nn.Sequential(nn.Sequential(*encoder), nn.Sequential(*decoder))


if __name__ == "__main__":
    import sys
    channels = [16, 32]
    if "--channels" in sys.argv:
        at = sys.argv.index("--channels")
        channels = [int(c) for c in sys.argv[at + 1].split(",")]
        del sys.argv[at : at + 2]
    run(lambda: model(channels), (1, 28, 28))
