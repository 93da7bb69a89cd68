#!/usr/bin/env bash
# Installs (or with --uninstall removes) the Checkpoint Station menu entry and icon for the current user:
#   ~/.local/share/applications/checkpoint-station.desktop     Exec points at this bundle's executable
#   ~/.local/share/icons/hicolor/scalable/apps/checkpoint-station.svg
# Usage:  install-desktop-entry.sh [--uninstall] [BUNDLE_DIR]
# BUNDLE_DIR defaults to the folder this script is in (build.sh copies it into the bundle); from a source
# checkout (packaging/) it defaults to the newest dist/checkpoint-station-*/.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
uninstall=0
bundle=""
for arg in "$@"; do
    case "$arg" in
        --uninstall) uninstall=1 ;;
        -h|--help) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        -*) echo "install-desktop-entry.sh: unknown option $arg" >&2; exit 2 ;;
        *) bundle="$arg" ;;
    esac
done

data_home="${XDG_DATA_HOME:-$HOME/.local/share}"
apps="$data_home/applications"
icons="$data_home/icons/hicolor/scalable/apps"
entry="$apps/checkpoint-station.desktop"
icon="$icons/checkpoint-station.svg"

refresh() {
    if command -v update-desktop-database >/dev/null 2>&1; then update-desktop-database -q "$apps" || true; fi
    if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$data_home/icons/hicolor/index.theme" ]; then
        gtk-update-icon-cache -q -t "$data_home/icons/hicolor" || true
    fi
}

if [ "$uninstall" -eq 1 ]; then
    rm -f "$entry" "$icon"
    refresh
    echo "Removed $entry and $icon"
    exit 0
fi

if [ -z "$bundle" ]; then
    if [ -x "$here/checkpoint" ]; then
        bundle="$here"
    else
        bundle="$(ls -d "$here"/../dist/checkpoint-station-*/ 2>/dev/null | sort -V | tail -n 1 || true)"
    fi
fi
[ -n "$bundle" ] && [ -x "$bundle/checkpoint" ] || {
    echo "install-desktop-entry.sh: no bundle found (give the folder holding the 'checkpoint' executable)" >&2
    exit 1
}
bundle="$(cd "$bundle" && pwd)"
exe="$bundle/checkpoint"
# Exec quoting (Desktop Entry spec): keep it simple and refuse the characters that need escaping.
case "$exe" in
    *[\"\`\$\\]*|*$'\n'*) echo "install-desktop-entry.sh: the bundle path must not contain \" \` \$ \\ or newlines: $exe" >&2; exit 1 ;;
esac
exec_path="${exe//%/%%}"

# The template and icon sit beside this script (in the bundle) or in packaging/ (source checkout).
template="$here/checkpoint-station.desktop"
svg="$here/checkpoint-station.svg"
for f in "$template" "$svg"; do
    [ -f "$f" ] || { echo "install-desktop-entry.sh: missing $f" >&2; exit 1; }
done

mkdir -p "$apps" "$icons"
install -m 644 "$svg" "$icon"
tmp="$(mktemp "$apps/.checkpoint-station.XXXXXX")"
trap 'rm -f "$tmp"' EXIT
# Copy the template, pointing Exec (quoted, % doubled) and TryExec (a plain path) at this bundle.
while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in
        Exec=*) printf 'Exec="%s" gui\nTryExec=%s\n' "$exec_path" "$exe" ;;
        TryExec=*) ;;
        *) printf '%s\n' "$line" ;;
    esac
done < "$template" > "$tmp"
chmod 644 "$tmp"
mv "$tmp" "$entry"
refresh
echo "Installed $entry (Exec: $exe gui)"
echo "Installed $icon"
