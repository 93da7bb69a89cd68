#!/usr/bin/env bash
# Runs packaging/smoke-test.sh against a built bundle inside a clean Debian 12 root that has only the packages a
# station is assumed to have (ASSUMED below, named in README "Packaging"), so a library the bundle forgets shows
# up here and not on a gate's PC. Needs root (overlay mounts, chroot) and the Debian mirror; CI runs it (.ci/run).
#   bash packaging/clean-root-smoke.sh [BUNDLE_DIR]                  (default: the newest dist/checkpoint-station-*/)
#   bash packaging/clean-root-smoke.sh [BUNDLE_DIR] -- COMMAND...    run COMMAND (bash -lc) in the same root instead
#
# The root is three layers: the minimal Debian 12 root of /work/shared/tools/fresh-debian (debootstrap minbase +
# python3, git, ca-certificates, sudo; made here the same way when missing, cached under $FRESH_DEBIAN_CACHE), the
# ASSUMED packages (installed once, cached under $CLEAN_ROOT_CACHE per package list) and a throw-away layer per run.
# The checkout (this working tree's tracked files, as they are now) is copied to /srv/app/main and the bundle is
# mounted read-only at /srv/app/main/dist/<name>. The test harness (segno to make the QR fixtures, openpyxl to
# read the export) is a venv made in the root from PyPI; the bundle itself runs with `env -i`, never with it.
# The base's python3 brings a few libraries (libssl3, libexpat1...) a station may lack: the smoke test's ldd check
# fails on any library the bundle takes from the system but glibc's and zlib, so they cannot hide a gap.
set -euo pipefail
cd "$(dirname "$0")/.."

# What a station's Debian 12 desktop has and the bundle does not carry: fontconfig (its configuration, cache and
# fc-list) and a CJK font (the PDF exports embed WenQuanYi Micro Hei). Everything else comes with the bundle.
ASSUMED=(fontconfig fonts-wqy-microhei)

