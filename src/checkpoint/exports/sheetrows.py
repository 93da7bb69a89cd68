"""Fast data rows for big XLSX tables: SpreadsheetML ``<row>`` elements written as text.

openpyxl spends about 7 µs of Python per cell; a 20,000-passage handover has some 300,000 cells, which
alone would exceed the 3-second export budget of DESIGN.md. So openpyxl lays out each table sheet
(header, widths, frozen pane, autofilter, print setup, styles) with one *template* data row whose cells
carry the styles the data needs, and ``splice_rows`` replaces that template row in the saved file with
the real rows rendered here. The result is plain OOXML: numbers as ``<v>``, dates as serial numbers with
the template's date style, text as inline strings (never formulas, whatever the text starts with).
"""

from __future__ import annotations

import functools
import io
import re
import zipfile
from collections.abc import Sequence
from datetime import datetime
from xml.sax.saxutils import escape

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.utils import get_column_letter

_EPOCH = datetime(1899, 12, 30)  # Excel's day zero (1900 date system)
_TEMPLATE_ROW = re.compile(rb'<row r="2"(?:[^>]*/>|[^>]*>.*?</row>)', re.DOTALL)
_CELL_TAG = re.compile(rb"<c\b[^>]*>")
_CELL_REF = re.compile(rb'\br="([A-Z]+)2"')
_CELL_STYLE = re.compile(rb'\bs="(\d+)"')

Value = str | int | float | datetime | None


class TemplateRowError(RuntimeError):
    """The saved sheet does not contain the template row: a bug in the sheet layout, not user input."""


def excel_serial(value: datetime) -> float:
    """A naive datetime as Excel's day number (fraction = time of day)."""
    delta = value - _EPOCH
    return delta.days + (delta.seconds + delta.microseconds / 1_000_000) / 86_400


@functools.lru_cache(maxsize=16384)
def _inline_text(text: str) -> str:
    """A text cell's attributes and content after its reference ("" for no cell): most texts of a
    table (directions, outcomes, colours, reasons...) repeat on thousands of rows, so each distinct
    one is cleaned and escaped once."""
    text = ILLEGAL_CHARACTERS_RE.sub("", text)
    if not text:
        return ""
    space = ' xml:space="preserve"' if text != text.strip() or "\n" in text else ""
    return f' t="inlineStr"><is><t{space}>{escape(text)}</t></is></c>'


def render_rows(rows: Sequence[Sequence[Value]], first_row: int, styles: Sequence[str | None]) -> bytes:
    """The ``<row>`` elements for ``rows`` starting at sheet row ``first_row``.

    ``styles[i]`` is the style index (as text) for column i's dates and numbers, or None.
    """
    letters = [get_column_letter(i + 1) for i in range(len(styles))]
    style_attr = [f' s="{s}"' if s is not None else "" for s in styles]
    out: list[str] = []
    append = out.append
    for offset, row in enumerate(rows):
        number = first_row + offset
        append(f'<row r="{number}">')
        for index, value in enumerate(row):
            if value is None:
                continue
            ref = f"{letters[index]}{number}"
            if isinstance(value, str):
                inline = _inline_text(value)
                if inline:
                    append(f'<c r="{ref}"{inline}')
            elif isinstance(value, datetime):
                append(f'<c r="{ref}"{style_attr[index]}><v>{excel_serial(value)!r}</v></c>')
            elif isinstance(value, bool):
                append(f'<c r="{ref}" t="b"><v>{int(value)}</v></c>')
            elif isinstance(value, float):
                append(f'<c r="{ref}"{style_attr[index]}><v>{value!r}</v></c>')
            else:
                append(f'<c r="{ref}"><v>{value}</v></c>')
        append("</row>")
    return "".join(out).encode("utf-8")


def template_styles(sheet_xml: bytes, columns: int) -> list[str | None]:
    """The style index of each template-row cell (None where the template cell has no style)."""
    match = _TEMPLATE_ROW.search(sheet_xml)
    if match is None:
        raise TemplateRowError("no template row 2 in the sheet")
    found: dict[str, str] = {}
    for tag in _CELL_TAG.finditer(match.group(0)):
        ref, style = _CELL_REF.search(tag.group(0)), _CELL_STYLE.search(tag.group(0))
        if ref and style:
            found[ref.group(1).decode()] = style.group(1).decode()
    return [found.get(get_column_letter(i + 1)) for i in range(columns)]


def splice_rows(workbook_bytes: bytes, sheets: dict[str, Sequence[Sequence[Value]]]) -> bytes:
    """``workbook_bytes`` with the template row of each named sheet part replaced by its rows.

    ``sheets`` maps a zip member such as ``xl/worksheets/sheet2.xml`` to the data rows (row 2 on).
    """
    source = zipfile.ZipFile(io.BytesIO(workbook_bytes))
    target_buffer = io.BytesIO()
    with zipfile.ZipFile(target_buffer, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            rows = sheets.get(info.filename)
            if rows is not None:
                match = _TEMPLATE_ROW.search(data)
                if match is None:
                    raise TemplateRowError(f"no template row in {info.filename}")
                width = max((len(r) for r in rows), default=0)
                rendered = render_rows(rows, 2, template_styles(data, width))
                data = data[: match.start()] + rendered + data[match.end() :]
            # level 1: the big sheets are repetitive XML, so the file is barely larger, and written
            # in a third of the time level 6 takes
            target.writestr(info, data, compress_type=zipfile.ZIP_DEFLATED, compresslevel=1)
    missing = set(sheets) - set(source.namelist())
    if missing:
        raise TemplateRowError(f"sheet parts not in the workbook: {sorted(missing)}")
    return target_buffer.getvalue()
