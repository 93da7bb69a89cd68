"""Reading the lists office software writes: one way for every importer (watchlist, residents).

Text: UTF-8 with or without a BOM, GBK/GB18030 (Excel's "CSV" on a Chinese Windows), UTF-16 with a BOM
(Excel's "Unicode text", tab-separated); comma, tab or semicolon separated (told from the first line).
Bytes that decode as GBK but read as nonsense (mostly characters outside GB2312's common set, as a
Japanese Shift-JIS or a Traditional Chinese Big5 file does) are refused as ``ambiguous_encoding``, naming
the encoding they more likely are, rather than imported as garbage.
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
import zipfile
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone, tzinfo

__all__ = [
    "CHINA_STANDARD_TIME",
    "ID_NUMBER_HEADERS",
    "MAX_WORKBOOK_CELLS",
    "PHONE_HEADERS",
    "BadDateError",
    "CsvRow",
    "CsvText",
    "CsvUnreadable",
    "Header",
    "TextFileError",
    "WorkbookTooLarge",
    "check_workbook",
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
    AMBIGUOUS_ENCODING = "ambiguous_encoding"  # decodes as GBK but is likely another (``encoding`` says)


@dataclass(frozen=True, slots=True)
class CsvUnreadable:
    error: TextFileError
    encoding: str = ""  # "" when the encoding could not be told; AMBIGUOUS_ENCODING: the likely one


@dataclass(frozen=True, slots=True)
class CsvText:
    encoding: str  # "utf-8", "utf-8-sig", "utf-16", "gbk", "gb18030"
    rows: Iterator[CsvRow]  # raises csv.Error when the CSV structure itself is broken


def open_csv(data: bytes) -> CsvText | CsvUnreadable:
    """The rows of a CSV file in whatever encoding and separator office software wrote it, or why not."""
    decoded = _decode(data)
    if isinstance(decoded, CsvUnreadable):
        return decoded
    text, encoding = decoded
    if _looks_binary(text):
        return CsvUnreadable(TextFileError.BINARY, encoding)
    first_line = next((line for line in text.splitlines() if line.strip()), "")
    if not first_line:
        return CsvUnreadable(TextFileError.EMPTY, encoding)
    return CsvText(encoding, iter(_Rows(text, _delimiter(first_line))))


def _decode(data: bytes) -> tuple[str, str] | CsvUnreadable:
    """The text and the encoding's name, or why the bytes are not text we can read."""
    if data.startswith(codecs.BOM_UTF8):
        try:
            return data[len(codecs.BOM_UTF8) :].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            return CsvUnreadable(TextFileError.UNKNOWN_ENCODING)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            return CsvUnreadable(TextFileError.UNKNOWN_ENCODING)
    if b"\x00" in data:
        return CsvUnreadable(TextFileError.BINARY)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    for encoding in ("gbk", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if not _reads_as_chinese(text):
            likely = _likely_encoding(data)
            if likely or len(_wide_sample(text)) >= _MIN_EVIDENCE:  # a name or two proves nothing
                return CsvUnreadable(TextFileError.AMBIGUOUS_ENCODING, likely)
        return text, encoding
    return CsvUnreadable(TextFileError.UNKNOWN_ENCODING)


_SAMPLE_CHARS = 20_000  # enough of the text to tell a language by
_MAX_RARE_SHARE = 0.3  # Chinese text is mostly GB2312's 6,763 common characters; a misread is mostly not
_MIN_EVIDENCE = 16  # non-ASCII characters needed to call a file "not Chinese" without naming what it is


def _wide_sample(text: str) -> str:
    return "".join(ch for ch in text[: _SAMPLE_CHARS * 4] if ord(ch) > 0x7F)[:_SAMPLE_CHARS]


def _reads_as_chinese(text: str) -> bool:
    """Whether a GBK reading looks like Chinese: few characters outside GB2312 (rare characters in names
    are a handful; Shift-JIS or Big5 bytes read as GBK give almost nothing but rare ones)."""
    wide = _wide_sample(text)
    if not wide:
        return True
    rare = wide.encode("gb2312", errors="replace").count(b"?") - wide.count("?")
    return rare <= len(wide) * _MAX_RARE_SHARE


def _likely_encoding(data: bytes) -> str:
    """What bytes that GBK misreads more likely are: "shift_jis" (kana), "big5", or "" (unknown)."""
    try:
        japanese = _wide_sample(data.decode("cp932"))
    except UnicodeDecodeError:
        japanese = ""
    if japanese and sum(1 for ch in japanese if "\u3040" <= ch <= "\u30ff") >= len(japanese) * 0.1:
        return "shift_jis"
    try:
        data.decode("big5")
    except UnicodeDecodeError:
        return ""
    return "big5"


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


# -- workbooks: what an XLSX unpacks to, looked at before any XML parser sees it --------------------------

MAX_WORKBOOK_ENTRIES = 2_000  # parts in the zip (a workbook has a dozen, plus one per sheet)
MAX_WORKBOOK_UNPACKED = 256 * 1024 * 1024  # bytes all parts unpack to
MAX_SHEET_UNPACKED = 128 * 1024 * 1024  # bytes one worksheet's XML unpacks to
MAX_SHARED_STRINGS_UNPACKED = 32 * 1024 * 1024  # bytes the shared strings unpack to
MAX_WORKBOOK_CELLS = 4_000_000  # cells of one worksheet: 100,000 rows of 40 columns
_DIMENSION = re.compile(rb"<(?:\w+:)?dimension\s+ref=\"([A-Z]{1,3})(\d{1,7})(?::([A-Z]{1,3})(\d{1,7}))?\"")
_CELL = re.compile(rb"<(?:\w+:)?c[\s/>]")
_CHUNK = 1024 * 1024


@dataclass(frozen=True, slots=True)
class WorkbookTooLarge:
    """Why a workbook was refused unread: ``part`` (the zip entry) and what it exceeds, in words for the
    technical log (``"xl/worksheets/sheet1.xml: 6442450944 bytes unpacked, over 134217728"``)."""

    detail: str


def check_workbook(data: bytes) -> WorkbookTooLarge | None:
    """Whether an XLSX is small enough to hand to an XML parser: the zip's part count, every part's and
    all parts' unpacked sizes (as the zip declares them: reading stops there), the shared strings' size,
    each worksheet's declared dimension and the cells it really holds (counted in one pass over the
    unpacked XML, stopping at the limit). None when it is, or when it is no zip at all (the parser says).

    Catches the bombs a few kilobytes of zip hold: a sheet of millions of cells that each name one long
    shared string, or a dimension of 100,000 rows of 2,000 columns.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        parts = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError):
        return None
    if len(parts) > MAX_WORKBOOK_ENTRIES:
        return WorkbookTooLarge(f"{len(parts)} parts, over {MAX_WORKBOOK_ENTRIES}")
    total = sum(part.file_size for part in parts)
    if total > MAX_WORKBOOK_UNPACKED:
        return WorkbookTooLarge(f"{total} bytes unpacked, over {MAX_WORKBOOK_UNPACKED}")
    for part in parts:
        name = part.filename.lower()
        if name.endswith("sharedstrings.xml") and part.file_size > MAX_SHARED_STRINGS_UNPACKED:
            return WorkbookTooLarge(
                f"{part.filename}: {part.file_size} bytes unpacked, over {MAX_SHARED_STRINGS_UNPACKED}"
            )
        if name.startswith("xl/worksheets/") and name.endswith(".xml"):
            if part.file_size > MAX_SHEET_UNPACKED:
                return WorkbookTooLarge(
                    f"{part.filename}: {part.file_size} bytes unpacked, over {MAX_SHEET_UNPACKED}"
                )
            problem = _check_sheet(archive, part)
            if problem is not None:
                return problem
    return None


def _column_number(letters: bytes) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + letter - ord("A") + 1
    return number


def _check_sheet(archive: zipfile.ZipFile, part: zipfile.ZipInfo) -> WorkbookTooLarge | None:
    cells = 0
    tail = b""
    try:
        with archive.open(part) as stream:
            first = True
            while chunk := stream.read(_CHUNK):
                if first:
                    first = False
                    found = _DIMENSION.search(chunk)
                    if found is not None and found.group(3):
                        rows = int(found.group(4)) - int(found.group(2)) + 1
                        columns = _column_number(found.group(3)) - _column_number(found.group(1)) + 1
                        if rows * columns > MAX_WORKBOOK_CELLS:
                            return WorkbookTooLarge(
                                f"{part.filename}: dimension of {rows} rows by {columns} columns, "
                                f"over {MAX_WORKBOOK_CELLS} cells"
                            )
                window = tail + chunk
                cells += len(_CELL.findall(window)) - len(_CELL.findall(tail))
                if cells > MAX_WORKBOOK_CELLS:
                    return WorkbookTooLarge(f"{part.filename}: over {MAX_WORKBOOK_CELLS} cells")
                tail = window[-16:]
    except (zipfile.BadZipFile, OSError, EOFError, ValueError):
        return None  # a damaged part: the parser refuses the workbook
    return None
