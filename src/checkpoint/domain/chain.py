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


def _normalise(value: object, where: str) -> object:
    """The JSON-ready form of one value; raises for anything whose serialisation would be ambiguous."""
    kind = type(value)
    if kind is str or kind is int or kind is bool or value is None:  # the common case, fast
        return value
    if isinstance(value, enum.Enum):
        return _normalise(value.value, where)
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"{where}: a non-finite float cannot be hashed: {value!r}")
        return value
    if isinstance(value, datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError(f"{where}: a naive datetime cannot be hashed (which timezone?): {value!r}")
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, tuple | list):
        return [_normalise(item, f"{where}[{i}]") for i, item in enumerate(value)]
    if isinstance(value, Mapping):
        out: dict[str, object] = {}
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(f"{where}: mapping keys must be strings, got {key!r}")
            out[key] = _normalise(item, f"{where}.{key}")
        return out
    raise TypeError(f"{where}: cannot hash a value of type {type(value).__name__}")


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
