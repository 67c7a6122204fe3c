#!/usr/bin/env bash
# Installs what aelab needs from Debian 12's packages (only what is missing),
# then configures and builds it in ./build. Used by start.sh and test.sh.
#   scripts/setup.sh            install + build everything
#   AELAB_BUILD_DIR=dir         build somewhere else
#   AELAB_CMAKE_ARGS="..."      extra CMake arguments (e.g. -DAELAB_PORTABLE=ON)
#   AELAB_EXTRA_PACKAGES="..."  more Debian packages (test.sh: python3-torch)
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  cmake g++ make pkg-config
  qt6-base-dev qt6-svg-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n qt6-qpa-plugins
  libgl-dev libqcustomplot-dev libeigen3-dev zlib1g-dev libzip-dev nlohmann-json3-dev
  dataset-fashion-mnist fonts-dejavu-core fonts-wqy-microhei
)
# shellcheck disable=SC2206
packages+=(${AELAB_EXTRA_PACKAGES:-})

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "aelab setup: installing ${missing[*]}"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "aelab setup: run as root or install sudo" >&2; exit 1; }
    sudo="sudo"
  fi
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

build=${AELAB_BUILD_DIR:-build}
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
# shellcheck disable=SC2086
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=Release "${launcher[@]}" ${AELAB_CMAKE_ARGS:-} >/dev/null
cmake --build "$build" -j"$(nproc)"
