#!/usr/bin/env bash
# Builds the one-folder bundle in dist/ and installs the desktop entry beside it. Not part of CI.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/system-deps app
bash scripts/venv packaging
.venv/bin/pyinstaller packaging/checkpoint.spec --noconfirm --distpath dist --workpath build
cp packaging/checkpoint-station.desktop dist/
echo "Bundle: $(ls -d dist/checkpoint-station-*)"
