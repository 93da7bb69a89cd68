"""The native code the station loads, and the system libraries it needs: derived, not guessed.

    .venv/bin/python scripts/native_libs.py            lists every shared library that the station's native
                                                       code needs and this machine lacks (exit 1 if any)
    .venv/bin/python scripts/native_libs.py --packages the Debian packages that provide the system libraries
                                                       it needs (dpkg -S), and which of them
                                                       scripts/system-deps does not install

"The station's native code" is every extension module that importing all of ``checkpoint`` loads (PySide6
and the Qt libraries it links, OpenCV, zxing-cpp, argon2, cryptography, ...), the Qt plugins the station
loads at run time (platforms for a desktop, a kiosk and offscreen, image formats and icon engines for the
icons, the multimedia backend for the tones, printing, the input-method plugins), and libzbar, which pyzbar
loads with ctypes. ``ldd`` resolves each one's whole dependency tree; a "not found" is a library a user's
machine would be missing. tests/test_native_libraries.py runs the same check in the suite, so a clean
machine (CI runs the suite in a fresh Debian 12 root) fails there, naming the library, before a user does.
"""

from __future__ import annotations

import argparse
import ctypes.util
import re
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

# Qt plugins the station loads (relative to PySide6/Qt/plugins). Not listed, on purpose: the GTK platform
# theme (pulls GTK), EGLFS/LinuxFB/VNC/Vulkan display platforms and evdev input (a kiosk without X or
# Wayland is not a set-up we support), the virtual keyboard (QML), the Wayland compositor side.
QT_PLUGINS = (
    "platforms/libqxcb.so",
    "platforms/libqwayland.so",
    "platforms/libqoffscreen.so",
    "platforms/libqminimal.so",
    "xcbglintegrations/*.so",
    "wayland-shell-integration/*.so",
    "wayland-decoration-client/*.so",
    "wayland-graphics-integration-client/*.so",
    "platforminputcontexts/libcomposeplatforminputcontextplugin.so",
    "platforminputcontexts/libibusplatforminputcontextplugin.so",
    "imageformats/*.so",
    "iconengines/*.so",
    "multimedia/*.so",
    "printsupport/*.so",
    "tls/*.so",
    "networkinformation/*.so",
)

_NOT_FOUND = re.compile(r"^\s*(\S+) => not found", re.MULTILINE)
_RESOLVED = re.compile(r"^\s*\S+ => (/\S+) \(0x", re.MULTILINE)


def station_distributions() -> set[str]:
    """The distributions the station runs on: checkpoint-station's requirements, transitively (no extras)."""
    from importlib import metadata

    seen: set[str] = set()
    todo = ["checkpoint-station"]
    while todo:
        name = todo.pop()
        key = re.sub(r"[-_.]+", "-", name).lower()
        if key in seen:
            continue
        seen.add(key)
        try:
            requires = metadata.requires(name) or []
        except metadata.PackageNotFoundError:
            continue
        for requirement in requires:
            if "extra ==" in requirement:
                continue
            match = re.match(r"[A-Za-z0-9][A-Za-z0-9._-]*", requirement)
            if match:
                todo.append(match.group(0))
    return seen


