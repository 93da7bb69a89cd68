"""The shift handover as an XLSX workbook.

Sheet 1 (summary): title, gate, shift, window, generation time, the counts, the tables by direction,
outcome and code colour, the hourly table, the two signature lines and under them the log's anchor
(``domain.anchor``: the text ``checkpoint db verify --anchor`` takes); prints on one portrait page.
Sheet 2 (passages): every passage, bold frozen header, autofilter, real datetime cells. Sheet 3
(anomalies): the hand-off list. Tables print landscape, one page wide, the header on every page.
Times are wall-clock times in the window's timezone, which the time column's header and the summary name.

openpyxl (write-only mode) builds the workbook, its styles and layout; the data rows of the two tables
are rendered by ``sheetrows`` for speed (see there).
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import BinaryIO
from uuid import UUID

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._write_only import WriteOnlyWorksheet

from checkpoint.domain.anchor import Anchor
from checkpoint.domain.handover import HandoverReport, HandoverRow
from checkpoint.domain.records import FINAL_OUTCOMES, CodeColour, Direction
from checkpoint.exports.anchor_block import anchor_lines
from checkpoint.exports.atomic import atomic_write
from checkpoint.exports.labels import HandoverLabels
from checkpoint.exports.sheetrows import splice_rows
from checkpoint.exports.shift_part import kind_line, leaders, sections
from checkpoint.exports.table import (
    ANOMALY_COLUMNS,
    PASSAGE_COLUMNS,
    Column,
    ColumnKind,
    TableBuilder,
    Value,
    zone_caption,
)

DATETIME_FORMAT = "yyyy-mm-dd hh:mm:ss"
HOUR_FORMAT = "yyyy-mm-dd hh:mm"
TEMPERATURE_FORMAT = "0.0"
MAX_COLUMN_WIDTH = 60
# The record id (a UUID per row) is left to the CSV: the sheet refers to passages by their number.
XLSX_PASSAGE_COLUMNS = tuple(key for key in PASSAGE_COLUMNS if key != "record_id")
_PAPER_A4 = 9  # the OOXML paper size code
_SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")

_BOLD = Font(bold=True)
_TITLE = Font(bold=True, size=14)
_SIGNATURE_LINE = Border(bottom=Side(style="thin"))


def display_width(text: str) -> int:
    """Columns a text needs in a spreadsheet: CJK and other wide characters count double."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _clean(text: str) -> str:
    """Remove the control characters an XLSX cannot hold."""
    cleaned: str = ILLEGAL_CHARACTERS_RE.sub("", text)
    return cleaned


def sheet_title(name: str) -> str:
    cleaned = _SHEET_NAME_FORBIDDEN.sub("_", name).strip("'") or "Sheet"
    return cleaned[:31]


class _SheetWriter:
    """Turns plain values into write-only cells with the right type and format."""

    def __init__(self, sheet: WriteOnlyWorksheet) -> None:
        self.sheet = sheet

    def cell(
        self,
        value: Value,
        *,
        number_format: str | None = None,
        font: Font | None = None,
        border: Border | None = None,
    ) -> WriteOnlyCell | None:
        if value is None and font is None and border is None:
            return None
        if isinstance(value, str):
            value = _clean(value)
        cell = WriteOnlyCell(self.sheet, value=value)
        if isinstance(value, str):
            cell.data_type = "s"  # never a formula or an error code, whatever the text starts with
        if isinstance(value, datetime):
            cell.number_format = number_format or DATETIME_FORMAT
        elif number_format:
            cell.number_format = number_format
        if font is not None:
            cell.font = font
        if border is not None:
            cell.border = border
        return cell

    def text_row(self, values: Sequence[Value], *, font: Font | None = None) -> None:
        self.sheet.append([self.cell(v, font=font) for v in values])

    def blank(self) -> None:
        self.sheet.append([])


