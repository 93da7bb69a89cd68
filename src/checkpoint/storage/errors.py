"""Storage errors, classified by blame (after qutebrowser's ``misc/sql.py``).

Disk full, locked, read-only, corrupt, a newer schema, a folder we cannot write or a missing or wrong data
key (``storage.keys``) are the environment's fault: the station shows a clear message and keeps working.
``OTHER`` is our bug and belongs in the crash log. Bad input from the caller is not a storage error: it
raises :class:`InvalidRecordError` (a ``ValueError``).
"""

from __future__ import annotations

import enum
import errno
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import exc as sa_exc


class StorageErrorKind(enum.StrEnum):
    DISK_FULL = "disk_full"
    LOCKED = "locked"
    READ_ONLY = "read_only"
    CORRUPT = "corrupt"
    NEWER_SCHEMA = "newer_schema"
    UNWRITABLE_FOLDER = "unwritable_folder"
    DATA_KEY = (
        "data_key"  # the data key for sealed personal data is missing, unreadable or not this database's
    )
    OTHER = "other"


class StorageError(Exception):
    """The database could not do what was asked; ``kind`` says whose fault, ``detail`` the technical text."""

    def __init__(self, kind: StorageErrorKind, detail: str) -> None:
        super().__init__(f"{kind.value}: {detail}")
        self.kind = kind
        self.detail = detail


class InvalidRecordError(ValueError):
    """The caller asked for something the records do not allow (unknown gate, naive time, ...)."""


# SQLite primary result codes by name (sqlite3 exceptions carry ``sqlite_errorname`` since Python 3.11).
_SQLITE_NAMES: dict[str, StorageErrorKind] = {
    "SQLITE_FULL": StorageErrorKind.DISK_FULL,
    "SQLITE_BUSY": StorageErrorKind.LOCKED,
    "SQLITE_LOCKED": StorageErrorKind.LOCKED,
    "SQLITE_READONLY": StorageErrorKind.READ_ONLY,
    "SQLITE_CORRUPT": StorageErrorKind.CORRUPT,
    "SQLITE_NOTADB": StorageErrorKind.CORRUPT,
    "SQLITE_CANTOPEN": StorageErrorKind.UNWRITABLE_FOLDER,
    "SQLITE_PERM": StorageErrorKind.UNWRITABLE_FOLDER,
}

# Message fragments, for drivers that give no code (and as a fallback).
_MESSAGES: tuple[tuple[str, StorageErrorKind], ...] = (
    ("database or disk is full", StorageErrorKind.DISK_FULL),
    ("no space left on device", StorageErrorKind.DISK_FULL),
    ("database is locked", StorageErrorKind.LOCKED),
    ("database table is locked", StorageErrorKind.LOCKED),
    ("readonly", StorageErrorKind.READ_ONLY),
    ("read-only", StorageErrorKind.READ_ONLY),
    ("malformed", StorageErrorKind.CORRUPT),
    ("not a database", StorageErrorKind.CORRUPT),
    ("unable to open database file", StorageErrorKind.UNWRITABLE_FOLDER),
)

# PostgreSQL SQLSTATE codes (psycopg exposes ``pgcode`` / ``sqlstate``).
_PG_STATES: dict[str, StorageErrorKind] = {
    "53100": StorageErrorKind.DISK_FULL,  # disk_full
    "55P03": StorageErrorKind.LOCKED,  # lock_not_available
    "40P01": StorageErrorKind.LOCKED,  # deadlock_detected
    "25006": StorageErrorKind.READ_ONLY,  # read_only_sql_transaction
    "XX001": StorageErrorKind.CORRUPT,  # data_corrupted
    "XX002": StorageErrorKind.CORRUPT,  # index_corrupted
}


def classify(error: BaseException) -> StorageErrorKind:
    """Whose fault a database or file-system error is."""
    original: BaseException = error
    if isinstance(error, sa_exc.DBAPIError) and error.orig is not None:
        original = error.orig
    if isinstance(original, OSError):
        if original.errno in (errno.ENOSPC, errno.EDQUOT):
            return StorageErrorKind.DISK_FULL
        if original.errno == errno.EROFS:
            return StorageErrorKind.READ_ONLY
        return StorageErrorKind.UNWRITABLE_FOLDER
    if isinstance(original, sqlite3.Error):
        name = getattr(original, "sqlite_errorname", "") or ""
        primary = "_".join(name.split("_")[:2])  # SQLITE_IOERR_WRITE -> SQLITE_IOERR
        if primary in _SQLITE_NAMES:
            return _SQLITE_NAMES[primary]
    state = getattr(original, "pgcode", None) or getattr(original, "sqlstate", None)
    if isinstance(state, str) and state in _PG_STATES:
        return _PG_STATES[state]
    text = str(original).lower()
    for fragment, kind in _MESSAGES:
        if fragment in text:
            return kind
    return StorageErrorKind.OTHER


def storage_error(error: BaseException) -> StorageError:
    """A :class:`StorageError` for ``error``, keeping the driver's message as the detail."""
    original = error.orig if isinstance(error, sa_exc.DBAPIError) and error.orig is not None else error
    return StorageError(classify(error), f"{type(original).__name__}: {original}")


DB_ERRORS = (sa_exc.SQLAlchemyError, sqlite3.Error)
"""What the driver and SQLAlchemy raise for database trouble."""


@contextmanager
def translated() -> Iterator[None]:
    """Turn driver and SQLAlchemy errors into :class:`StorageError`; let InvalidRecordError through."""
    try:
        yield
    except StorageError:
        raise
    except DB_ERRORS as exc:
        raise storage_error(exc) from exc


LOW_SPACE_BYTES = 1024 * 1024
"""Free bytes below which a database folder counts as full."""


def on_full_disk(error: StorageError, folder: Path | None) -> StorageError:
    """``error`` as the disk being full when it is one: SQLite says "disk I/O error", not "database or
    disk is full", when the disk is full before it could create its ``-wal`` and ``-shm`` files (a
    database opened on a full disk). An I/O error while the database's folder has less than
    :data:`LOW_SPACE_BYTES` free is that; any other error is returned as it is."""
    if (
        folder is None
        or error.kind is not StorageErrorKind.OTHER
        or "disk i/o error" not in error.detail.lower()
    ):
        return error
    try:
        free = shutil.disk_usage(folder).free
    except OSError:
        return error
    if free >= LOW_SPACE_BYTES:
        return error
    return StorageError(StorageErrorKind.DISK_FULL, f"{free} bytes free in {folder} ({error.detail})")
