"""Residents registry files: CSV or XLSX bytes in, a report of every row out (pure; nothing is stored here).

CSV is read like the watchlist (:mod:`checkpoint.domain.office_text`: UTF-8 with or without a BOM,
GBK/GB18030, UTF-16 with a BOM; comma, tab or semicolon). XLSX is read with openpyxl in read-only mode:
the sheet named 住户 or ``residents`` (any case), else the first sheet. The header row is the first
non-empty row; header names in Chinese or English (see ``_COLUMNS``); unknown columns are listed and
left out.

One row is one member. The household is given by one 户号/household column (``3-2-501``, ``3栋2单元501``)
or by 楼栋, 单元 and 房号 columns. Required columns: name, ID number and the household. Checks per row, the
first problem found rejects the row: name, ID number (GB 11643 check digit, region, birth date), phone
(a mainland mobile), household code, relation, residency (常住/租户), status (正常/居家隔离/禁止外出) with
optional dates, the household's quota (出门周期 days, 出门次数 exits; whole numbers), the same ID number
twice in the file, and household details that contradict an earlier row of the same household.

A file that cannot be read as a list (empty, not text, unknown encoding, broken CSV, not an XLSX
workbook, a required column missing, a column given twice) gives a report with ``error`` set and no row:
nothing is imported. Never raises for any input bytes.
"""

from __future__ import annotations

import csv
import enum
import io
import re
import unicodedata
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time, tzinfo
from typing import Any

from checkpoint.domain import validators
from checkpoint.domain.names import clean_name
from checkpoint.domain.office_text import (  # one way to read office files, shared with the watchlist
    CHINA_STANDARD_TIME,
    ID_NUMBER_HEADERS,
    PHONE_HEADERS,
    BadDateError,
    CsvRow,
    CsvUnreadable,
    TextFileError,
    check_workbook,
    column_lookup,
    header_key,
    open_csv,
    parse_when,
    read_header,
)
from checkpoint.domain.residents import (
    MAX_QUOTA_DAYS,
    MAX_QUOTA_EXITS,
    ImportedRow,
    Member,
    Residency,
    ResidentStatus,
    household_code,
)

__all__ = [
    "ResidentFileError",
    "ResidentRejectCode",
    "ResidentRejectedRow",
    "ResidentsFile",
    "parse_residents",
]

MAX_ROWS = 100_000  # a compound has thousands of members; more is the wrong file
MAX_LINES = 10 * MAX_ROWS  # rows read at all, blank ones included
MAX_CELL = 200  # longer cells are not what a registry holds
MAX_COLUMNS = 100  # cells read per XLSX row (a registry has about fifteen columns)
MAX_RAW = 1_000  # characters of an XLSX row kept for the report
_XLSX_MAGIC = b"PK\x03\x04"
SHEET_NAMES = ("住户", "residents", "住户信息", "居民", "人员")


class ResidentFileError(enum.StrEnum):
    """Why a whole file was refused (nothing is imported)."""

    EMPTY = "empty"  # no bytes, no header row
    BINARY = "binary"  # not a text file and not an XLSX workbook
    UNKNOWN_ENCODING = "unknown_encoding"
    MALFORMED = "malformed"  # the CSV structure is broken
    NOT_XLSX = "not_xlsx"  # a zip / .xlsx name that is not a readable workbook
    MISSING_COLUMNS = "missing_columns"  # no name, ID number or household column
    DUPLICATE_COLUMN = "duplicate_column"
    TOO_MANY_ROWS = "too_many_rows"
    TOO_LARGE = "too_large"  # an XLSX that unpacks to too much, or holds too many cells (``error_detail``)
    AMBIGUOUS_ENCODING = "ambiguous_encoding"  # reads as GBK but is likely another (``error_detail``)


class ResidentRejectCode(enum.StrEnum):
    """Why one row was refused."""

    EXTRA_CELLS = "extra_cells"
    NO_NAME = "no_name"
    NO_ID_NUMBER = "no_id_number"
    BAD_ID_NUMBER = "bad_id_number"
    BAD_PHONE = "bad_phone"
    NO_HOUSEHOLD = "no_household"
    BAD_HOUSEHOLD = "bad_household"
    UNKNOWN_RESIDENCY = "unknown_residency"
    UNKNOWN_STATUS = "unknown_status"
    BAD_DATE = "bad_date"
    DATES_REVERSED = "dates_reversed"
    BAD_QUOTA = "bad_quota"
    TOO_LONG = "too_long"  # a cell longer than MAX_CELL characters
    DUPLICATE = "duplicate"  # the same ID number as an earlier row of this file
    HOUSEHOLD_CONFLICT = "household_conflict"  # other household details than an earlier row gave
    REGISTERED_TO_OTHER = "registered_to_other"  # the registry has this ID number under another name