bundle=""
if [ $# -gt 0 ] && [ "$1" != "--" ]; then bundle="$1"; shift; fi
[ -n "$bundle" ] || bundle="$(ls -d dist/checkpoint-station-*/ 2>/dev/null | sort -V | tail -n 1)"
bundle="${bundle%/}"
[ -n "$bundle" ] && [ -x "$bundle/checkpoint" ] || {
    echo "clean-root-smoke.sh: no bundle (build one with: bash packaging/build.sh)" >&2
    exit 2
}
bundle="$(cd "$bundle" && pwd)"
command=()
if [ $# -gt 0 ]; then
    [ "$1" = "--" ] && shift
    command=("$@")
fi
[ "$(id -u)" -eq 0 ] || { echo "clean-root-smoke.sh: needs root (overlay mounts and chroot)" >&2; exit 2; }

# --- the base root: the same as fresh-debian's, shared with it ------------------------------------------------
base_cache="${FRESH_DEBIAN_CACHE:-/var/cache/fresh-debian}"
base="$base_cache/bookworm"
if [[ ! -x $base/usr/bin/python3 ]]; then
    mkdir -p "$base_cache"
    mirror=$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
    [[ -n $mirror ]] || mirror=$(awk '/^deb /{print $2; exit}' /etc/apt/sources.list)
    command -v debootstrap >/dev/null || { apt-get update -qq && apt-get install -y -qq debootstrap >/dev/null; }
    echo "clean-root-smoke.sh: making the Debian 12 base root (once) in $base" >&2
    rm -rf "$base"
    debootstrap --variant=minbase --include=python3,python3-venv,python3-pip,ca-certificates,git,sudo \
        bookworm "$base" "$mirror" >"$base_cache/debootstrap.log" 2>&1
fi

cache="${CLEAN_ROOT_CACHE:-/var/cache/checkpoint-clean-root}"
mkdir -p "$cache"
w="$(mktemp -d /tmp/clean-root.XXXXXX)"
mounted=()
cleanup() {
    local i
    for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount -l "${mounted[i]}" 2>/dev/null || true; done
    # never delete through a mount that is still there (/dev, /sys, the bundle)
    if grep -qF " $w/" /proc/self/mounts; then echo "clean-root-smoke.sh: $w is still mounted, left as is" >&2; else
        rm -rf "$w"
    fi
}
trap cleanup EXIT
mnt() { mount "$@"; mounted+=("${!#}"); }

# Mounts an overlay of LOWER (colon-separated) with UPPER at $w/root, plus /proc, /sys, /dev and the host's
# network and package settings.
enter() {
    local lower="$1" upper="$2" work="$3"
    mkdir -p "$upper" "$work" "$w/root"
    mnt -t overlay overlay -o "lowerdir=$lower,upperdir=$upper,workdir=$work" "$w/root"
    mnt -t proc proc "$w/root/proc"
    mnt --rbind /sys "$w/root/sys"
    mnt --rbind /dev "$w/root/dev"
    cp /etc/resolv.conf "$w/root/etc/resolv.conf"
    if [[ -f /etc/apt/sources.list.d/debian.sources ]]; then
        cp /etc/apt/sources.list.d/debian.sources "$w/root/etc/apt/sources.list.d/"
        : >"$w/root/etc/apt/sources.list"
    fi
    [[ -f /etc/pip.conf ]] && cp /etc/pip.conf "$w/root/etc/pip.conf"
    # the host's certificate authorities (a proxy's, where the network has one)
    cp /etc/ssl/certs/ca-certificates.crt "$w/root/etc/ssl/certs/ca-certificates.crt"
}
leave() {
    local i
    for ((i = ${#mounted[@]} - 1; i >= 0; i--)); do umount -l "${mounted[i]}"; done
    mounted=()
}
in_root() {
    chroot "$w/root" /usr/bin/env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
        LANG=C.UTF-8 PIP_CERT=/etc/ssl/certs/ca-certificates.crt SSL_CERT_FILE=/etc/ssl/certs/ca-certificates.crt \
        DEBIAN_FRONTEND=noninteractive bash -lc "$1"
}

# --- the assumed packages: one cached layer per package list -------------------------------------------------
layer="$cache/assumed-$(printf '%s\n' "${ASSUMED[@]}" | sha256sum | cut -c1-12)"
if [[ ! -f $layer.done ]]; then
    echo "clean-root-smoke.sh: installing the assumed packages (once): ${ASSUMED[*]}" >&2
    rm -rf "$layer" "$layer.work"
    enter "$base" "$layer" "$layer.work"
    in_root "apt-get update -qq && apt-get install -y -qq --no-install-recommends ${ASSUMED[*]} >/dev/null && apt-get clean \
        && rm -rf /var/lib/apt/lists/*"
    leave
    rm -rf "$layer.work" "$layer/etc/resolv.conf"
    touch "$layer.done"
fi

# --- this run's root -----------------------------------------------------------------------------------------
enter "$layer:$base" "$w/upper" "$w/work"
app="$w/root/srv/app/main"
mkdir -p "$app"
# The tracked files as they are in the working tree (uncommitted edits to the scripts included).
git ls-files -z | tar --null -T - -cf - | tar -xf - -C "$app"
mkdir -p "$app/dist/$(basename "$bundle")"
mnt --bind -o ro "$bundle" "$app/dist/$(basename "$bundle")"
mount -o remount,bind,ro "$app/dist/$(basename "$bundle")"

if [ ${#command[@]} -gt 0 ]; then
    in_root "cd /srv/app/main && ${command[*]}"
    exit $?
fi

# An X server for the xcb platform plugin: the host's Xvfb, when it has one (scripts/system-deps test), its
# socket shown in the root. The root itself gets no X package.
display=""
if command -v Xvfb >/dev/null; then
    for n in $(seq 90 120); do [ -e "/tmp/.X11-unix/X$n" ] || [ -e "/tmp/.X$n-lock" ] || { display=":$n"; break; }; done
fi
if [ -n "$display" ]; then
    Xvfb "$display" -screen 0 1280x1024x24 -nolisten tcp >"$w/xvfb.log" 2>&1 &
    xvfb=$!
    trap 'kill "$xvfb" 2>/dev/null; wait "$xvfb" 2>/dev/null; cleanup' EXIT
    for _ in $(seq 50); do [ -S "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done
    mkdir -p "$w/root/tmp/.X11-unix"
    mnt --bind /tmp/.X11-unix "$w/root/tmp/.X11-unix"
fi

echo "Clean Debian $(cat "$w/root/etc/debian_version") root; assumed packages: ${ASSUMED[*]}"
echo "Harness: a venv in the root with segno and openpyxl from PyPI (the bundle runs without it)"
in_root "python3 -m venv /opt/smoke-harness && /opt/smoke-harness/bin/pip install -q --disable-pip-version-check \
    segno openpyxl"
in_root "cd /srv/app/main && SMOKE_PYTHON=/opt/smoke-harness/bin/python ${display:+SMOKE_DISPLAY=$display} \
    bash packaging/smoke-test.sh dist/$(basename "$bundle")"
