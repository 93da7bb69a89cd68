"""Reading the lists office software writes: one way for every importer (watchlist, residents).

Text: UTF-8 with or without a BOM, GBK/GB18030 (Excel's "CSV" on a Chinese Windows), UTF-16 with a BOM
(Excel's "Unicode text", tab-separated); comma, tab or semicolon separated (told from the first line).
Header cells are compared in :func:`header_key` form, so ``身份证号(必填)``, ``ID Number`` and ``id_number``
name the same column. Dates: ``2026-11-22``, ``2026/11/22``, ``2026.11.22``, ``2026年11月22日``, each with
an optional time, or ISO 8601 with an offset (:func:`parse_when`). Pure: bytes and text in, values out.
"""

from __future__ import annotations

import codecs
import csv
import enum
import io
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo

__all__ = [
    "CHINA_STANDARD_TIME",
    "ID_NUMBER_HEADERS",
    "PHONE_HEADERS",
    "BadDateError",
    "CsvRow",
    "CsvText",
    "CsvUnreadable",
    "Header",
    "TextFileError",
    "column_lookup",
    "header_key",
    "open_csv",
    "parse_when",
    "read_header",
]

CHINA_STANDARD_TIME = timezone(timedelta(hours=8), "CST")

_MAX_CONTROL_SHARE = 0.01  # more control characters than this: not a text file

CsvRow = tuple[int, str, list[str]]
"""One CSV row: the 1-based line it starts on, its raw text as it stands in the file, its cells."""

# The same national columns in every list: the ID number (公民身份号码) and the mobile.
ID_NUMBER_HEADERS = (
    "身份证号",
    "身份证号码",
    "身份证",
    "证件号码",
    "证件号",
    "公民身份号码",
    "idnumber",
    "id",
    "idno",
    "idcard",
)
PHONE_HEADERS = ("手机号", "手机号码", "手机", "电话", "联系电话", "电话号码", "phone", "mobile", "tel")


def header_key(text: str) -> str:
    """A header cell or keyword in comparable form: NFKC, lower case, no spaces, bracketed notes removed."""
    folded = unicodedata.normalize("NFKC", text).replace("\ufeff", "").strip().lower()
    folded = re.sub(r"\(.*?\)|\[.*?\]|【.*?】", "", folded)
    return re.sub(r"[\s*:_\-]+", "", folded)


def column_lookup(columns: Mapping[str, Iterable[str]]) -> dict[str, str]:
    """``{field: (alias, ...)}`` as ``{header_key(alias): field}``, the table :func:`read_header` reads."""
    return {header_key(alias): column for column, aliases in columns.items() for alias in aliases}


@dataclass(frozen=True, slots=True)
class Header:
    """A header row read against a :func:`column_lookup` table."""

    columns: list[str | None]  # per cell, the field it names; None: not recognised
    ignored: list[str]  # the non-empty cells not recognised, as written
    duplicate: str = ""  # the first cell that names a field an earlier cell named ("" when none)


def read_header(cells: list[str], lookup: Mapping[str, str]) -> Header:
    """The fields a header row names; stops at the first field named twice (``duplicate`` says which)."""
    columns: list[str | None] = []
    ignored: list[str] = []
    for cell in cells:
        column = lookup.get(header_key(cell))
        if column is not None and column in columns:
            return Header(columns, ignored, cell.strip())
        columns.append(column)
        if column is None and cell.strip():
            ignored.append(cell.strip())
    return Header(columns, ignored)


class TextFileError(enum.StrEnum):
    """Why bytes are not a text list (the values are the importers' own file error codes)."""

    EMPTY = "empty"  # no line with anything on it
    BINARY = "binary"  # NUL bytes or control characters: not a text file
    UNKNOWN_ENCODING = "unknown_encoding"  # neither UTF-8/UTF-16 nor GBK/GB18030


@dataclass(frozen=True, slots=True)
class CsvUnreadable:
    error: TextFileError
    encoding: str = ""  # "" when the encoding could not be told


@dataclass(frozen=True, slots=True)
class CsvText:
    encoding: str  # "utf-8", "utf-8-sig", "utf-16", "gbk", "gb18030"
    rows: Iterator[CsvRow]  # raises csv.Error when the CSV structure itself is broken


def open_csv(data: bytes) -> CsvText | CsvUnreadable:
    """The rows of a CSV file in whatever encoding and separator office software wrote it, or why not."""
    decoded = _decode(data)
    if isinstance(decoded, TextFileError):
        return CsvUnreadable(decoded)
    text, encoding = decoded
    if _looks_binary(text):
        return CsvUnreadable(TextFileError.BINARY, encoding)
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    if not first_line:
        return CsvUnreadable(TextFileError.EMPTY, encoding)
    return CsvText(encoding, iter(_Rows(text, _delimiter(first_line))))


def _decode(data: bytes) -> tuple[str, str] | TextFileError:
    """The text and the encoding's name, or why the bytes are not text we can read."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8) :].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            return TextFileError.UNKNOWN_ENCODING
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            return TextFileError.UNKNOWN_ENCODING
    if b"\x00" in data:
        return TextFileError.BINARY
    for encoding in ("utf-8", "gbk", "gb18030"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    return TextFileError.UNKNOWN_ENCODING


def _looks_binary(text: str) -> bool:
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\t\r\n")
    return "\x00" in text or controls > max(0, len(text) * _MAX_CONTROL_SHARE)


def _delimiter(header_line: str) -> str:
    counts = {d: header_line.count(d) for d in (",", "\t", ";")}
    best = max(counts, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


class _Rows:
    """CSV rows with the line each starts on and its raw text."""

    def __init__(self, text: str, delimiter: str) -> None:
        self._buffer: list[str] = []
        self._reader = csv.reader(self._lines(text), delimiter=delimiter)
        self._next_line = 1

    def _lines(self, text: str) -> Iterator[str]:
        for line in io.StringIO(text, newline=""):
            self._buffer.append(line)
            yield line

    def __iter__(self) -> Iterator[CsvRow]:
        for cells in self._reader:
            raw = "".join(self._buffer)
            line = self._next_line
            self._next_line += len(self._buffer)
            self._buffer.clear()
            yield line, raw.rstrip("\r\n"), cells


_DATE = re.compile(
    r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?"
    r"(?:(?:\s+|T)(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?)?$"
)


class BadDateError(ValueError):
    """A date cell that is no date; ``value`` is the cell as read (NFKC, trimmed)."""

    def __init__(self, value: str) -> None:
        super().__init__(value)
        self.value = value


def parse_when(text: str, tz: tzinfo, *, end_of_day: bool) -> datetime:
    """A date cell as a moment; without an offset it is local time in ``tz``. A date alone is the start
    of that day, or with ``end_of_day`` the start of the next (valid *until* the 27th means all the 27th).
    """
    value = unicodedata.normalize("NFKC", text).strip()
    found = _DATE.match(value)
    try:
        if found is not None:
            year, month, day, hour, minute, second = found.groups()
            day_value = date(int(year), int(month), int(day))
            if hour is None:
                start = datetime.combine(day_value, time(), tz)
                return start + timedelta(days=1) if end_of_day else start
            return datetime.combine(day_value, time(int(hour), int(minute), int(second or 0)), tz)
        parsed = datetime.fromisoformat(value)
    except (ValueError, OverflowError) as exc:
        raise BadDateError(value) from exc
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=tz)
    return parsed
