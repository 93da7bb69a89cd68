"""The EU DCC (hcert) container: ``HC1:`` + Base45(zlib(COSE_Sign1(CWT claims))).

CWT claims used: 1 ``iss`` (issuing country), 4 ``exp``, 6 ``iat`` (seconds since the epoch) and
-260 ``hcert`` whose key 1 holds the certificate itself (the JSON of the DCC schema: ``ver``, ``nam``,
``dob`` and one of ``v``, ``t``, ``r``).
"""

from __future__ import annotations

import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from checkpoint.domain.credentials import base45, cbor
from checkpoint.domain.credentials.errors import (
    ERROR_CBOR,
    ERROR_PREFIX,
    ERROR_TOO_LARGE,
    ERROR_ZLIB,
    CredentialError,
)

DCC_PREFIX = "HC1:"
CLAIM_ISS = 1
CLAIM_EXP = 4
CLAIM_NBF = 5
CLAIM_IAT = 6
CLAIM_CTI = 7
CLAIM_HCERT = -260
HCERT_EU_DCC = 1

MAX_PAYLOAD_CHARS = 8000  # a QR code holds at most 4296 alphanumeric characters
MAX_INFLATED = 64 * 1024  # a DCC inflates to a few kB; more is a decompression bomb


@dataclass(frozen=True, slots=True)
class CwtClaims:
    issuer: str | None
    issued_at: datetime | None
    expires_at: datetime | None
    hcert: Mapping[Any, Any]  # the DCC (claim -260, key 1), as decoded from CBOR


def unprefix(text: str, prefix: str = DCC_PREFIX) -> str:
    """The Base45 part after ``prefix``; "prefix" error for a missing or other context (HC2:, HL0:...)."""
    if not text.startswith(prefix):
        head = text.split(":", 1)[0][:8] if ":" in text[:9] else ""
        what = f"context {head!r} is not supported" if head else "no prefix"
        raise CredentialError(ERROR_PREFIX, f"{what}, expected {prefix!r}")
    return text[len(prefix) :]


def inflate(data: bytes) -> bytes:
    """zlib-decompress, refusing anything that is not one complete zlib stream or inflates too far."""
    inflater = zlib.decompressobj()
    try:
        out = inflater.decompress(data, MAX_INFLATED)
    except zlib.error as error:
        raise CredentialError(ERROR_ZLIB, str(error)) from None
    if inflater.unconsumed_tail:
        raise CredentialError(ERROR_ZLIB, f"inflates beyond {MAX_INFLATED} bytes")
    if not inflater.eof:
        raise CredentialError(ERROR_ZLIB, "truncated zlib stream")
    return out


def deflate(data: bytes) -> bytes:
    return zlib.compress(data, 9)


def unwrap(text: str, prefix: str = DCC_PREFIX) -> bytes:
    """The COSE bytes inside a prefixed, Base45-encoded, zlib-compressed payload."""
    if len(text) > MAX_PAYLOAD_CHARS:
        raise CredentialError(ERROR_TOO_LARGE, f"{len(text)} characters")
    return inflate(base45.decode(unprefix(text, prefix)))


def wrap(cose: bytes, prefix: str = DCC_PREFIX) -> str:
    return prefix + base45.encode(deflate(cose))


def _time(claims: Mapping[Any, Any], key: int, name: str) -> datetime | None:
    value = claims.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise CredentialError(ERROR_CBOR, f"claim {name} is not a number")
    try:
        return datetime.fromtimestamp(value, UTC)
    except (OverflowError, OSError, ValueError):
        raise CredentialError(ERROR_CBOR, f"claim {name} is out of range") from None


def decode_claims(payload: bytes) -> CwtClaims:
    """The CWT claims of a DCC; "cbor" error when the payload is not a CWT with an hcert claim."""
    claims = cbor.loads(payload)
    if not isinstance(claims, Mapping):
        raise CredentialError(ERROR_CBOR, "CWT payload is not a map")
    hcert = claims.get(CLAIM_HCERT)
    if not isinstance(hcert, Mapping) or not isinstance(hcert.get(HCERT_EU_DCC), Mapping):
        raise CredentialError(ERROR_CBOR, "no hcert claim (-260 / 1)")
    issuer = claims.get(CLAIM_ISS)
    if issuer is not None and not isinstance(issuer, str):
        raise CredentialError(ERROR_CBOR, "claim iss is not a text")
    return CwtClaims(
        issuer=issuer,
        issued_at=_time(claims, CLAIM_IAT, "iat"),
        expires_at=_time(claims, CLAIM_EXP, "exp"),
        hcert=hcert[HCERT_EU_DCC],
    )


def entry_types(dcc: Mapping[Any, Any]) -> tuple[str, ...]:
    """Which kinds of statement a DCC carries: ``v`` vaccination, ``t`` test, ``r`` recovery."""
    return tuple(t for t in ("v", "t", "r") if t in dcc)
