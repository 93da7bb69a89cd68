#!/usr/bin/env bash
# Checks a built bundle the way a station would use it. CI runs it in a clean root (packaging/clean-root-smoke.sh).
#   bash packaging/smoke-test.sh [BUNDLE_DIR]        (default: the newest dist/checkpoint-station-*/)
# The bundle runs with a bare environment (no venv, no PYTHONPATH, a fresh CHECKPOINT_HOME), so it proves
# the folder is self-contained; packaging/clean-root-smoke.sh runs this script in a clean Debian 12 root, where
# nothing the bundle forgot can come from the machine. The test fixtures are made (segno) and the outputs read
# (openpyxl) by a harness Python: SMOKE_PYTHON, default the project's .venv/bin/python. With SMOKE_DISPLAY set
# (an X display, e.g. Xvfb's :99) the GUI also starts on the xcb platform there.
set -uo pipefail
cd "$(dirname "$0")/.."
bundle="${1:-$(ls -d dist/checkpoint-station-*/ 2>/dev/null | sort -V | tail -n 1)}"
bundle="${bundle%/}"
[ -n "$bundle" ] && [ -x "$bundle/checkpoint" ] || {
    echo "smoke-test.sh: no bundle (build one with: bash packaging/build.sh)" >&2
    exit 2
}
bundle="$(cd "$bundle" && pwd)"
py="${SMOKE_PYTHON:-.venv/bin/python}"
"$py" -c 'import segno, openpyxl' 2>/dev/null || {
    echo "smoke-test.sh: $py cannot import segno and openpyxl (set SMOKE_PYTHON, or: bash scripts/venv)" >&2
    exit 2
}
work="$(mktemp -d "${TMPDIR:-/tmp}/checkpoint-smoke.XXXXXX")"
trap 'rm -rf "$work"' EXIT
db="sqlite:///$work/station.sqlite3"
failures=0

pass() { printf '  ok    %s\n' "$1"; }
fail() { printf '  FAIL  %s\n' "$1"; [ -n "${2:-}" ] && sed 's/^/        /' <<<"$2"; failures=$((failures + 1)); }

# The bundle with nothing from this shell: no venv on PATH, no Python variables, its own home folder.
run() {
    ${TIMEOUT:+timeout "$TIMEOUT"} env -i HOME="$work/home" PATH=/usr/local/bin:/usr/bin:/bin LANG=C.UTF-8 \
        CHECKPOINT_HOME="$work/home" ${QT_QPA_PLATFORM:+QT_QPA_PLATFORM=$QT_QPA_PLATFORM} \
        ${EXTRA_ENV:-} "$bundle/checkpoint" "$@"
}

echo "Bundle: $bundle ($(du -sh "$bundle" | cut -f1))"

# --- fixtures: QR codes with Chinese text, as UTF-8 and as GB18030 bytes without ECI ---------------------
text='粤B12345 张三 绿码 核酸24小时'
mkdir -p "$work/codes"
"$py" - "$work/codes" "$text" <<'PY'
import sys
from pathlib import Path
import segno
folder, text = Path(sys.argv[1]), sys.argv[2]
segno.make(text, error="m", micro=False).save(folder / "utf8.png", scale=6, border=4)
segno.make(text.encode("gb18030"), error="m", micro=False).save(folder / "gbk.png", scale=6, border=4)
for stem in ("utf8", "gbk"):
    (folder / f"{stem}.txt").write_text(text, encoding="utf-8", newline="")
PY

# --- version -------------------------------------------------------------------------------------------
version="$(sed -n 's/^__version__ = "\(.*\)"$/\1/p' src/checkpoint/__init__.py)"
out="$(run --version 2>&1)"
[ "$out" = "checkpoint $version" ] && pass "--version: $out" || fail "--version (expected checkpoint $version)" "$out"

# --- scan: zxing-cpp, and the text from the raw bytes (UTF-8 and GB18030) -----------------------------------
out="$(run scan --json "$work/codes/utf8.png" "$work/codes/gbk.png" 2>&1)"
if "$py" - "$text" "$out" 2>/dev/null <<'PY'; then
import json, sys
lines = [json.loads(line) for line in sys.argv[2].splitlines() if line.strip()]
assert len(lines) == 2 and all(r["error"] is None and [c["text"] for c in r["codes"]] == [sys.argv[1]] for r in lines)
PY
    pass "scan --json: Chinese text intact, UTF-8 and GB18030"
else
    fail "scan --json" "$out"
fi

# --- pyzbar: the bundled libzbar loads and decodes (bench runs every decoder on every image) ----------------
out="$(EXTRA_ENV=LD_DEBUG=libs run bench decode --data "$work/codes" --json 2>"$work/ld-debug.txt")"
if "$py" - "$out" 2>/dev/null <<'PY'; then
import json, sys
report = json.loads(sys.argv[1])
found = {d["decoder"]: (d["found"], d["total"]) for s in report["sets"] for d in s["decoders"]}
assert found["pyzbar"] == (2, 2) and found["zxing-cpp"] == (2, 2), found
PY
    pass "pyzbar and zxing-cpp decode both codes (bench decode)"
