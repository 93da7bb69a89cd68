"""Why an export failed, classified by what the user can do about it."""

from __future__ import annotations

import enum
import errno
from pathlib import Path


class ExportErrorKind(enum.StrEnum):
    FOLDER_MISSING = "folder_missing"  # the target folder does not exist (or is a file)
    PERMISSION_DENIED = "permission_denied"  # no right to write there (read-only folder or medium)
    DISK_FULL = "disk_full"  # no space left (or quota exceeded)
    OTHER = "other"  # anything else: the detail says what


class ExportError(Exception):
    """An export that did not happen; the target file is left as it was before.

    ``kind`` is for the UI's message; ``detail`` is the technical reason (path and OS message).
    """

    def __init__(self, kind: ExportErrorKind, detail: str, path: Path | None = None) -> None:
        super().__init__(f"{kind.value}: {detail}")
        self.kind = kind
        self.detail = detail
        self.path = path


_KIND_BY_ERRNO = {
    errno.ENOENT: ExportErrorKind.FOLDER_MISSING,
    errno.ENOTDIR: ExportErrorKind.FOLDER_MISSING,
    errno.EACCES: ExportErrorKind.PERMISSION_DENIED,
    errno.EPERM: ExportErrorKind.PERMISSION_DENIED,
    errno.EROFS: ExportErrorKind.PERMISSION_DENIED,
    errno.ENOSPC: ExportErrorKind.DISK_FULL,
    errno.EDQUOT: ExportErrorKind.DISK_FULL,
    errno.EFBIG: ExportErrorKind.DISK_FULL,
}


def classify_os_error(error: OSError) -> ExportErrorKind:
    """The kind of an OS error raised while writing an export."""
    if error.errno is not None and error.errno in _KIND_BY_ERRNO:
        return _KIND_BY_ERRNO[error.errno]
    if isinstance(error, PermissionError):
        return ExportErrorKind.PERMISSION_DENIED
    if isinstance(error, FileNotFoundError | NotADirectoryError):
        return ExportErrorKind.FOLDER_MISSING
    return ExportErrorKind.OTHER
