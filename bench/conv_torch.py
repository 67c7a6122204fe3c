#!/usr/bin/python3
"""PyTorch's side of bench/conv_run.sh: aelab's conv `ae` benchmark model, one epoch.

Model (aelab: --variant ae --arch conv --channels 16,32 --latent 16 --up deconv):
  encoder  Conv(1->16, 3x3, pad 1) ReLU MaxPool(2)  Conv(16->32, 3x3, pad 1) ReLU MaxPool(2)
           Flatten  Linear(1568->16)
  decoder  Linear(16->1568) ReLU  Unflatten(32, 7, 7)
           ConvTranspose(32->16, 3, stride 2, pad 1, output pad 1) ReLU
           ConvTranspose(16->1, 3, stride 2, pad 1, output pad 1)
sigmoid+BCE on logits (summed over pixels, averaged over the batch, as aelab
does), Adam lr 1e-3, batch 128, one epoch over the Fashion-MNIST training
images in a fresh random order. Initialisation as aelab's: He normal for
layers followed by ReLU, Xavier uniform for the code and output layers, zero
biases (transposed convolutions count C k k / s^2 inputs per output).

The timed part is the epoch loop only (gathering each batch, forward, loss,
backward, Adam step), as aelab-cli's samples/s; reading the data is not timed.

Prints one line (bench/torch_epoch.py):  torch threads=N samples/s=X ...
Usage: /usr/bin/python3 conv_torch.py [--threads N] [--limit N] [--data DIR]
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


def xavier(layer):
    nn.init.xavier_uniform_(layer.weight)
    nn.init.zeros_(layer.bias)
    return layer


def model():
    encoder = nn.Sequential(
        he(nn.Conv2d(1, 16, 3, padding=1), 1 * 9), nn.ReLU(), nn.MaxPool2d(2),
        he(nn.Conv2d(16, 32, 3, padding=1), 16 * 9), nn.ReLU(), nn.MaxPool2d(2),
        nn.Flatten(), xavier(nn.Linear(1568, 16)))
    decoder = nn.Sequential(
        he(nn.Linear(16, 1568), 16), nn.ReLU(), nn.Unflatten(1, (32, 7, 7)),
        he(nn.ConvTranspose2d(32, 16, 3, stride=2, padding=1, output_padding=1), 32 * 9 // 4), nn.ReLU(),
        nn.ConvTranspose2d(16, 1, 3, stride=2, padding=1, output_padding=1))
    last = decoder[-1]
    with torch.no_grad():   # Xavier with aelab's fans for a transposed conv: C k k / s^2, O k k / s^2
        fan_in, fan_out = 16 * 9 // 4, 1 * 9 // 4
        limit = math.sqrt(6.0 / (fan_in + fan_out))
        last.weight.uniform_(-limit, limit)
        last.bias.zero_()
    return nn.Sequential(encoder, decoder)


if __name__ == "__main__":
    run(model, (1, 28, 28))