else
    fail "bench decode" "$out"
fi
if grep -q "calling init: $bundle/_internal/libzbar.so" "$work/ld-debug.txt"; then
    pass "libzbar loaded from the bundle"
else
    fail "libzbar not loaded from the bundle" "$(grep -m3 zbar "$work/ld-debug.txt")"
fi

# --- database: creating it runs the bundled Alembic migrations; then the chain verifies ---------------------
out="$(run demo-data --days 1 --db "$db" 2>&1)"
[ $? -eq 0 ] && pass "demo-data --days 1: $(tr '\r' '\n' <<<"$out" | tail -n 1)" || fail "demo-data" "$out"
out="$(run db verify --db "$db" 2>&1)"
if [ $? -eq 0 ] && grep -q "hash chain: ok" <<<"$out"; then pass "db verify: ${out//$'\n'/; }"; else fail "db verify" "$out"; fi

# --- an administrator (the first needs no one to sign in): exports and the GUI need someone signed in -----
pin=402816
out="$(printf '%s\n' "$pin" | run operators add smoke --role administrator --pin-stdin --db "$db" 2>&1)"
[ $? -eq 0 ] && pass "operators add: ${out//$'\n'/; }" || fail "operators add" "$out"
signed_in=(--operator smoke --pin-stdin)

# --- exports ---------------------------------------------------------------------------------------------
out="$(run export handover --format xlsx --out "$work/handover.xlsx" --db "$db" --lang zh_CN "${signed_in[@]}" \
    <<<"$pin" 2>&1)"
if [ $? -eq 0 ] && "$py" - "$work/handover.xlsx" <<'PY' 2>/dev/null; then
import re, sys
import openpyxl
book = openpyxl.load_workbook(sys.argv[1], read_only=True)
cjk = re.compile("[\u4e00-\u9fff]")
assert all(cjk.search(name) for name in book.sheetnames), book.sheetnames  # translated sheet names
rows = sum(1 for _ in book.worksheets[1].iter_rows()) if len(book.worksheets) > 1 else 0
assert rows > 10, rows
PY
    pass "export handover xlsx zh_CN: ${out}"
else
    fail "export handover xlsx zh_CN" "$out"
fi
out="$(run export handover --format csv --out "$work/handover.csv" --db "$db" --lang en "${signed_in[@]}" <<<"$pin" 2>&1)"
if [ $? -eq 0 ] && [ "$(wc -l <"$work/handover.csv")" -gt 10 ]; then
    pass "export handover csv en"
else
    fail "export handover csv en" "$out"
fi
# The PDF embeds a Chinese TrueType font found on the machine (fonts-wqy-microhei, one of the assumed packages).
out="$(run export handover --format pdf --out "$work/handover.pdf" --db "$db" --lang zh_CN "${signed_in[@]}" \
    <<<"$pin" 2>&1)"
if [ $? -eq 0 ] && [ "$(head -c 5 "$work/handover.pdf" 2>/dev/null)" = "%PDF-" ] \
    && grep -qa "FontFile2" "$work/handover.pdf"; then
    pass "export handover pdf zh_CN, a Chinese font embedded"
else
    fail "export handover pdf zh_CN" "$out"
fi

# --- GUI: the demo camera, offscreen and, when given one, on an X display --------------------------------
# The start-up probe of `checkpoint bench pipeline` types the operator's name and PIN into the real sign-in
# screen; the station quits at the first code it decodes from the live camera. LD_DEBUG lists what the process
# loaded: the libraries it took from the system are printed, so one loaded at run time (dlopen, which ldd below
# cannot see) shows up too.
gui() {  # platform
    local log="$work/home/logs/checkpoint.log" probe="$work/probe" rc problems system
    rm -f "$log"
    printf 'operator smoke\npin %s\n' "$pin" >"$probe"
    QT_QPA_PLATFORM=$1 TIMEOUT=30 EXTRA_ENV="CHECKPOINT_STARTUP_PROBE=$probe LD_DEBUG=libs LD_DEBUG_OUTPUT=$work/ld-gui \
        ${SMOKE_DISPLAY:+DISPLAY=$SMOKE_DISPLAY}" run gui --camera demo --db "$db" --lang zh_CN >"$work/gui.out" 2>&1
    rc=$?
    problems="$(cat "$work/gui.out"; grep -E "WARNING|ERROR|CRITICAL|Traceback|no .* translations" "$log" 2>/dev/null)"
    if [ "$rc" -eq 0 ] && grep -q "station started" "$log" 2>/dev/null && grep -q "^live " "$probe" \
        && ! grep -qE "Traceback|ERROR|CRITICAL|translations" <<<"$problems"; then
        pass "gui --camera demo --lang zh_CN on $1: signed in, live, decoded a code ($(awk '
            $1 == "signin" {s = $2} $1 == "live" {printf "%.1f s from sign-in", $2 - s}' "$probe"))"
        [ -n "$problems" ] && printf '        (output: %s)\n' "$(head -c 300 <<<"$problems")"
    else
        fail "gui on $1 (rc $rc)" "$problems"
    fi
    system="$(cat "$work"/ld-gui.* 2>/dev/null | awk '/calling init: /{print $NF}' | grep -v "^$bundle/" | xargs -r -n 1 basename | sort -u)"
    printf '        loaded from the system: %s\n' "$(tr '\n' ' ' <<<"$system")"
    rm -f "$work"/ld-gui.*
}
gui offscreen
[ -n "${SMOKE_DISPLAY:-}" ] && gui xcb

