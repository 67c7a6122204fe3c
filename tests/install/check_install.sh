#!/usr/bin/env bash
# CTest (tests/install.cmake): `cmake --install` into a scratch prefix puts
# every file in its standard place, the desktop entry and the AppStream file
# validate, and `cpack -G DEB` makes a package whose dependencies were
# computed from the binaries. scripts/test.sh installs the validators
# (desktop-file-utils, appstream) and dpkg-dev (dpkg-shlibdeps).
#   check_install.sh BUILD_DIR
set -euo pipefail
build=$1
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$scratch/usr" >/dev/null
for f in bin/aelab bin/aelab-cli \
         share/applications/io.github.aelab.aelab.desktop \
         share/metainfo/io.github.aelab.aelab.metainfo.xml \
         share/icons/hicolor/scalable/apps/aelab.svg \
         share/mime/packages/io.github.aelab.aelab.xml \
         share/doc/aelab/LICENSE share/doc/aelab/README.md; do
  [ -e "$scratch/usr/$f" ] || fail "cmake --install did not install $f"
done
echo "installed: every expected file is in place"

desktop-file-validate "$scratch/usr/share/applications/io.github.aelab.aelab.desktop" \
  || fail "desktop-file-validate refused the desktop entry"
echo "desktop-file-validate: passed"
# --no-net: CI has no network for the screenshot and homepage URLs.
appstreamcli validate --no-net --explain "$scratch/usr/share/metainfo/io.github.aelab.aelab.metainfo.xml" \
  || fail "appstreamcli refused the metainfo file"
echo "appstreamcli validate: passed"
# The session MIME type parses (xmllint-free: Python's XML parser) and names *.aelab.
python3 - "$scratch/usr/share/mime/packages/io.github.aelab.aelab.xml" <<'PY' || fail "the MIME type file is not valid"
import sys, xml.etree.ElementTree as ET
ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
t = ET.parse(sys.argv[1]).getroot().find("m:mime-type", ns)
assert t is not None and t.get("type") == "application/x-aelab-session"
assert t.find("m:glob", ns).get("pattern") == "*.aelab"
PY
echo "MIME type: passed"

# The installed CLI runs (its libraries are found from the install tree).
"$scratch/usr/bin/aelab-cli" --version >/dev/null || fail "the installed aelab-cli does not run"

# cpack -G DEB: a package whose Depends were computed by dpkg-shlibdeps.
(cd "$build" && cpack -G DEB -B "$scratch/pkg" >/dev/null) || fail "cpack -G DEB failed"
deb=$(ls "$scratch"/pkg/aelab_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || fail "cpack made no .deb"
depends=$(dpkg-deb -f "$deb" Depends)
echo "package: $(basename "$deb"), Depends: $depends"
for lib in libc6 libqt6widgets6 libstdc++6 zlib1g; do
  grep -q "$lib" <<<"$depends" || fail "the package's Depends lack $lib (dpkg-shlibdeps not used?)"
done
contents=$(dpkg-deb -c "$deb")
for f in ./usr/bin/aelab ./usr/bin/aelab-cli ./usr/share/applications/io.github.aelab.aelab.desktop \
         ./usr/share/metainfo/io.github.aelab.aelab.metainfo.xml; do
  grep -qF "$f" <<<"$contents" || fail "the package lacks $f"
done
echo "cpack -G DEB: passed"
