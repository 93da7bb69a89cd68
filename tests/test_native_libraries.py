"""Every shared library the station's native code needs is on this machine (issue: a green CI hid a
missing ``libpulse0``). CI runs the suite in a fresh Debian 12 root set up by the README's commands, so a
library that scripts/system-deps forgets fails here, named, instead of at a user's first start."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "native_libs.py"


def _native_libs() -> ModuleType:
    spec = importlib.util.spec_from_file_location("native_libs", SCRIPT)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("native_libs", module)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ldd and Debian packages: Linux only")
def test_every_library_the_station_loads_is_installed() -> None:
    native_libs = _native_libs()
    files = native_libs.native_files()
    names = {path.name for path in files}
    # The check covers what the station really loads, not an empty list.
    assert {"QtMultimedia.abi3.so", "libqxcb.so", "libqoffscreen.so", "libffmpegmediaplugin.so"} <= names
    assert any(name.startswith("libzbar.so") for name in names)
    assert any(name.startswith("cv2") for name in names)
    missing = native_libs.missing_libraries(files)
    report = "; ".join(
        f"{library} (needed by {', '.join(sorted(path.name for path in needed_by))})"
        for library, needed_by in sorted(missing.items())
    )
    assert not missing, (
        f"missing system libraries: {report}; add their Debian packages to scripts/system-deps"
    )
