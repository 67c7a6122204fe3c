#!/usr/bin/env bash
# What bench/run.sh needs beyond aelab's own setup: Debian's PyTorch and NumPy,
# and OpenBLAS's OpenMP build as the system BLAS.
#
# Debian's python3-torch calls whatever libblas.so.3 the alternatives system
# points at; by default that is the reference BLAS, about 20x slower for matrix
# products. The OpenMP build of OpenBLAS is used, not the pthreads one, which
# would fight torch's own OpenMP threads. This script points the libblas.so.3
# and liblapack.so.3 alternatives at it and checks that torch really uses it.
set -euo pipefail

packages=(python3-torch python3-numpy libopenblas0-openmp dataset-fashion-mnist g++ libeigen3-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
if [ ${#missing[@]} -gt 0 ]; then
  echo "bench setup: installing ${missing[*]}"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

arch=x86_64-linux-gnu
for lib in libblas.so.3 liblapack.so.3; do
  want=/usr/lib/$arch/openblas-openmp/$lib
  now=$(readlink -f "/etc/alternatives/$lib-$arch" || true)
  if [ "$now" != "$want" ]; then
    echo "bench setup: pointing $lib at $want (was $now)"
    $sudo update-alternatives --set "$lib-$arch" "$want"
  fi
done

# torch must have loaded OpenBLAS's OpenMP build, and a product must run at
# BLAS speed (the reference BLAS manages a few GFLOP/s).
/usr/bin/python3 - <<'EOF'
import time, torch
torch.set_num_threads(1)
a, b = torch.randn(128, 784), torch.randn(784, 512)
for _ in range(3):
    a @ b
n, t = 30, time.perf_counter()
for _ in range(n):
    a @ b
gflops = 2 * 128 * 784 * 512 * n / (time.perf_counter() - t) / 1e9
maps = open("/proc/self/maps").read()
blas = "openblas-openmp" if "openblas-openmp" in maps else ("openblas" if "openblas" in maps else "reference or other")
print(f"bench setup: torch {torch.__version__} uses {blas}; 128x784 @ 784x512 at {gflops:.1f} GFLOP/s on 1 thread")
if blas != "openblas-openmp":
    raise SystemExit("bench setup: torch does not use OpenBLAS's OpenMP build")
EOF
