"""The handover's passages as CSV: one header line, then one line per passage.

UTF-8 with a byte-order mark, so spreadsheet software opens Chinese text right; CRLF line ends.
No summary block on top: a CSV is for sorting, filtering and loading into other tools, which all expect
the header on the first line and one record per line. The summary, hourly table and signatures are in
the XLSX (and PDF) handover sheet.

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

from checkpoint.domain.handover import HandoverReport
from checkpoint.exports.atomic import atomic_write
from checkpoint.exports.labels import HandoverLabels
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
) -> None:
    """Write every passage row of ``report`` to ``path`` atomically. Raises ``ExportError``."""
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
