"""Write a file all at once or not at all: a temp file in the same folder, fsync, then ``os.replace``.

A failed or interrupted export never leaves half a file at the target, and never leaves its temp file
behind either (except after a hard kill, when a hidden ``.<name>.*.part`` may remain beside it).
The file is created readable by its owner only (mode 0600): exports carry personal data.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from checkpoint.exports.errors import ExportError, ExportErrorKind, classify_os_error


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable; not possible (nor needed) on every platform."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: Path, write: Callable[[BinaryIO], None]) -> None:
    """Call ``write`` with a binary file that becomes ``path`` only when ``write`` returns.

    Raises ExportError for OS errors (classified by ``ExportErrorKind``); any other exception from
    ``write`` propagates unchanged. Either way the target is untouched and the temp file removed.
    """
    path = Path(path)
    folder = path.parent
    if not folder.exists():
        raise ExportError(ExportErrorKind.FOLDER_MISSING, f"folder does not exist: {folder}", path)
    if not folder.is_dir():
        raise ExportError(ExportErrorKind.FOLDER_MISSING, f"not a folder: {folder}", path)
    try:
        fd, temp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=folder)
    except OSError as error:
        raise ExportError(
            classify_os_error(error), f"cannot create a file in {folder}: {error}", path
        ) from error
    temp = Path(temp_name)
    try:
        with open(fd, "wb") as handle:
            write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException as error:
        with contextlib.suppress(OSError):
            temp.unlink()
        if isinstance(error, OSError):
            raise ExportError(classify_os_error(error), f"cannot write {path}: {error}", path) from error
        raise
    _fsync_folder(folder)
