"""PyInstaller runtime hook: make ``ctypes.util.find_library("zbar")`` return the bundled libzbar.

pyzbar loads zbar with ``cdll.LoadLibrary(find_library("zbar"))``; on Linux ``find_library`` only asks
``ldconfig``, which knows nothing of the bundle. This hook runs before any application code, so pyzbar's
``from ctypes.util import find_library`` already picks up the wrapper. Other names go to the original.
"""

import ctypes.util
import os
import sys

_original_find_library = ctypes.util.find_library


def _find_library(name: str) -> str | None:
    if name == "zbar":
        bundled = os.path.join(sys._MEIPASS, "libzbar.so.0")  # type: ignore[attr-defined]
        if os.path.isfile(bundled):
            return bundled
    return _original_find_library(name)


ctypes.util.find_library = _find_library
