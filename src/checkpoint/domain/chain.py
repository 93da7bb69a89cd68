"""The hash chain that makes an edited, inserted or removed record detectable.

Every record a station appends gets the next number of that station's sequence and a hash over the
previous record's hash and its own canonical bytes. Changing one stored field, slipping a row in or taking
one out breaks the chain from that record on, and ``checkpoint db verify`` names the first broken record.

The serialisation is part of the stored data: once records exist, :func:`canonical_bytes` must never change
its output for the same input (a golden test pins it).
"""

from __future__ import annotations

import enum
import hashlib
import json
import math
import re
import uuid
from collections.abc import Mapping
from datetime import UTC, date, datetime

GENESIS = "0" * 64
"""The ``prev_hash`` of a station's first record."""

_HASH_RE = re.compile(r"^[0-9a-f]{64}$")


class _RefusedError(Exception):
    """A value that cannot be hashed, raised deep in a record; ``_normalise`` re-raises it with its path."""

    def __init__(self, error: type[ValueError] | type[TypeError], message: str) -> None:
        super().__init__(message)
        self.error = error
        self.path: list[str] = []


def _normalise(value: object, where: str) -> object:
    """The JSON-ready form of one value; raises for anything whose serialisation would be ambiguous.

    The path named in the error (``where``) is built only when a value is refused: bulk loads hash
    millions of records, and formatting a path for every nested field cost more than the hashing.
    """
    try:
        return _plain(value)
    except _RefusedError as refused:
        path = where + "".join(reversed(refused.path))
        raise refused.error(f"{path}: {refused}") from None


_SCALARS = (str, int, bool, type(None))


def _plain(value: object) -> object:
    kind = type(value)
    if kind in _SCALARS:  # the common cases first, by exact type: same results, far fewer checks
        return value
    if kind is uuid.UUID:
        return str(value)
    if kind is float and math.isfinite(value):  # type: ignore[arg-type]
        return value
    if isinstance(value, enum.Enum):
        return _plain(value.value)
    if isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise _RefusedError(ValueError, f"a non-finite float cannot be hashed: {value!r}")
        return value
    if isinstance(value, datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise _RefusedError(ValueError, f"a naive datetime cannot be hashed (which timezone?): {value!r}")
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, tuple | list):
        out_list: list[object] = []
        for i, item in enumerate(value):
            if type(item) in _SCALARS:
                out_list.append(item)
                continue
            try:
                out_list.append(_plain(item))
            except _RefusedError as refused:
                refused.path.append(f"[{i}]")
                raise
        return out_list
    if isinstance(value, Mapping):
        out: dict[str, object] = {}
        for key, item in value.items():
            if not isinstance(key, str):
                raise _RefusedError(TypeError, f"mapping keys must be strings, got {key!r}")
            if type(item) in _SCALARS:
                out[key] = item
                continue
            try:
                out[key] = _plain(item)
            except _RefusedError as refused:
                refused.path.append(f".{key}")
                raise
        return out
    raise _RefusedError(TypeError, f"cannot hash a value of type {type(value).__name__}")


def canonical_bytes(record_kind: str, fields: Mapping[str, object]) -> bytes:
    """Deterministic bytes for one record: JSON with sorted keys, compact, UTF-8.

    Datetimes become ISO-8601 in UTC with microseconds (``2026-11-22T08:30:00.000000Z``), UUIDs their
    36-character string, enums their value, tuples lists. Naive datetimes, non-finite floats and types
    without one obvious form are refused.
    """
    if not record_kind:
        raise ValueError("record_kind must not be empty")
    document = {"kind": record_kind, "fields": _normalise(fields, record_kind)}
    text = json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.encode("utf-8")


def chain_hash(prev_hash: str, record_kind: str, fields: Mapping[str, object]) -> str:
    """SHA-256 (lowercase hex) over the previous hash and this record's canonical bytes."""
    if not _HASH_RE.match(prev_hash):
        raise ValueError(f"prev_hash must be 64 lowercase hex digits, got {prev_hash!r}")
    digest = hashlib.sha256(prev_hash.encode("ascii"))
    digest.update(canonical_bytes(record_kind, fields))
    return digest.hexdigest()