# --- contents --------------------------------------------------------------------------------------------
internal="$bundle/_internal"
for item in checkpoint/storage/migrations/env.py resources/styles/station.qss \
    resources/translations/checkpoint_zh_CN.qm PySide6/Qt/translations/qtbase_zh_CN.qm \
    PySide6/Qt/plugins/platforms/libqxcb.so libzbar.so.0; do
    [ -e "$internal/$item" ] || fail "missing $item"
done
ls "$internal"/checkpoint/storage/migrations/versions/*.py >/dev/null 2>&1 || fail "no migration scripts"
# QML/Quick only come with QtMultimedia (its FFmpeg plugin links them); otherwise they are dead weight.
qml=(-name 'libQt6Qml*' -o -name 'libQt6Quick*' -o)  # QtPdf stays: the print preview renders the PDF
[ -e "$internal/PySide6/Qt/plugins/multimedia" ] && qml=()
unwanted="$(find "$internal" \( -name 'libQt6WebEngine*' "${qml[@]}" -name 'libQt63D*' \
    -o -name 'libgtk*' -o -name 'libqgtk3*' -o -name 'lxml' -o -name '*.ts' \) -print)"
[ -z "$unwanted" ] && pass "contents: migrations, resources, libzbar; no WebEngine/3D/GTK${qml:+/QML/Quick}" \
    || fail "unwanted files in the bundle" "$unwanted"

# The desktop entry installs for a user (here into a scratch XDG_DATA_HOME) and points at this bundle.
if [ -x "$bundle/install-desktop-entry.sh" ]; then
    entry="$work/xdg/applications/checkpoint-station.desktop"
    out="$(XDG_DATA_HOME="$work/xdg" bash "$bundle/install-desktop-entry.sh" 2>&1)"
    if [ $? -eq 0 ] && grep -qxF "Exec=\"$bundle/checkpoint\" gui" "$entry" 2>/dev/null \
        && [ -f "$work/xdg/icons/hicolor/scalable/apps/checkpoint-station.svg" ]; then
        if command -v desktop-file-validate >/dev/null 2>&1 && ! problems="$(desktop-file-validate "$entry" 2>&1)"; then
            fail "desktop entry does not validate" "$problems"
        else
            pass "install-desktop-entry.sh: entry and icon installed, Exec points at the bundle"
        fi
    else
        fail "install-desktop-entry.sh" "$out"
    fi
else
    fail "install-desktop-entry.sh not in the bundle (build with packaging/build.sh)"
fi

# Shared libraries: the bundle carries every one it links but glibc's (with libcrypt and, for the bootloader,
# zlib: both in every Debian), and libwayland's (only the Wayland plugins use them; every Wayland desktop has
# them, and without them Qt falls back to X11). ldd with the bundle first on the path, as the bootloader sets
# it: a library found outside the bundle, or nowhere, is one a clean Debian 12 station may lack, even when
# this machine has it.
system_ok='^(ld-linux.*|libc|libm|libdl|libpthread|librt|libresolv|libutil|libanl|libcrypt|libz|libwayland-(client|cursor|egl))\.so\.[0-9]+$'
deps="$({ printf '%s\0' "$bundle/checkpoint"; find "$internal" -type f -name '*.so*' -print0; } \
    | xargs -0 -n 20 env LD_LIBRARY_PATH="$internal" ldd 2>/dev/null \
    | awk '$2 == "=>" {print $1, $3}' | sort -u)"
outside="$(awk -v inside="$internal/" '$2 == "not" || index($2, inside) != 1 {print $1}' <<<"$deps" | sort -u)"
bad="$(grep -vE "$system_ok" <<<"$outside")"
[ -z "$bad" ] && pass "every library the bundle links is in it, but glibc's, zlib and libwayland's" \
    || fail "libraries the bundle links but does not carry" "$(grep -E "^($(paste -sd'|' <<<"$bad")) " <<<"$deps")"
missing="$(awk '$2 == "not" {print $1}' <<<"$deps" | sort -u)"
[ -n "$missing" ] && echo "        not on this machine (only the Wayland plugins need them): $(tr '\n' ' ' <<<"$missing")"

echo
if [ "$failures" -eq 0 ]; then echo "smoke test passed"; else echo "smoke test: $failures failure(s)"; fi
[ "$failures" -eq 0 ]
