#!/usr/bin/env bash
# Builds the one-folder bundle dist/checkpoint-station-<version>/ and puts the desktop entry, the icon and
# install-desktop-entry.sh into it, so the folder is all a station needs. CI builds it (.ci/run, about a minute).
#   bash packaging/build.sh            then   bash packaging/smoke-test.sh
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps app       # libzbar0 must be on the build machine: the bundle carries its copy
bash scripts/venv packaging
.venv/bin/pyinstaller packaging/checkpoint.spec --noconfirm --distpath dist --workpath build
version="$(.venv/bin/python -c 'import checkpoint; print(checkpoint.__version__)')"
bundle="dist/checkpoint-station-$version"
[ -x "$bundle/checkpoint" ] || { echo "build.sh: $bundle/checkpoint was not built" >&2; exit 1; }
install -m 644 packaging/checkpoint-station.desktop packaging/checkpoint-station.svg "$bundle/"
install -m 755 packaging/install-desktop-entry.sh "$bundle/"
echo "Bundle: $bundle ($(du -sh "$bundle" | cut -f1))"
echo "Check it:            bash packaging/smoke-test.sh $bundle"
echo "Desktop entry:       $bundle/install-desktop-entry.sh"
