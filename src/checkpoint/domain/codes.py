"""Decoded codes and what kind of payload they carry.

Recognition here is by form only. Signatures are checked elsewhere (a later layer); until then a
``ScannedCode`` says ``signature = none``.
"""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass

from checkpoint.domain.records import CodeKind

DCC_PREFIX = "HC1:"
STATION_PASS_PREFIX = "CPS1:"

# Provincial health-code platforms: their QR is a URL or an opaque token. These patterns recognise the
# common forms; a later issue makes them configurable.
_HEALTH_CODE_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(r"^https?://[^/\s]*(jkm|health|hsa|ykm|skm|jiankangma|healthcode)[^/\s]*\.", re.IGNORECASE),
    re.compile(r"^https?://[^\s]*(healthcode|jkm|ykm|skm|suikang|yuekang|hmm)[^\s]*", re.IGNORECASE),
    re.compile(r"^(jkm|hc|skm|ykm)[:_-][0-9a-z]{8,}$", re.IGNORECASE),
)


class Signature(enum.StrEnum):
    VALID = "valid"
    INVALID = "invalid"
    UNTRUSTED = "untrusted"
    NONE = "none"


class Backend(enum.StrEnum):
    """Which decoder read a code."""

    ZXING = "zxing-cpp"
    PYZBAR = "pyzbar"
    OPENCV = "opencv"
    KEYBOARD = "keyboard"  # a keyboard-wedge scanner typed it
    STDIN = "stdin"


Point = tuple[float, float]


@dataclass(frozen=True, slots=True)
class DecodedCode:
    """A code found in an image (or typed by a scanner): its text, bytes and corners."""

    text: str
    raw: bytes
    points: tuple[Point, ...] | None
    backend: Backend
    symbology: str = "QRCode"

    @property
    def centre(self) -> Point | None:
        if not self.points:
            return None
        xs = [p[0] for p in self.points]
        ys = [p[1] for p in self.points]
        return (sum(xs) / len(xs), sum(ys) / len(ys))


def classify(text: str) -> CodeKind:
    """The kind of payload, from its form alone."""
    stripped = text.strip()
    if stripped.startswith(DCC_PREFIX):
        return CodeKind.DCC
    if stripped.startswith(STATION_PASS_PREFIX):
        return CodeKind.STATION_PASS
    if any(p.search(stripped) for p in _HEALTH_CODE_PATTERNS):
        return CodeKind.HEALTH_CODE
    return CodeKind.UNKNOWN


@dataclass(frozen=True, slots=True)
class ScannedCode:
    """One code as ``checkpoint scan`` reports it (see DESIGN.md, "The checkpoint command")."""

    text: str
    kind: CodeKind
    signature: Signature = Signature.NONE
    expired: bool | None = None
    payload: object | None = None
    points: tuple[Point, ...] | None = None
    errors: tuple[str, ...] = ()

    def to_json(self) -> dict[str, object]:
        return {
            "text": self.text,
            "kind": self.kind.value,
            "signature": self.signature.value,
            "expired": self.expired,
            "payload": self.payload,
            "points": [[round(x, 1), round(y, 1)] for x, y in self.points] if self.points else None,
            "errors": list(self.errors),
        }


def scanned_from_decoded(code: DecodedCode) -> ScannedCode:
    return ScannedCode(text=code.text, kind=classify(code.text), points=code.points)
