"""JSON and TOML the station did not write, read with a size cap and a nesting cap.

Python's ``json`` and ``tomllib`` descend one level of recursion per level of nesting: a trust list of a
few hundred thousand ``[`` ends in ``RecursionError`` (and whatever walks the result recurses as deep).
:func:`load_json` and :func:`load_toml` refuse a text longer than ``max_chars`` or nested deeper than
``max_depth`` with a :class:`DocumentLimitError` before the parser sees it. The nesting is measured by
one pass over the brackets and quotes of the text (strings and comments do not count), stopping as
soon as the limit is passed: linear in the text's length. Pure: text in, values or an error out.
"""

from __future__ import annotations

import enum
import json
import re
import tomllib
from collections.abc import Callable
from typing import Any

__all__ = ["DocumentLimitError", "Limit", "json_depth", "load_json", "load_toml", "toml_depth"]


class Limit(enum.StrEnum):
    TOO_LARGE = "too_large"
    TOO_DEEP = "too_deep"


class DocumentLimitError(ValueError):
    """A document over a limit; ``limit`` says which, ``allowed`` the limit's value."""

    def __init__(self, limit: Limit, allowed: int) -> None:
        large = limit is Limit.TOO_LARGE
        super().__init__(f"larger than {allowed} characters" if large else f"nested deeper than {allowed}")
        self.limit = limit
        self.allowed = allowed


_JSON_SIGNIFICANT = re.compile(r'[\[\]{}"\\]')
_TOML_SIGNIFICANT = re.compile(r"[\[\]{}\"'#\\\n]")


def _cheap_bound(text: str) -> int:
    """No text is nested deeper than it has opening brackets."""
    return text.count("[") + text.count("{")


def json_depth(text: str, stop_above: int) -> int:
    """How deep the arrays and objects of a JSON text nest (strings do not count); the scan stops once it
    passes ``stop_above``. Malformed JSON gets some number: the parser refuses it afterwards."""
    depth = deepest = 0
    in_string = False
    skip = -1  # the position a backslash escaped
    for match in _JSON_SIGNIFICANT.finditer(text):
        at = match.start()
        if at == skip:
            continue
        char = text[at]
        if in_string:
            if char == "\\":
                skip = at + 1
            elif char == '"':
                in_string = False
        elif char == '"':
            in_string = True
        elif char in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > stop_above:
                    break
        elif char in "]}":
            depth -= 1
    return deepest


def toml_depth(text: str, stop_above: int) -> int:
    """How deep the arrays, inline tables and table headers of a TOML text nest (strings and comments do
    not count); the scan stops once it passes ``stop_above``."""
    depth = deepest = 0
    quote = ""  # the open string's delimiter: one or three double or single quotes
    comment = False
    skip = -1
    for match in _TOML_SIGNIFICANT.finditer(text):
        at = match.start()
        if at <= skip:
            continue
        char = text[at]
        if comment:
            comment = char != "\n"
            continue
        if quote:
            if char == "\\" and quote[0] == '"':
                skip = at + 1
            elif char == "\n" and len(quote) == 1:
                quote = ""  # a one-line string ends with its line (the parser reports it)
            elif text.startswith(quote, at):
                skip = at + len(quote) - 1
                quote = ""
            continue
        if char in "\"'":
            quote = char * 3 if text.startswith(char * 3, at) else char
            skip = at + len(quote) - 1
        elif char == "#":
            comment = True
        elif char in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > stop_above:
                    break
        elif char in "]}":
            depth -= 1
    return deepest


def _check(text: str, max_chars: int, max_depth: int, depth_of: Callable[[str, int], int]) -> None:
    if len(text) > max_chars:
        raise DocumentLimitError(Limit.TOO_LARGE, max_chars)
    if _cheap_bound(text) > max_depth and depth_of(text, max_depth) > max_depth:
        raise DocumentLimitError(Limit.TOO_DEEP, max_depth)


def load_json(text: str, *, max_chars: int, max_depth: int) -> Any:
    """``json.loads`` for a text within the limits; :class:`DocumentLimitError` above them, ``ValueError``
    for text that is not JSON."""
    _check(text, max_chars, max_depth, json_depth)
    try:
        return json.loads(text)
    except RecursionError:  # cannot happen below the depth limit; kept as a clear error all the same
        raise DocumentLimitError(Limit.TOO_DEEP, max_depth) from None


def load_toml(text: str, *, max_chars: int, max_depth: int) -> dict[str, Any]:
    """``tomllib.loads`` for a text within the limits; :class:`DocumentLimitError` above them,
    ``tomllib.TOMLDecodeError`` for text that is not TOML."""
    _check(text, max_chars, max_depth, toml_depth)
    try:
        return tomllib.loads(text)
    except RecursionError:
        raise DocumentLimitError(Limit.TOO_DEEP, max_depth) from None
