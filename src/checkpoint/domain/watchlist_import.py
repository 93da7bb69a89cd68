"""Watchlist CSV import: bytes in, a report out (pure; storing the accepted entries is the caller's call).

:func:`parse_watchlist_csv` reads what office software writes: UTF-8 with or without a BOM, GBK/GB18030
(Excel's "CSV" on a Chinese Windows), UTF-16 with a BOM (Excel's "Unicode text", tab-separated); comma,
tab or semicolon separated; header names in Chinese or English (see ``_COLUMNS``); extra columns such as
序号 are ignored and listed in the report.

Nothing is silently dropped. Every data line ends in ``accepted`` or in ``rejected`` with a
:class:`RejectCode` (the first problem found) and ``detail`` (the sub-code and the offending value, for
the technical log). Lines with no characters, or only separators and spaces, carry no data: they are
counted in ``blank_lines``. A file that cannot be read as a list (empty, binary, unknown or ambiguous
encoding, malformed CSV, no identifying column, a column given twice, more than ``MAX_ROWS`` lines)
gives a report with ``error`` set and nothing accepted: nothing is imported.

Rows:

- ``kind`` (类型): 居家隔离 / 重点人员 / 重点车辆 or the English values; empty: a plate-only row is a plate of
  interest, anything else a person of interest.
- ``action`` (处置): 提醒 / 拦截 and synonyms, or notify / block; empty: BLOCK for home quarantine (must
  not leave), NOTIFY otherwise.
- ID numbers, mobiles and plates are checked by :mod:`checkpoint.domain.validators` and stored in their
  normal form.
- Dates: ``2026-11-22``, ``2026/11/22``, ``2026.11.22``, ``2026年11月22日``, each with an optional time
  (``08:00`` or ``08:00:00``), or ISO 8601 with an offset. Times without an offset are local time in
  ``tz`` (default China Standard Time). A date alone as ``valid_until`` means to the end of that day.
- A row that repeats an earlier row of the same file (same kind and identifiers) is rejected as a
  duplicate.

Each accepted entry's id is derived from its content, so importing the same file twice adds nothing the
second time (storage skips ids it already has).
"""

from __future__ import annotations

import csv
import enum
import json
import uuid
from dataclasses import dataclass, field
from datetime import date, tzinfo

from checkpoint.domain import validators
from checkpoint.domain.names import clean_name
from checkpoint.domain.office_text import (
    CHINA_STANDARD_TIME,
    ID_NUMBER_HEADERS,
    PHONE_HEADERS,
    BadDateError,
    CsvUnreadable,
    TextFileError,
    column_lookup,
    header_key,
    open_csv,
    parse_when,
    read_header,
)
from checkpoint.domain.watchlist import (
    WatchlistAction,
    WatchlistEntry,
    WatchlistKind,
)

__all__ = [
    "CHINA_STANDARD_TIME",
    "FileError",
    "ImportReport",
    "RejectCode",
    "RejectedRow",
    "parse_watchlist_csv",
]

MAX_ROWS = 200_000  # a district's list has thousands of lines; more is the wrong file (or an attack)

_ENTRY_NAMESPACE = uuid.UUID("0f7a4a56-8d1c-5b7e-9a0e-6c1b7f1e2d30")


class FileError(enum.StrEnum):
    """Why a whole file was refused."""

    EMPTY = "empty"  # no bytes, or no header line
    BINARY = "binary"  # NUL bytes or control characters: not a text file
    UNKNOWN_ENCODING = "unknown_encoding"  # neither UTF-8/UTF-16 nor GBK/GB18030
    AMBIGUOUS_ENCODING = "ambiguous_encoding"  # reads as GBK but is likely another (``error_detail``)
    TOO_MANY_ROWS = "too_many_rows"  # more than MAX_ROWS lines: not a watchlist (nothing imported)
    MALFORMED = "malformed"  # the CSV structure itself is broken (e.g. a field beyond the size limit)
    MISSING_COLUMNS = "missing_columns"  # no name, ID number, phone or plate column
    DUPLICATE_COLUMN = "duplicate_column"  # two columns mean the same field