@dataclass(frozen=True, slots=True)
class ResidentRejectedRow:
    line: int  # 1-based line (CSV) or row (XLSX)
    raw: str  # the row as it stands in the file (XLSX: cells joined by ", ")
    reason_code: ResidentRejectCode
    detail: str = ""  # sub-code and offending value, for the technical log


@dataclass(frozen=True)
class ResidentsFile:
    """A file read into valid rows and rejected rows (see the module docstring)."""

    rows: list[ImportedRow]
    rejected: list[ResidentRejectedRow]
    file_format: str  # "xlsx", or the CSV's encoding ("utf-8", "utf-8-sig", "gbk", ...); "" unknown
    error: ResidentFileError | None = None
    error_detail: str = ""
    columns: tuple[str, ...] = ()
    ignored_columns: tuple[str, ...] = ()
    sheet: str = ""  # XLSX: the sheet read
    blank_lines: int = 0
    data_lines: int = field(default=0)

    @property
    def ok(self) -> bool:
        return self.error is None


_COLUMNS: dict[str, tuple[str, ...]] = {
    "household": (
        "户号",
        "房屋编号",
        "房号编码",
        "户编号",
        "住户编号",
        "household",
        "householdcode",
        "householdid",
    ),
    "building": ("楼栋", "楼号", "栋", "楼栋号", "幢", "building", "block"),
    "unit": ("单元", "单元号", "unit", "entrance"),
    "room": ("房号", "房间号", "室", "门牌号", "room", "flat", "apartment"),
    "address": ("地址", "住址", "详细地址", "address"),
    "notes": ("备注", "户备注", "说明", "notes", "note", "remarks"),
    "name": ("姓名", "名字", "成员姓名", "name", "fullname"),
    "id_number": ID_NUMBER_HEADERS,
    "phone": PHONE_HEADERS,
    "relation": ("与户主关系", "关系", "户主关系", "relation", "relationship"),
    "residency": ("居住类型", "人员类型", "居住性质", "常住/租户", "residency", "residenttype"),
    "status": ("状态", "人员状态", "管控状态", "居住状态", "status"),
    "status_from": ("状态开始", "开始日期", "开始时间", "起始日期", "statusfrom", "from", "since"),
    "status_until": ("状态结束", "结束日期", "结束时间", "解除日期", "截止日期", "statusuntil", "until"),
    "exit_every_days": (
        "出门周期",
        "出门周期天",
        "出门间隔",
        "出门间隔天数",
        "外出周期",
        "exiteverydays",
        "quotadays",
    ),
    "exits_per_period": ("出门次数", "限出次数", "外出次数", "每期出门次数", "exitsperperiod", "quotaexits"),
}
_COLUMN_BY_KEY = column_lookup(_COLUMNS)
_HOUSEHOLD_PARTS = ("building", "unit", "room")
_MEMBER_FIELDS = {"phone": "phone", "relation": "relation", "residency": "residency", "status": "status"}

_RESIDENCY: dict[str, Residency] = {
    header_key(word): residency
    for residency, words in (
        (Residency.RESIDENT, ("常住", "户籍", "常住人口", "户籍人口", "业主", "自住", "resident", "owner")),
        (Residency.TENANT, ("租户", "租住", "租客", "流动", "流动人口", "暂住", "tenant", "renter")),
    )
    for word in words
}
_STATUS: dict[str, ResidentStatus] = {
    header_key(word): status
    for status, words in (
        (ResidentStatus.NORMAL, ("正常", "无", "normal", "none")),
        (
            ResidentStatus.HOME_QUARANTINED,
            (
                "居家隔离",
                "隔离",
                "居家观察",
                "居家健康监测",
                "home_quarantined",
                "home_quarantine",
                "quarantine",
                "quarantined",
            ),
        ),
        (ResidentStatus.NO_EXIT, ("禁止外出", "不得外出", "限制外出", "足不出户", "no_exit", "noexit")),
        (
            ResidentStatus.MOVED_OUT,
            ("迁出", "已迁出", "搬离", "已搬离", "已搬走", "moved_out", "moved out", "movedout"),
        ),
    )
    for word in words
}


