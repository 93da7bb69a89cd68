"""Decoded codes and what kind of payload they carry.

Recognition here is by form only. Signatures are checked elsewhere (``domain.credentials``); until then a
``ScannedCode`` says ``signature = none``.

Provincial health-code platforms are recognised by configurable patterns (``Platform``): the station reads
them from ``resources/platforms.toml`` (or the admin's copy in the config folder) with
:func:`parse_platforms` and passes them to :func:`classify` / :func:`platform_of`, which stay pure.
"""

from __future__ import annotations

import enum
import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass

from checkpoint.domain.documents import DocumentLimitError, load_toml
from checkpoint.domain.records import CodeKind

MAX_PLATFORMS_CHARS = 1024 * 1024  # a platforms file is a few kB
MAX_PLATFORMS_DEPTH = 8  # [[platform]] tables with a list of patterns

DCC_PREFIX = "HC1:"
STATION_PASS_PREFIX = "CPS1:"

MAX_CODE_CHARS = 7089
"""The longest text any scanned code can carry: a version-40 QR code at the lowest error correction holds
7,089 numeric characters (4,296 alphanumeric, 2,953 bytes, 1,817 kanji); Data Matrix, Aztec and PDF417
hold fewer. A longer text is no code: it is not classified or verified, and the scan field takes no more."""

# Generic forms of a provincial health code (a URL or an opaque token) for platforms nobody configured,
# matched without backtracking regular expressions so the time is linear in the text's length:
# a URL whose host has one of these words before a dot, ...
_HOST_WORDS = re.compile(r"jkm|health|hsa|ykm|skm|jiankangma|healthcode", re.IGNORECASE)
# ... or a URL with one of these words anywhere before its first space, ...
_URL_WORDS = re.compile(r"healthcode|jkm|ykm|skm|suikang|yuekang|hmm", re.IGNORECASE)
# ... or a bare token such as ``jkm:0a1b2c3d``.
_TOKEN = re.compile(r"(?:jkm|hc|skm|ykm)[:_-][0-9a-z]{8,}", re.IGNORECASE)
_URL_START = re.compile(r"https?://", re.IGNORECASE)
_HOST_END = re.compile(r"[/\s]")
_SPACE = re.compile(r"\s")


def _is_generic_health_code(text: str) -> bool:
    """Whether a (stripped) text has the form of a provincial health code: linear in its length."""
    start = _URL_START.match(text)
    if start is None:
        return _TOKEN.fullmatch(text) is not None
    rest = text[start.end() :]
    end = _HOST_END.search(rest)
    host = rest[: end.start()] if end else rest
    dot = host.rfind(".")
    if dot > 0 and _HOST_WORDS.search(host, 0, dot) is not None:  # a word, then a dot, in the host
        return True
    space = _SPACE.search(rest)
    return _URL_WORDS.search(rest, 0, space.start() if space else len(rest)) is not None


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
    SERIAL = "serial"  # a scanner on a serial port sent it
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


@dataclass(frozen=True, slots=True)
class Platform:
    """A provincial health-code platform, recognised when any of its patterns matches the token."""

    key: str  # short stable id, e.g. "guangdong"
    name_zh: str
    name_en: str
    patterns: tuple[re.Pattern[str], ...]

    def recognises(self, text: str) -> bool:
        stripped = text.strip()
        return any(pattern.search(stripped) for pattern in self.patterns)


class PlatformsError(ValueError):
    """A platforms file that cannot be used; the message names the entry and the problem."""


def parse_platforms(text: str) -> tuple[Platform, ...]:
    """Platforms from TOML: ``[[platform]]`` tables with ``key``, ``name_zh``, ``name_en`` and
    ``patterns`` (a list of regular expressions, searched in the stripped token, case-insensitive).

    Raises :class:`PlatformsError` for bad TOML, a missing or empty field, a bad regular expression or a
    repeated key.
    """
    try:
        data = load_toml(text, max_chars=MAX_PLATFORMS_CHARS, max_depth=MAX_PLATFORMS_DEPTH)
    except DocumentLimitError as error:
        raise PlatformsError(f"refused: {error}") from None
    except tomllib.TOMLDecodeError as error:
        raise PlatformsError(f"not TOML: {error}") from None
    entries = data.get("platform", [])
    if not isinstance(entries, list):
        raise PlatformsError("'platform' must be a list of tables ([[platform]])")
    found: list[Platform] = []
    for index, entry in enumerate(entries, start=1):
        if not isinstance(entry, dict):
            raise PlatformsError(f"platform {index}: not a table")
        texts: dict[str, str] = {}
        for name in ("key", "name_zh", "name_en"):
            value = entry.get(name)
            if not isinstance(value, str) or not value.strip():
                raise PlatformsError(f"platform {index}: '{name}' must be a non-empty text")
            texts[name] = value.strip()
        raw = entry.get("patterns")
        if not isinstance(raw, list) or not raw or not all(isinstance(p, str) and p for p in raw):
            raise PlatformsError(
                f"platform {index} ({texts['key']}): 'patterns' must list regular expressions"
            )
        try:
            patterns = tuple(re.compile(p, re.IGNORECASE) for p in raw)
        except re.error as error:
            raise PlatformsError(f"platform {index} ({texts['key']}): bad pattern: {error}") from None
        if any(p.key == texts["key"] for p in found):
            raise PlatformsError(f"platform {index}: key {texts['key']!r} is used twice")
        found.append(Platform(texts["key"], texts["name_zh"], texts["name_en"], patterns))
    return tuple(found)


def platform_of(text: str, platforms: Sequence[Platform]) -> Platform | None:
    """The first configured platform that recognises the token, if any (none for a text longer than any
    code: the administrator's patterns are not run on it)."""
    if len(text) > MAX_CODE_CHARS + 64:  # a little room for spaces around a code, stripped later
        return None
    return next((platform for platform in platforms if platform.recognises(text)), None)


def classify(text: str, platforms: Sequence[Platform] = ()) -> CodeKind:
    """The kind of payload, from its form alone (a configured platform's token is a health code). Linear
    in the text's length; a text longer than :data:`MAX_CODE_CHARS` is no code (``unknown``)."""
    stripped = text.strip()
    if len(stripped) > MAX_CODE_CHARS:
        return CodeKind.UNKNOWN
    if stripped.startswith(DCC_PREFIX):
        return CodeKind.DCC
    if stripped.startswith(STATION_PASS_PREFIX):
        return CodeKind.STATION_PASS
    if platform_of(stripped, platforms) is not None:
        return CodeKind.HEALTH_CODE
    if _is_generic_health_code(stripped):
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