class RejectCode(enum.StrEnum):
    """Why one row was refused."""

    EXTRA_CELLS = "extra_cells"  # more filled cells than the header has columns
    UNKNOWN_KIND = "unknown_kind"
    UNKNOWN_ACTION = "unknown_action"
    NO_IDENTITY = "no_identity"  # a person row without ID number, phone or name
    NO_PLATE = "no_plate"  # a plate-of-interest row without a plate
    BAD_ID_NUMBER = "bad_id_number"
    BAD_PHONE = "bad_phone"
    BAD_PLATE = "bad_plate"
    BAD_DATE = "bad_date"
    DATES_REVERSED = "dates_reversed"  # ends before (or when) it starts
    DUPLICATE = "duplicate"  # the same entry as an earlier line of this file


@dataclass(frozen=True, slots=True)
class RejectedRow:
    line: int  # 1-based line in the file where the row starts (the header is line 1 or later)
    raw: str  # the row's text as it stands in the file
    reason_code: RejectCode
    detail: str  # sub-code and offending value, e.g. "bad_check_digit: 110105194912310021"


@dataclass(frozen=True)
class ImportReport:
    accepted: list[WatchlistEntry]
    rejected: list[RejectedRow]
    encoding: str  # "utf-8", "utf-8-sig", "utf-16", "gbk", "gb18030"; "" if it could not be told
    error: FileError | None = None
    error_detail: str = ""
    columns: tuple[str, ...] = ()  # the fields recognised, in file order
    ignored_columns: tuple[str, ...] = ()  # header cells not recognised (left out of the import)
    blank_lines: int = 0
    data_lines: int = field(default=0)  # rows after the header that carry data

    @property
    def ok(self) -> bool:
        """The file was read (rows may still have been rejected)."""
        return self.error is None


_COLUMNS: dict[str, tuple[str, ...]] = {
    "kind": ("类型", "类别", "名单类型", "人员类型", "kind", "type", "listkind"),
    "name": ("姓名", "名字", "name", "fullname"),
    "id_number": ID_NUMBER_HEADERS,
    "phone": PHONE_HEADERS,
    "plate": (
        "车牌",
        "车牌号",
        "车牌号码",
        "号牌号码",
        "plate",
        "platenumber",
        "licenceplate",
        "licenseplate",
    ),
    "reason": ("原因", "事由", "说明", "reason"),
    "valid_from": (
        "开始",
        "开始时间",
        "开始日期",
        "起始日期",
        "生效日期",
        "生效时间",
        "validfrom",
        "from",
        "start",
    ),
    "valid_until": (
        "结束",
        "结束时间",
        "结束日期",
        "截止日期",
        "截止时间",
        "解除日期",
        "失效日期",
        "validuntil",
        "until",
        "end",
    ),
    "action": ("处置", "处置方式", "措施", "action"),
    "source": ("来源", "source"),
}
_COLUMN_BY_KEY = column_lookup(_COLUMNS)
_IDENTITY_COLUMNS = ("name", "id_number", "phone", "plate")

_KINDS: dict[str, WatchlistKind] = {
    header_key(word): kind
    for kind, words in (
        (
            WatchlistKind.HOME_QUARANTINE,
            ("居家隔离", "隔离", "居家隔离观察", "home_quarantine", "quarantine"),
        ),
        (
            WatchlistKind.PERSON_OF_INTEREST,
            ("重点人员", "关注人员", "重点关注人员", "person_of_interest", "person", "poi"),
        ),
        (
            WatchlistKind.PLATE_OF_INTEREST,
            ("重点车辆", "关注车辆", "车辆", "plate_of_interest", "plate", "vehicle"),
        ),
    )
    for word in words
}
_ACTIONS: dict[str, WatchlistAction] = {
    header_key(word): action
    for action, words in (
        (WatchlistAction.NOTIFY, ("提醒", "通知", "提示", "关注", "notify", "notice", "alert")),
        (WatchlistAction.BLOCK, ("拦截", "阻止", "禁止", "禁止通行", "劝返", "block", "deny", "stop")),
    )
    for word in words
}