# -- reading rows: CSV or XLSX ----------------------------------------------------------------------


def _cell_text(value: Any) -> str:
    """A worksheet cell as the text a person sees: whole numbers without ".0", dates as ISO."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e21:
        return str(int(value))
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


class _BrokenWorkbookError(Exception):
    """openpyxl failed inside a readable zip (it raises many kinds: every one means "not XLSX")."""


def _open_workbook(data: bytes) -> Any:
    from openpyxl import load_workbook  # only for workbooks: keeps CSV imports light

    try:
        return load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many kinds for a broken workbook; every one means "not XLSX"
        raise _BrokenWorkbookError from error


def _xlsx_rows(sheet: Any) -> Iterator[CsvRow]:
    """The sheet's rows, one at a time (never all in memory): at most ``MAX_COLUMNS`` cells a row, each
    cut just past ``MAX_CELL`` characters (so a longer one is still refused as too long), the row's text
    for the report cut to ``MAX_RAW``."""
    rows = sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS)
    number = 0
    while True:
        try:
            values = next(rows)
        except StopIteration:
            return
        except Exception as error:  # a damaged sheet inside a readable zip
            raise _BrokenWorkbookError from error
        number += 1
        cells = [_cell_text(value)[: MAX_CELL + 1] for value in values]
        while cells and not cells[-1].strip():
            cells.pop()
        yield number, ", ".join(cells)[:MAX_RAW], cells


# -- one row -----------------------------------------------------------------------------------------


class _RowRefusedError(Exception):
    def __init__(self, code: ResidentRejectCode, detail: str) -> None:
        super().__init__(code.value)
        self.code = code
        self.detail = detail


_WHOLE = re.compile(r"(\d{1,4})\s*[天次]?")


def _whole(text: str, low: int, high: int) -> int:
    found = _WHOLE.fullmatch(unicodedata.normalize("NFKC", text).strip())
    if found is None or not low <= int(found.group(1)) <= high:
        raise _RowRefusedError(ResidentRejectCode.BAD_QUOTA, text.strip())
    return int(found.group(1))


def _household(cells: dict[str, str]) -> str:
    given = cells.get("household", "").strip()
    parts = [cells.get(name, "").strip() for name in _HOUSEHOLD_PARTS]
    if given:
        code = household_code(given)
        if not code:
            raise _RowRefusedError(ResidentRejectCode.BAD_HOUSEHOLD, given)
        return code
    if not any(parts):
        raise _RowRefusedError(ResidentRejectCode.NO_HOUSEHOLD, "")
    joined = "-".join(part for part in parts if part)
    code = household_code(joined)
    if not code or not all(parts[i] for i in (0, 2)):  # building and room at least
        raise _RowRefusedError(ResidentRejectCode.BAD_HOUSEHOLD, "/".join(parts))
    return code


def _row(cells: dict[str, str], line: int, today: date | None, tz: tzinfo, source: str) -> ImportedRow:
    def reject(code: ResidentRejectCode, detail: str) -> _RowRefusedError:
        return _RowRefusedError(code, detail)

    for column, value in cells.items():
        if len(value) > MAX_CELL:
            raise reject(ResidentRejectCode.TOO_LONG, f"{column}: {len(value)}")
    name = clean_name(cells.get("name", ""))
    if not name:
        raise reject(ResidentRejectCode.NO_NAME, "")
    id_text = cells.get("id_number", "").strip()
    if not id_text:
        raise reject(ResidentRejectCode.NO_ID_NUMBER, "")
    checked = validators.validate_id_number(id_text, today or date.max)
    if not checked.ok:
        problem = checked.problem.value if checked.problem else ""
        raise reject(ResidentRejectCode.BAD_ID_NUMBER, f"{problem}: {id_text}")
    phone = ""
    if cells.get("phone", "").strip():
        mobile = validators.validate_mobile(cells["phone"])
        if not mobile.ok:
            problem = mobile.problem.value if mobile.problem else ""
            raise reject(ResidentRejectCode.BAD_PHONE, f"{problem}: {cells['phone'].strip()}")
        phone = mobile.normalised
    household = _household(cells)
    residency = Residency.RESIDENT
    if cells.get("residency", "").strip():
        found = _RESIDENCY.get(header_key(cells["residency"]))
        if found is None:
            raise reject(ResidentRejectCode.UNKNOWN_RESIDENCY, cells["residency"].strip())
        residency = found
    status = ResidentStatus.NORMAL
    if cells.get("status", "").strip():
        found_status = _STATUS.get(header_key(cells["status"]))
        if found_status is None:
            raise reject(ResidentRejectCode.UNKNOWN_STATUS, cells["status"].strip())
        status = found_status
    start, end = cells.get("status_from", "").strip(), cells.get("status_until", "").strip()
    try:
        status_from = parse_when(start, tz, end_of_day=False) if start else None
        status_until = parse_when(end, tz, end_of_day=True) if end else None
    except BadDateError as problem:
        raise reject(ResidentRejectCode.BAD_DATE, problem.value) from problem
    if status_from is not None and status_until is not None and status_until <= status_from:
        raise reject(ResidentRejectCode.DATES_REVERSED, f"{start} .. {end}")
    days = exits = None
    if cells.get("exit_every_days", "").strip():
        days = _whole(cells["exit_every_days"], 1, MAX_QUOTA_DAYS)
    if cells.get("exits_per_period", "").strip():
        exits = _whole(cells["exits_per_period"], 1, MAX_QUOTA_EXITS)
        if days is None:
            raise reject(ResidentRejectCode.BAD_QUOTA, f"exits without days: {exits}")
    relation = " ".join(cells.get("relation", "").split())
    member = Member(
        household=household,
        name=name,
        id_number=checked.normalised,
        phone=phone,
        relation=relation,
        residency=residency,
        status=status,
        status_from=status_from if status is not ResidentStatus.NORMAL else None,
        status_until=status_until if status is not ResidentStatus.NORMAL else None,
        source=source,
    )
    given = frozenset(
        field_name for column, field_name in _MEMBER_FIELDS.items() if cells.get(column, "").strip()
    )
    return ImportedRow(
        line=line,
        member=member,
        address=" ".join(cells.get("address", "").split()),
        notes=" ".join(cells.get("notes", "").split()),
        exit_every_days=days,
        exits_per_period=exits if days is not None else None,
        given=given,
    )


def _household_details(row: ImportedRow) -> dict[str, object]:
    details: dict[str, object] = {}
    if row.address:
        details["address"] = row.address
    if row.notes:
        details["notes"] = row.notes
    if row.exit_every_days is not None:
        details["quota"] = (row.exit_every_days, row.exits_per_period or 1)
    return details


# -- the parser --------------------------------------------------------------------------------------


def _failed(error: ResidentFileError, file_format: str = "", detail: str = "") -> ResidentsFile:
    return ResidentsFile([], [], file_format, error, detail)


def _is_xlsx(data: bytes, filename: str) -> bool:
    return data.startswith(_XLSX_MAGIC) or filename.lower().endswith((".xlsx", ".xlsm"))


def parse_residents(
    data: bytes,
    *,
    filename: str = "",
    today: date | None = None,
    source: str = "",
    tz: tzinfo = CHINA_STANDARD_TIME,
) -> ResidentsFile:
    """Read a residents file (CSV or XLSX; see the module docstring). ``filename`` helps tell an XLSX
    from a CSV; ``today`` refuses birth dates in the future; ``source`` (usually the file name) is written
    into every member. Dates without a zone are local time in ``tz``. Never raises for any bytes."""
    if not data.strip():
        return _failed(ResidentFileError.EMPTY)
    if _is_xlsx(data, filename):
        if not zipfile.is_zipfile(io.BytesIO(data)):
            return _failed(ResidentFileError.NOT_XLSX, "xlsx")
        too_large = check_workbook(data)  # before any XML parser runs
        if too_large is not None:
            return _failed(ResidentFileError.TOO_LARGE, "xlsx", too_large.detail)
        return _parse_workbook(data, today, tz, source)
    opened = open_csv(data)
    if isinstance(opened, CsvUnreadable):
        if opened.error is TextFileError.AMBIGUOUS_ENCODING:
            return _failed(ResidentFileError.AMBIGUOUS_ENCODING, "", opened.encoding)
        return _failed(ResidentFileError(opened.error.value))
    try:
        return _parse_rows(opened.rows, opened.encoding, "", today, tz, source)
    except csv.Error as exc:
        return _failed(ResidentFileError.MALFORMED, opened.encoding, str(exc))


def _parse_workbook(data: bytes, today: date | None, tz: tzinfo, source: str) -> ResidentsFile:
    try:
        book = _open_workbook(data)
    except _BrokenWorkbookError:
        return _failed(ResidentFileError.NOT_XLSX, "xlsx")
    try:
        names = list(book.sheetnames)
        if not names:
            return _failed(ResidentFileError.EMPTY, "xlsx")
        wanted = {header_key(name) for name in SHEET_NAMES}
        chosen = next((name for name in names if header_key(name) in wanted), names[0])
        return _parse_rows(_xlsx_rows(book[chosen]), "xlsx", chosen, today, tz, source)
    except _BrokenWorkbookError:
        return _failed(ResidentFileError.NOT_XLSX, "xlsx")
    finally:
        book.close()


def _parse_rows(
    rows: Iterator[CsvRow],
    file_format: str,
    sheet: str,
    today: date | None,
    tz: tzinfo,
    source: str,
) -> ResidentsFile:
    header: list[str | None] | None = None
    ignored: list[str] = []
    valid: list[ImportedRow] = []
    rejected: list[ResidentRejectedRow] = []
    blank = data_lines = 0
    seen_ids: dict[str, int] = {}
    households: dict[str, tuple[int, dict[str, object]]] = {}
    for rows_read, (line, raw, cells) in enumerate(rows, start=1):
        if rows_read > MAX_LINES:  # blank ones too: a sheet of a million empty rows is no registry either
            return _failed(ResidentFileError.TOO_MANY_ROWS, file_format, str(MAX_LINES))
        if not any(cell.strip() for cell in cells):
            if header is not None:
                blank += 1
            continue
        if header is None:
            read = read_header(cells, _COLUMN_BY_KEY)
            if read.duplicate:
                return _failed(ResidentFileError.DUPLICATE_COLUMN, file_format, read.duplicate)
            header, ignored = read.columns, read.ignored
            has_household = "household" in header or all(p in header for p in ("building", "room"))
            if "name" not in header or "id_number" not in header or not has_household:
                shown = ", ".join(cell.strip() for cell in cells if cell.strip())
                return _failed(ResidentFileError.MISSING_COLUMNS, file_format, shown)
            continue
        data_lines += 1
        if data_lines > MAX_ROWS:
            return _failed(ResidentFileError.TOO_MANY_ROWS, file_format, str(MAX_ROWS))
        extra = [cell for cell in cells[len(header) :] if cell.strip()]
        if extra:
            rejected.append(ResidentRejectedRow(line, raw, ResidentRejectCode.EXTRA_CELLS, ", ".join(extra)))
            continue
        values = {column: cell for column, cell in zip(header, cells, strict=False) if column is not None}
        try:
            row = _row(values, line, today, tz, source)
        except _RowRefusedError as problem:
            rejected.append(ResidentRejectedRow(line, raw, problem.code, problem.detail))
            continue
        key = row.member.key
        if key in seen_ids:
            rejected.append(
                ResidentRejectedRow(line, raw, ResidentRejectCode.DUPLICATE, f"line {seen_ids[key]}")
            )
            continue
        details = _household_details(row)
        earlier = households.get(row.member.household)
        if earlier is not None:
            clash = [name for name, value in details.items() if earlier[1].get(name, value) != value]
            if clash:
                detail = f"{', '.join(clash)} differ from line {earlier[0]}"
                rejected.append(ResidentRejectedRow(line, raw, ResidentRejectCode.HOUSEHOLD_CONFLICT, detail))
                continue
            earlier[1].update(details)
        else:
            households[row.member.household] = (line, dict(details))
        seen_ids[key] = line
        valid.append(row)
    if header is None:
        return _failed(ResidentFileError.EMPTY, file_format)
    return ResidentsFile(
        valid,
        rejected,
        file_format,
        columns=tuple(c for c in header if c is not None),
        ignored_columns=tuple(ignored),
        sheet=sheet,
        blank_lines=blank,
        data_lines=data_lines,
    )
