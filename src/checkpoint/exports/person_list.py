"""Person lists as XLSX and CSV: the anomaly hand-off and the tracing export, one row per person.

Columns: time (wall-clock in the given zone, named in the header), gate, direction, type, plate, name,
ID number, phone, health code, itinerary card, temperature, outcome, anomaly, reasons, origin,
destination, record id. Whatever masking the rows carry is printed as is: the caller decides.
The XLSX has a bold frozen header, an autofilter, real date cells and prints landscape, one page wide;
the CSV is UTF-8 with a BOM and CRLF lines, formula-like text defused as in the handover CSV. A list
given the log's anchor (``domain.anchor``: the anomaly hand-off) carries the anchor's caption, exact text
and explanation where a printed list is signed for: in the XLSX after an empty row under the persons; for
the CSV in a file of its own beside it (``anomalies.csv`` -> ``anomalies-anchor.csv``), as the handover
CSV keeps its signature lines in ``-shift.csv``, so a program reading the list meets persons only
(``csv.DictReader`` skips an empty line, and would take trailing anchor rows for persons).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from pathlib import Path
from typing import BinaryIO
from uuid import UUID

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from checkpoint.domain.anchor import Anchor
from checkpoint.domain.anomalies import PersonRow
from checkpoint.exports.anchor_block import anchor_lines
from checkpoint.exports.atomic import atomic_write
from checkpoint.exports.csv_export import CSV_ENCODING, _csv_text
from checkpoint.exports.labels import PersonListLabels
from checkpoint.exports.table import ColumnKind, Value, local_naive, override_text
from checkpoint.exports.xlsx import (
    DATETIME_FORMAT,
    MAX_COLUMN_WIDTH,
    TEMPERATURE_FORMAT,
    display_width,
    sheet_title,
)

PERSON_LIST_FORMATS = ("xlsx", "csv")
_PAPER_A4 = 9


@dataclass(frozen=True, slots=True)
class _Column:
    header: str
    kind: ColumnKind
    value: Callable[[PersonRow], Value]


def zone_text(zone: tzinfo, at: datetime) -> str:
    offset = at.astimezone(zone).utcoffset() or timedelta()
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{rest:02d}"


def _columns(
    labels: PersonListLabels, zone: tzinfo, gate_names: Mapping[UUID, str], sample: datetime
) -> list[_Column]:
    text = labels.enum_text
    sep = labels.separator
    override = (
        [_Column(labels.override, ColumnKind.TEXT, lambda r: override_text(r.override, text))]
        if labels.override
        else []
    )
    return [
        _Column(
            f"{labels.time} ({zone_text(zone, sample)})",
            ColumnKind.DATETIME,
            lambda r: local_naive(r.at, zone),
        ),
        _Column(labels.gate, ColumnKind.TEXT, lambda r: gate_names.get(r.gate_id, str(r.gate_id)[:8])),
        _Column(labels.direction, ColumnKind.TEXT, lambda r: text(r.direction)),
        _Column(labels.subject, ColumnKind.TEXT, lambda r: text(r.subject)),
        _Column(labels.plate, ColumnKind.TEXT, lambda r: r.plate),
        _Column(labels.name, ColumnKind.TEXT, lambda r: r.name),
        _Column(labels.id_number, ColumnKind.TEXT, lambda r: r.id_number),
        _Column(labels.phone, ColumnKind.TEXT, lambda r: r.phone),
        _Column(
            labels.code_colour, ColumnKind.TEXT, lambda r: text(r.code_colour) if r.position >= 0 else ""
        ),
        _Column(labels.itinerary, ColumnKind.TEXT, lambda r: text(r.itinerary) if r.position >= 0 else ""),
        _Column(labels.temperature, ColumnKind.TEMPERATURE, lambda r: r.temperature),
        _Column(labels.outcome, ColumnKind.TEXT, lambda r: text(r.outcome)),
        _Column(labels.anomaly, ColumnKind.TEXT, lambda r: sep.join(text(a) for a in r.anomalies)),
        _Column(labels.reasons, ColumnKind.TEXT, lambda r: sep.join(text(x) for x in r.reasons)),
        _Column(labels.origin, ColumnKind.TEXT, lambda r: r.origin),
        _Column(labels.destination, ColumnKind.TEXT, lambda r: r.destination),
        _Column(labels.record_id, ColumnKind.TEXT, lambda r: str(r.passage_uuid)),
        *override,
    ]


def write_person_list_csv(
    rows: Sequence[PersonRow],
    path: Path,
    labels: PersonListLabels,
    *,
    zone: tzinfo,
    gate_names: Mapping[UUID, str] | None = None,
    anchor: Anchor | None = None,
) -> None:
    """Write the rows to ``path`` atomically as CSV (``anchor`` beside it, :func:`anchor_part_path`).
    Raises ``ExportError``."""
    columns = _columns(labels, zone, gate_names or {}, rows[0].at if rows else datetime.now(zone))

    def write(handle: BinaryIO) -> None:
        text = io.TextIOWrapper(handle, encoding=CSV_ENCODING, newline="")
        try:
            writer = csv.writer(text, lineterminator="\r\n")
            writer.writerow([column.header for column in columns])
            for row in rows:
                writer.writerow([_csv_text(column.value(row), column.kind) for column in columns])
            text.flush()
        finally:
            text.detach()

    def write_anchor(handle: BinaryIO) -> None:
        text = io.TextIOWrapper(handle, encoding=CSV_ENCODING, newline="")
        try:
            writer = csv.writer(text, lineterminator="\r\n")
            for line in _anchor_rows(anchor, labels)[1:]:
                writer.writerow([_csv_text(cell, ColumnKind.TEXT) for cell in line])
            text.flush()
        finally:
            text.detach()

    atomic_write(path, write)
    if anchor is not None:
        atomic_write(anchor_part_path(path), write_anchor)


def anchor_part_path(path: Path) -> Path:
    """Where a CSV list's anchor goes beside it: ``anomalies.csv`` -> ``anomalies-anchor.csv``."""
    return path.with_name(f"{path.stem}-anchor{path.suffix or '.csv'}")