# --- the parser ---------------------------------------------------------------------------------------


class _RowRejectedError(Exception):
    def __init__(self, code: RejectCode, detail: str) -> None:
        super().__init__(code.value)
        self.code = code
        self.detail = detail


def _entry(cells: dict[str, str], today: date | None, tz: tzinfo, source: str) -> WatchlistEntry:
    name = clean_name(cells.get("name", ""))
    id_number = ""
    if cells.get("id_number", "").strip():
        checked = validators.validate_id_number(cells["id_number"], today or date.max)
        if not checked.ok:
            problem = checked.problem.value if checked.problem else ""
            raise _RowRejectedError(RejectCode.BAD_ID_NUMBER, f"{problem}: {cells['id_number'].strip()}")
        id_number = checked.normalised
    phone = ""
    if cells.get("phone", "").strip():
        mobile = validators.validate_mobile(cells["phone"])
        if not mobile.ok:
            problem = mobile.problem.value if mobile.problem else ""
            raise _RowRejectedError(RejectCode.BAD_PHONE, f"{problem}: {cells['phone'].strip()}")
        phone = mobile.normalised
    plate = ""
    if cells.get("plate", "").strip():
        checked_plate = validators.validate_plate(cells["plate"])
        if not checked_plate.ok:
            problem = checked_plate.problem.value if checked_plate.problem else ""
            raise _RowRejectedError(RejectCode.BAD_PLATE, f"{problem}: {cells['plate'].strip()}")
        plate = checked_plate.normalised

    kind_text = cells.get("kind", "").strip()
    if kind_text:
        if header_key(kind_text) not in _KINDS:
            raise _RowRejectedError(RejectCode.UNKNOWN_KIND, kind_text)
        kind = _KINDS[header_key(kind_text)]
    elif plate and not (name or id_number or phone):
        kind = WatchlistKind.PLATE_OF_INTEREST
    else:
        kind = WatchlistKind.PERSON_OF_INTEREST
    if kind is WatchlistKind.PLATE_OF_INTEREST and not plate:
        raise _RowRejectedError(RejectCode.NO_PLATE, kind_text)
    if kind is not WatchlistKind.PLATE_OF_INTEREST and not (name or id_number or phone):
        raise _RowRejectedError(RejectCode.NO_IDENTITY, kind.value)

    action_text = cells.get("action", "").strip()
    if action_text:
        if header_key(action_text) not in _ACTIONS:
            raise _RowRejectedError(RejectCode.UNKNOWN_ACTION, action_text)
        action = _ACTIONS[header_key(action_text)]
    else:
        action = WatchlistAction.BLOCK if kind is WatchlistKind.HOME_QUARANTINE else WatchlistAction.NOTIFY

    start = cells.get("valid_from", "").strip()
    end = cells.get("valid_until", "").strip()
    try:
        valid_from = parse_when(start, tz, end_of_day=False) if start else None
        valid_until = parse_when(end, tz, end_of_day=True) if end else None
    except BadDateError as problem:
        raise _RowRejectedError(RejectCode.BAD_DATE, problem.value) from problem
    if valid_from is not None and valid_until is not None and valid_until <= valid_from:
        raise _RowRejectedError(RejectCode.DATES_REVERSED, f"{start} .. {end}")

    reason = cells.get("reason", "").strip()
    row_source = cells.get("source", "").strip() or source
    content = json.dumps(
        [
            kind.value,
            action.value,
            name,
            id_number,
            phone,
            plate,
            reason,
            None if valid_from is None else valid_from.isoformat(),
            None if valid_until is None else valid_until.isoformat(),
            row_source,
        ],
        ensure_ascii=False,
    )
    return WatchlistEntry(
        kind=kind,
        action=action,
        name=name,
        id_number=id_number,
        phone=phone,
        plate=plate,
        reason=reason,
        valid_from=valid_from,
        valid_until=valid_until,
        source=row_source,
        id=uuid.uuid5(_ENTRY_NAMESPACE, content),
    )


