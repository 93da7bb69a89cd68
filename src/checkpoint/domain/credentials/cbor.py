"""CBOR in and out, with every decoder failure turned into a :class:`CredentialError`.

cbor2 raises many exception types on hostile input (its own decode errors, ``ValueError`` from semantic
tags, ``RecursionError`` on deep nesting, ``TypeError`` on unhashable map keys...). Nothing of that may
escape a scan, so :func:`loads` catches them all and says ``cbor``.
"""

from __future__ import annotations

import base64
import io
import math
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

import cbor2

from checkpoint.domain.credentials.errors import ERROR_CBOR, CredentialError

MAX_DEPTH = 32  # far deeper than any certificate or pass; stops pathological nesting early


def loads(data: bytes) -> Any:
    """One CBOR item that fills ``data`` exactly (trailing bytes are an error)."""
    stream = io.BytesIO(data)
    try:
        item = cbor2.CBORDecoder(stream).decode()
    except Exception as error:  # cbor2 raises many kinds; all mean "not CBOR we accept"
        raise CredentialError(ERROR_CBOR, f"{type(error).__name__}: {error}"[:200]) from None
    if stream.tell() != len(data):
        raise CredentialError(ERROR_CBOR, f"{len(data) - stream.tell()} bytes after the item")
    if _depth(item, 0) > MAX_DEPTH:
        raise CredentialError(ERROR_CBOR, f"nested deeper than {MAX_DEPTH}")
    return item


def dumps(item: object) -> bytes:
    return cbor2.dumps(item)


def _depth(item: object, level: int) -> int:
    if level > MAX_DEPTH:
        return level
    if isinstance(item, Mapping):
        return max((max(_depth(k, level + 1), _depth(v, level + 1)) for k, v in item.items()), default=level)
    if isinstance(item, list | tuple):
        return max((_depth(v, level + 1) for v in item), default=level)
    if isinstance(item, cbor2.CBORTag):
        return _depth(item.value, level + 1)
    return level


def to_json(item: object) -> object:
    """A JSON-serialisable copy: map keys as text, bytes as base64, dates as ISO-8601, tags unwrapped."""
    if isinstance(item, Mapping):
        return {str(k): to_json(v) for k, v in item.items()}
    if isinstance(item, list | tuple):
        return [to_json(v) for v in item]
    if isinstance(item, bytes):
        return base64.b64encode(item).decode("ascii")
    if isinstance(item, datetime):  # CBOR tag 0/1: RFC 3339, "Z" for UTC as most issuers write it
        text = item.isoformat()
        return text[:-6] + "Z" if text.endswith("+00:00") else text
    if isinstance(item, date):
        return item.isoformat()
    if isinstance(item, cbor2.CBORTag):
        return to_json(item.value)
    if item is None or isinstance(item, bool | int | float | str):
        if isinstance(item, float) and not math.isfinite(item):  # NaN and infinities are not JSON
            return None
        return item
    return str(item)