def _anchor_rows(anchor: Anchor | None, labels: PersonListLabels) -> list[list[str]]:
    """An empty row, then the anchor's caption and text, then its explanation (nothing without one)."""
    if anchor is None:
        return []
    lines = anchor_lines(anchor, labels.anchor, labels.anchor_help)
    return [[], [lines.caption, lines.text], ["", lines.explanation]]


def _string_cell(sheet: WriteOnlyWorksheet, value: str, font: Font | None) -> WriteOnlyCell:
    cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", value))
    cell.data_type = "s"
    if font is not None:
        cell.font = font
    return cell


def _width(header: str, values: list[Value]) -> int:
    widths = [display_width(header)]
    for value in values:
        if isinstance(value, datetime):
            widths.append(19)
        elif value is not None:
            widths.append(display_width(str(value)))
    return min(MAX_COLUMN_WIDTH, max(widths) + 2)


def write_person_list_xlsx(
    rows: Sequence[PersonRow],
    path: Path,
    labels: PersonListLabels,
    *,
    zone: tzinfo,
    gate_names: Mapping[UUID, str] | None = None,
    anchor: Anchor | None = None,
) -> None:
    """Write the rows to ``path`` atomically as a one-sheet workbook (``anchor`` after them). Raises
    ``ExportError``."""
    columns = _columns(labels, zone, gate_names or {}, rows[0].at if rows else datetime.now(zone))
    values = [[column.value(row) for column in columns] for row in rows]
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(sheet_title(labels.sheet))
    for index, column in enumerate(columns):
        width = _width(column.header, [v[index] for v in values[:2000]])
        sheet.column_dimensions[get_column_letter(index + 1)].width = width
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{len(values) + 1}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = _PAPER_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = "1:1"
    bold = Font(bold=True)
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=column.header)
        cell.font = bold
        header.append(cell)
    sheet.append(header)
    for row_values in values:
        cells: list[object] = []
        for column, value in zip(columns, row_values, strict=True):
            if column.kind is ColumnKind.DATETIME and value is not None:
                cell = WriteOnlyCell(sheet, value=value)
                cell.number_format = DATETIME_FORMAT
                cells.append(cell)
            elif column.kind is ColumnKind.TEMPERATURE and value is not None:
                cell = WriteOnlyCell(sheet, value=value)
                cell.number_format = TEMPERATURE_FORMAT
                cells.append(cell)
            elif isinstance(value, str):
                # A string, never a formula, whatever the text starts with.
                cell = WriteOnlyCell(sheet, value=ILLEGAL_CHARACTERS_RE.sub("", value))
                cell.data_type = "s"
                cells.append(cell)
            else:
                cells.append(value)
        sheet.append(cells)
    for line in _anchor_rows(anchor, labels):
        sheet.append(
            [_string_cell(sheet, value, bold if index == 0 else None) for index, value in enumerate(line)]
        )
    buffer = io.BytesIO()
    workbook.save(buffer)
    content = buffer.getvalue()

    def copy(handle: BinaryIO) -> None:
        handle.write(content)

    atomic_write(path, copy)