def _failed(error: FileError, encoding: str = "", detail: str = "") -> ImportReport:
    return ImportReport([], [], encoding, error, detail)


def parse_watchlist_csv(
    data: bytes,
    *,
    today: date | None = None,
    source: str = "",
    tz: tzinfo = CHINA_STANDARD_TIME,
) -> ImportReport:
    """Read a watchlist CSV into accepted entries and rejected rows (see the module docstring).

    ``today`` lets ID numbers with a birth date in the future be refused (without it, only the calendar
    date itself is checked). ``source`` is written into every entry that has no 来源/source cell (usually
    the file name). Never raises for any input bytes.
    """
    if not data.strip():
        return _failed(FileError.EMPTY)
    opened = open_csv(data)
    if isinstance(opened, CsvUnreadable):
        if opened.error is TextFileError.AMBIGUOUS_ENCODING:
            return _failed(FileError.AMBIGUOUS_ENCODING, "", opened.encoding)
        return _failed(FileError(opened.error.value), opened.encoding)
    encoding = opened.encoding

    accepted: list[WatchlistEntry] = []
    rejected: list[RejectedRow] = []
    blank = data_lines = 0
    header: list[str | None] | None = None
    ignored: list[str] = []
    seen: dict[tuple[str, ...], int] = {}
    try:
        for rows_read, (line, raw, cells) in enumerate(opened.rows, start=1):
            if rows_read > MAX_ROWS:  # blank or not: the rows read so far are dropped with the report
                return _failed(FileError.TOO_MANY_ROWS, encoding, str(MAX_ROWS))
            if not any(cell.strip() for cell in cells):
                if header is not None:
                    blank += 1
                continue
            if header is None:
                read = read_header(cells, _COLUMN_BY_KEY)
                if read.duplicate:
                    return _failed(FileError.DUPLICATE_COLUMN, encoding, read.duplicate)
                header, ignored = read.columns, read.ignored
                if not any(c in _IDENTITY_COLUMNS for c in header):
                    return _failed(FileError.MISSING_COLUMNS, encoding, ", ".join(c.strip() for c in cells))
                continue
            data_lines += 1
            extra = [cell for cell in cells[len(header) :] if cell.strip()]
            if extra:
                rejected.append(RejectedRow(line, raw, RejectCode.EXTRA_CELLS, ", ".join(extra)))
                continue
            values = {column: cell for column, cell in zip(header, cells, strict=False) if column is not None}
            try:
                entry = _entry(values, today, tz, source)
            except _RowRejectedError as problem:
                rejected.append(RejectedRow(line, raw, problem.code, problem.detail))
                continue
            identity = (entry.kind.value, entry.name, entry.id_number, entry.phone, entry.plate)
            if identity in seen:
                rejected.append(RejectedRow(line, raw, RejectCode.DUPLICATE, f"line {seen[identity]}"))
                continue
            seen[identity] = line
            accepted.append(entry)
    except csv.Error as exc:
        return _failed(FileError.MALFORMED, encoding, str(exc))
    if header is None:
        return _failed(FileError.EMPTY, encoding)
    columns = tuple(c for c in header if c is not None)
    return ImportReport(
        accepted,
        rejected,
        encoding,
        columns=columns,
        ignored_columns=tuple(ignored),
        blank_lines=blank,
        data_lines=data_lines,
    )