def _set_widths(sheet: WriteOnlyWorksheet, widths: Sequence[int]) -> None:
    for index, width in enumerate(widths, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = min(MAX_COLUMN_WIDTH, width + 2)


def _print_setup(sheet: WriteOnlyWorksheet, *, table: bool) -> None:
    """Tables print landscape, one page wide, header repeated; the summary prints on one portrait page."""
    sheet.page_setup.orientation = "landscape" if table else "portrait"
    sheet.page_setup.paperSize = _PAPER_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0 if table else 1
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    if table:
        sheet.print_title_rows = "1:1"


def _text_of(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return "0000-00-00 00:00:00"
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


_WIDTH_SAMPLE = 2000


def _column_width(header: str, values: Sequence[Value]) -> int:
    """Wide enough for the header and for 95 % of the values: a bus's forty names may overflow, but
    they do not make the column (and the printed page) unreadably wide for everyone else."""
    step = len(values) // _WIDTH_SAMPLE + 1  # a spread sample: measuring 20,000 rows cost seconds
    widths = sorted(display_width(_text_of(v)) for v in values[::step] if v is not None)
    typical = widths[min(len(widths) - 1, int(len(widths) * 0.95))] if widths else 0
    return max(display_width(header), typical)


def _write_table(
    sheet: WriteOnlyWorksheet, columns: Sequence[Column], rows: Iterable[HandoverRow]
) -> list[list[Value]]:
    """Lay out a table sheet: bold header, template row, frozen header, autofilter, widths from the
    content. Returns the data rows, which ``splice_rows`` puts in place of the template row."""
    values = [[column.value(row) for column in columns] for row in rows]
    _set_widths(
        sheet, [_column_width(column.header, [row[i] for row in values]) for i, column in enumerate(columns)]
    )
    sheet.freeze_panes = "A2"
    last = get_column_letter(len(columns))
    sheet.auto_filter.ref = f"A1:{last}{len(values) + 1}"
    _print_setup(sheet, table=True)

    writer = _SheetWriter(sheet)
    writer.text_row([column.header for column in columns], font=_BOLD)
    # The template row: one styled cell per column that needs a number format (see sheetrows).
    sheet.append([_template_cell(writer, column.kind) for column in columns])
    return values


def _template_cell(writer: _SheetWriter, kind: ColumnKind) -> WriteOnlyCell | None:
    if kind is ColumnKind.DATETIME:
        return writer.cell(datetime(2000, 1, 1), number_format=DATETIME_FORMAT)
    if kind is ColumnKind.TEMPERATURE:
        return writer.cell(0.0, number_format=TEMPERATURE_FORMAT)
    return None


def _write_summary(
    sheet: WriteOnlyWorksheet,
    report: HandoverReport,
    labels: HandoverLabels,
    tables: TableBuilder,
    anchor: Anchor | None = None,
) -> None:
    text = labels.enum_text
    summary = report.summary
    shift = report.shift
    leader = tables.operator_name(shift.leader_id) if shift is not None else ""
    captions = [
        labels.title,
        labels.gate,
        labels.shift,
        labels.leader,
        labels.window_start,
        labels.window_end,
        labels.generated,
        labels.time_zone,
        labels.summary,
        labels.direction,
        labels.outcome,
        labels.code_colour,
        labels.hour,
        labels.outgoing_leader,
        labels.incoming_leader,
        *(text(d) for d in Direction),
        *(text(o) for o in FINAL_OUTCOMES),
        *(text(c) for c in CodeColour),
    ]
    first_width = max(display_width(c) for c in captions)
    value_width = max(
        display_width(report.gate.name) // 2,
        display_width(shift.label if shift else labels.no_shift) // 2,
        len("0000-00-00 00:00:00"),
        display_width(labels.passages),
        display_width(labels.persons),
        display_width(labels.count),
    )
    _set_widths(sheet, [first_width, value_width, value_width, value_width])
    _print_setup(sheet, table=False)
    w = _SheetWriter(sheet)

    w.text_row([labels.title], font=_TITLE)
    w.blank()
    w.text_row([labels.gate, report.gate.name])
    w.text_row([labels.shift, shift.label if shift and shift.label else labels.no_shift])
    record = report.shift_record
    if record is not None:
        w.text_row(["", kind_line(record, labels, tables.local)])
        if record.opening is not None:
            leader = record.opening.leader
    if leader:
        w.text_row([labels.leader, leader])
    w.text_row([labels.window_start, tables.local(report.window_start)])
    w.text_row([labels.window_end, tables.local(report.window_end)])
    w.text_row([labels.generated, tables.local(report.generated_at)])
    w.text_row([labels.time_zone, zone_caption(report)])
    w.blank()

    w.text_row([labels.summary, labels.count], font=_BOLD)
    for caption, count in (
        (labels.passages, summary.passages),
        (labels.vehicles, summary.vehicles),
        (labels.pedestrians, summary.pedestrians),
        (labels.persons, summary.persons),
        (labels.fever, summary.fever),
        (labels.corrections, summary.corrections),
        (labels.overrides, summary.overrides),
    ):
        w.text_row([caption, count])
    w.blank()

    w.text_row([labels.direction, labels.passages, labels.persons], font=_BOLD)
    passages_by_direction = summary.passages_by_direction()
    persons_by_direction = summary.persons_by_direction()
    for direction in Direction:
        w.text_row([text(direction), passages_by_direction[direction], persons_by_direction[direction]])
    w.blank()

    w.text_row([labels.outcome, labels.passages], font=_BOLD)
    for outcome, count in summary.by_outcome().items():
        w.text_row([text(outcome), count])
    w.blank()

    w.text_row([labels.code_colour, labels.persons], font=_BOLD)
    for colour, count in summary.by_colour().items():
        w.text_row([text(colour), count])
    w.blank()

    w.text_row([labels.hour, labels.passages, labels.persons], font=_BOLD)
    for hour in report.hourly:
        sheet.append(
            [w.cell(tables.local(hour.start), number_format=HOUR_FORMAT), hour.passages, hour.persons]
        )
    w.blank()
    w.blank()

    for caption, name in zip((labels.outgoing_leader, labels.incoming_leader), leaders(record), strict=True):
        sheet.append(
            [
                w.cell(caption),
                w.cell(name, border=_SIGNATURE_LINE),
                w.cell(labels.signed_at),
                w.cell("", border=_SIGNATURE_LINE),
            ]
        )
        w.blank()
    if anchor is not None:
        lines = anchor_lines(anchor, labels.anchor, labels.anchor_help)
        w.text_row([lines.caption, lines.text], font=_BOLD)
        w.text_row(["", lines.explanation])


def _write_shift_part(sheet: WriteOnlyWorksheet, report: HandoverReport, labels: HandoverLabels) -> None:
    """The leaders' records: staff, items, matters, reconciliation, one table under the other."""
    record = report.shift_record
    assert record is not None
    parts = sections(record, labels)
    widths = [0] * max(len(part.header) for part in parts)
    for part in parts:
        for row in (part.header, *part.rows):
            for index, value in enumerate(row):
                widths[index] = max(widths[index], display_width(str(value)))
    _set_widths(sheet, widths)
    _print_setup(sheet, table=False)
    sheet.sheet_properties.pageSetUpPr.fitToPage = False
    w = _SheetWriter(sheet)
    w.text_row([labels.shift_sheet.sheet], font=_TITLE)
    w.text_row([kind_line(record, labels, TableBuilder(report, labels, None).local)])
    for part in parts:
        w.blank()
        w.text_row([part.title], font=_BOLD)
        w.text_row(list(part.header), font=_BOLD)
        for row in part.rows:
            w.text_row(list(row))
        if not part.rows:
            w.text_row([labels.nothing])


def write_handover_xlsx(
    report: HandoverReport,
    path: Path,
    labels: HandoverLabels,
    *,
    operator_names: Mapping[UUID, str] | None = None,
    anchor: Anchor | None = None,
) -> None:
    """Write the handover workbook to ``path`` atomically.

    ``operator_names`` maps operator ids to the names printed in the operator and leader cells (an
    unknown id prints as the first 8 characters of its UUID); ``anchor`` goes under the signature lines.
    Raises ``ExportError``.
    """
    tables = TableBuilder(report, labels, operator_names)
    workbook = Workbook(write_only=True)
    summary_sheet = workbook.create_sheet(sheet_title(labels.sheet_summary))
    _write_summary(summary_sheet, report, labels, tables, anchor)
    passages_sheet = workbook.create_sheet(sheet_title(labels.sheet_passages))
    passage_rows = _write_table(passages_sheet, tables.columns(XLSX_PASSAGE_COLUMNS), report.rows)
    anomalies_sheet = workbook.create_sheet(sheet_title(labels.sheet_anomalies))
    anomaly_rows = _write_table(anomalies_sheet, tables.columns(ANOMALY_COLUMNS), report.anomalies)
    if report.shift_record is not None:
        _write_shift_part(workbook.create_sheet(sheet_title(labels.shift_sheet.sheet)), report, labels)

    # Finish the workbook in memory first (a few MB for a long shift): a write-only workbook that is
    # never saved leaves its sheet streams dangling, and the target folder is touched only once the
    # content is complete.
    buffer = io.BytesIO()
    workbook.save(buffer)
    content = splice_rows(
        buffer.getvalue(),
        {passages_sheet.path.lstrip("/"): passage_rows, anomalies_sheet.path.lstrip("/"): anomaly_rows},
    )

    def copy(handle: BinaryIO) -> None:
        handle.write(content)

    atomic_write(path, copy)