def qt_modules_used() -> set[str]:
    """The PySide6 modules the station's source imports (``from PySide6.QtX import ...``)."""
    source = Path(__file__).resolve().parents[1] / "src" / "checkpoint"
    used = {"QtCore", "QtGui", "QtWidgets"}
    for path in source.rglob("*.py"):
        used.update(re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    return used


def native_files() -> list[Path]:
    """The extension modules and bundled libraries of the station's distributions (PySide6: only the
    modules the station imports), the station's Qt plugins and libzbar. Found on disk, not by importing:
    an import fails at the first missing library, and this should name them all."""
    from importlib import metadata

    files: set[Path] = set()
    qt_modules = qt_modules_used()
    for name in station_distributions():
        try:
            dist_files = metadata.files(name) or []
        except metadata.PackageNotFoundError:
            continue
        for entry in dist_files:
            if not re.search(r"\.so(\.[0-9.]+)?$", entry.name):
                continue
            parts = entry.parts
            if parts[0] == "PySide6" and len(parts) == 2 and entry.name.split(".")[0] not in qt_modules:
                continue  # a PySide6 module the station never imports (QtWebEngine, Qt3D, ...)
            if parts[0] == "PySide6" and len(parts) > 2:
                continue  # Qt's own libraries and plugins: reached through the modules' ldd and QT_PLUGINS
            files.add(Path(str(entry.locate())).resolve())
    import PySide6

    plugins = Path(PySide6.__file__).resolve().parent / "Qt" / "plugins"
    for pattern in QT_PLUGINS:
        files.update(path.resolve() for path in plugins.glob(pattern))
    zbar = ctypes.util.find_library("zbar")
    if zbar is None:
        raise SystemExit("libzbar is not installed (Debian: libzbar0): pyzbar cannot load it")
    files.add(Path(_loaded_path(zbar)))
    return sorted(files)


def _loaded_path(soname: str) -> str:
    """Where the dynamic loader finds ``soname`` (ldconfig's cache)."""
    listing = subprocess.run(["ldconfig", "-p"], capture_output=True, text=True, check=True).stdout
    for line in listing.splitlines():
        name, _, path = line.strip().partition(" => ")
        if name.split(" ", 1)[0] == soname:
            return path
    raise SystemExit(f"{soname} is not in the dynamic loader's cache")


def ldd(path: Path) -> str:
    return subprocess.run(["ldd", str(path)], capture_output=True, text=True, check=False).stdout


def missing_libraries(files: Iterable[Path]) -> dict[str, list[Path]]:
    """Each library that no folder of the loader has, with the native files that need it."""
    missing: dict[str, list[Path]] = {}
    for path in files:
        for name in _NOT_FOUND.findall(ldd(path)):
            missing.setdefault(name, []).append(path)
    return missing


def system_libraries(files: Iterable[Path]) -> set[str]:
    """The resolved libraries outside the Python environment (what the operating system must provide)."""
    prefix = str(Path(sys.prefix).resolve())
    found: set[str] = set()
    for path in files:
        for library in _RESOLVED.findall(ldd(path)):
            resolved = str(Path(library).resolve())
            if not resolved.startswith(prefix):
                found.add(library)
    return found


def debian_packages(libraries: Iterable[str]) -> dict[str, str]:
    """The Debian package of each library (``dpkg -S``), keyed by package, one library as an example."""
    packages: dict[str, str] = {}
    for library in sorted(libraries):
        for candidate in (library, str(Path(library).resolve())):
            out = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True, check=False)
            if out.returncode == 0:
                package = out.stdout.split(":", 1)[0].split(",")[0].strip()
                packages.setdefault(package, library)
                break
    return packages


def listed_in_system_deps() -> set[str]:
    """The packages scripts/system-deps installs for the station (its ``packages=(...)`` array)."""
    text = (Path(__file__).resolve().parent / "system-deps").read_text(encoding="utf-8")
    block = re.search(r"^packages=\((.*?)^\)", text, re.MULTILINE | re.DOTALL)
    assert block, "scripts/system-deps has no packages=( ... ) array"
    return set(block.group(1).split())


def covered_by(packages: Iterable[str]) -> set[str]:
    """``packages`` and everything apt installs with them (Depends and Pre-Depends, recursively)."""
    out = subprocess.run(
        [
            "apt-cache",
            "depends",
            "--recurse",
            "--important",
            "--no-recommends",
            "--no-suggests",
            "--no-conflicts",
            "--no-breaks",
            "--no-replaces",
            "--no-enhances",
            *sorted(packages),
        ],
        capture_output=True,
        text=True,
        check=False,
    ).stdout
    names = {line.strip() for line in out.splitlines() if line and not line.startswith(" ")}
    names.update(re.findall(r"Depends: (\S+)", out))
    return {name.split(":")[0] for name in names if not name.startswith("<")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--packages", action="store_true", help="derive the Debian packages (dpkg -S)")
    args = parser.parse_args(argv)
    files = native_files()
    missing = missing_libraries(files)
    for name, needed_by in sorted(missing.items()):
        print(f"missing: {name} (needed by {', '.join(path.name for path in needed_by[:3])})")
    unlisted = 0
    if args.packages:
        packages = debian_packages(system_libraries(files))
        listed = listed_in_system_deps()
        covered = covered_by(listed)
        for package, example in sorted(packages.items()):
            status = "listed" if package in listed else "pulled in" if package in covered else "NOT LISTED"
            print(f"{package:32} {status:10} {example}")
            unlisted += status == "NOT LISTED"
    print(
        f"{len(files)} native files checked, {len(missing)} libraries missing, {unlisted} packages not listed"
    )
    return 1 if missing or unlisted else 0


if __name__ == "__main__":
    sys.exit(main())
