"""The handover's passages as CSV: one header line, then one line per passage.

UTF-8 with a byte-order mark, so spreadsheet software opens Chinese text right; CRLF line ends.
No summary block on top: a CSV is for sorting, filtering and loading into other tools, which all expect
the header on the first line and one record per line. The summary, hourly table and signatures are in
the XLSX (and PDF) handover sheet; the CSV's signature lines and the log's anchor (``domain.anchor``) are
in the shift part's file beside it (``<name>-shift.csv``), written whenever there is an anchor to print.

Times are written as "YYYY-MM-DD HH:MM:SS" wall-clock time in the window's timezone, which the header
names. Text that a spreadsheet would run as a formula (starting with = + - @ or a tab/CR) gets a leading
apostrophe, the usual defence against CSV formula injection.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import BinaryIO
from uuid import UUID

from checkpoint.domain.anchor import Anchor
from checkpoint.domain.handover import HandoverReport
from checkpoint.exports.anchor_block import anchor_lines
from checkpoint.exports.atomic import atomic_write
from checkpoint.exports.labels import HandoverLabels
from checkpoint.exports.shift_part import leaders, sections
from checkpoint.exports.table import PASSAGE_COLUMNS, ColumnKind, TableBuilder, Value

CSV_ENCODING = "utf-8-sig"
_FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def _csv_text(value: Value, kind: ColumnKind) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if kind is ColumnKind.TEMPERATURE and isinstance(value, float):
        return f"{value:.1f}"
    text = str(value)
    if isinstance(value, str) and text.startswith(_FORMULA_TRIGGERS):
        return "'" + text
    return text


def write_handover_csv(
    report: HandoverReport,
    path: Path,
    labels: HandoverLabels,
    *,
    operator_names: Mapping[UUID, str] | None = None,
    anchor: Anchor | None = None,
) -> None:
    """Write every passage row of ``report`` to ``path`` atomically, and the shift part (with the
    signature lines and ``anchor``) beside it when there is a shift record or an anchor. Raises
    ``ExportError``."""
    tables = TableBuilder(report, labels, operator_names)
    columns = tables.columns(PASSAGE_COLUMNS)

    def write(handle: BinaryIO) -> None:
        text = io.TextIOWrapper(handle, encoding=CSV_ENCODING, newline="")
        try:
            writer = csv.writer(text, lineterminator="\r\n")
            writer.writerow([column.header for column in columns])
            for row in report.rows:
                writer.writerow([_csv_text(column.value(row), column.kind) for column in columns])
            text.flush()
        finally:
            text.detach()

    atomic_write(path, write)
    if report.shift_record is not None or anchor is not None:
        write_shift_part_csv(report, shift_part_path(path), labels, anchor)


def shift_part_path(path: Path) -> Path:
    """Where the shift part goes beside the passages' CSV: ``handover.csv`` -> ``handover-shift.csv``."""
    return path.with_name(f"{path.stem}-shift{path.suffix or '.csv'}")


def write_shift_part_csv(
    report: HandoverReport, path: Path, labels: HandoverLabels, anchor: Anchor | None = None
) -> None:
    """The leaders' records as their own CSV (one header line, one line per entry), written atomically.

    Columns: part, name (staff member, item, matter or count), received or log, handed over or tally,
    difference, condition or decision, explanation. The passages' CSV keeps one record per line, so the
    shift part, whose entries are of another kind, is a file of its own. The signature lines end it, then
    the anchor: its caption, its exact text and its explanation (a report without a shift record has
    only these).
    """
    record = report.shift_record
    part = labels.shift_sheet
    header = [
        part.sheet,
        f"{part.item} / {part.matter} / {part.metric}",
        f"{part.received} / {part.logged}",
        f"{part.handed_over} / {part.tallied}",
        part.difference,
        f"{part.condition} / {part.decision}",
        part.explanation,
    ]
    lines: list[list[str]] = []
    for section in sections(record, labels) if record is not None else ():
        for row in section.rows:
            cells = [str(v) for v in row]
            if section.key == "items":
                name, received, handed, condition, status, explanation = cells
                lines.append([section.title, name, received, handed, status, condition, explanation])
            elif section.key == "matters_taken":
                text, decision, note = cells
                lines.append([section.title, text, "", "", "", decision, note])
            elif section.key == "reconciliation":
                metric, logged, tallied, difference, explanation = cells
                lines.append([section.title, metric, logged, tallied, difference, "", explanation])
            else:
                lines.append([section.title, cells[0], "", "", "", "", ""])
    for caption, name in zip((labels.outgoing_leader, labels.incoming_leader), leaders(record), strict=True):
        lines.append([caption, name, "", "", "", "", ""])
    if anchor is not None:
        block = anchor_lines(anchor, labels.anchor, labels.anchor_help)
        lines.append([block.caption, block.text, "", "", "", "", block.explanation])

    def write(handle: BinaryIO) -> None:
        text = io.TextIOWrapper(handle, encoding=CSV_ENCODING, newline="")
        try:
            writer = csv.writer(text, lineterminator="\r\n")
            writer.writerow(header)
            for line in lines:
                writer.writerow([_csv_text(cell, ColumnKind.TEXT) for cell in line])
            text.flush()
        finally:
            text.detach()

    atomic_write(path, write)
