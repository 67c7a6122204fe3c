#!/usr/bin/env python3
# Loads an aelab export (export/TorchExport.h) and compares its reconstructions
# of x.npy with aelab's (recon.npy); prints {"max_abs_diff": ...} as JSON.
#   check_export.py DIR x.npy recon.npy
import json
import sys

import numpy as np
import torch

directory, x_path, recon_path = sys.argv[1:4]
sys.path.insert(0, directory)
from aelab_model import load_model  # noqa: E402

model = load_model().eval()
x = torch.from_numpy(np.load(x_path))
with torch.no_grad():
    mine = model.reconstruct(x).numpy()
theirs = np.load(recon_path)
print(json.dumps({"max_abs_diff": float(np.abs(mine - theirs).max()), "shape": list(mine.shape)}))
