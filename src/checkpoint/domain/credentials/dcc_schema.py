"""A focused structural check of a DCC against the EU DCC JSON schema (versions 1.0.0 to 1.3.x).

Not a general JSON-schema validator (jsonschema is not a dependency): it checks what the schema
requires and what a gate relies on -- ``ver``, ``nam.fnt`` (and the other name fields' types and
patterns), ``dob``, exactly one of ``v``/``t``/``r`` holding one or more entries, and each entry's
required fields with their types. Value sets (vaccine codes, countries) are not checked.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

_VERSION = re.compile(r"^\d+\.\d+\.\d+$")
_STANDARD_NAME = re.compile(r"^[A-Z<]*$")
_DOB = re.compile(r"^((19|20)\d\d(-\d\d){0,2}){0,1}$|^\d{4}-\d{2}-\d{2}$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}")

# field -> expected type ("s" text, "i" integer, "d" date text) per entry kind
_ENTRY_FIELDS: dict[str, dict[str, str]] = {
    "v": {
        "tg": "s",
        "vp": "s",
        "mp": "s",
        "ma": "s",
        "dn": "i",
        "sd": "i",
        "dt": "d",
        "co": "s",
        "is": "s",
        "ci": "s",
    },
    "t": {"tg": "s", "tt": "s", "sc": "d", "tr": "s", "co": "s", "is": "s", "ci": "s"},
    "r": {"tg": "s", "fr": "d", "co": "s", "is": "s", "df": "d", "du": "d", "ci": "s"},
}
_OPTIONAL_TEXT = {"t": ("nm", "ma", "tc"), "v": (), "r": ()}


def schema_problems(dcc: object) -> tuple[str, ...]:
    """What in ``dcc`` breaks the schema (empty: it conforms)."""
    if not isinstance(dcc, Mapping):
        return ("not an object",)
    problems: list[str] = []
    ver = dcc.get("ver")
    if not isinstance(ver, str) or not _VERSION.match(ver):
        problems.append("ver: missing or not a version")
    problems += _name_problems(dcc.get("nam"))
    dob = dcc.get("dob")
    if not isinstance(dob, str) or not _DOB.match(dob):
        problems.append("dob: missing or not a date")
    kinds = [k for k in ("v", "t", "r") if k in dcc]
    if len(kinds) != 1:
        problems.append(f"exactly one of v, t, r is required, found {len(kinds)}")
    for kind in kinds:
        problems += _entries_problems(kind, dcc[kind])
    return tuple(problems)


def _name_problems(nam: object) -> list[str]:
    if not isinstance(nam, Mapping):
        return ["nam: missing or not an object"]
    problems: list[str] = []
    fnt = nam.get("fnt")
    if not isinstance(fnt, str) or not _STANDARD_NAME.match(fnt) or len(fnt) > 80:
        problems.append("nam.fnt: missing or not in ICAO 9303 form")
    gnt = nam.get("gnt")
    if gnt is not None and (not isinstance(gnt, str) or not _STANDARD_NAME.match(gnt) or len(gnt) > 80):
        problems.append("nam.gnt: not in ICAO 9303 form")
    for key in ("fn", "gn"):
        value = nam.get(key)
        if value is not None and (not isinstance(value, str) or len(value) > 80):
            problems.append(f"nam.{key}: not a text of at most 80 characters")
    return problems


def _entries_problems(kind: str, entries: object) -> list[str]:
    if not isinstance(entries, list) or not entries:
        return [f"{kind}: not a non-empty array"]
    problems: list[str] = []
    for index, entry in enumerate(entries):
        where = f"{kind}[{index}]"
        if not isinstance(entry, Mapping):
            problems.append(f"{where}: not an object")
            continue
        for name, expected in _ENTRY_FIELDS[kind].items():
            if not _has_type(entry.get(name), expected):
                problems.append(f"{where}.{name}: missing or of the wrong type")
        for name in _OPTIONAL_TEXT[kind]:
            if name in entry and not isinstance(entry[name], str):
                problems.append(f"{where}.{name}: not a text")
    return problems


def _has_type(value: Any, expected: str) -> bool:
    if expected == "i":
        return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 9
    if not isinstance(value, str) or not value:
        return False
    return expected != "d" or bool(_DATE.match(value))
