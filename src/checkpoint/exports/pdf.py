"""The shift handover as a PDF: the sheet the two shift leaders sign (交接班记录).

A4 portrait. Page 1 onwards: the title, gate, shift, leader, window, generation time, time zone and the
staff on duty (every operator who recorded a passage in the window, and the leader); the totals, by
direction, by outcome and by health-code colour; the bar chart of passages per hour; the two signature
lines (outgoing and incoming leader) and under them the log's anchor (``domain.anchor``: its text and a
QR code of it, what ``checkpoint db verify --anchor`` takes). Then the lists a leader acts on: the
vehicles and people turned back, the ones handed over (held), and the other anomalies (passed, but with a
yellow/red code, a starred itinerary or fever). Each passage appears in one list only; corrected passages
appear in their latest version. Every passage of the window is the XLSX's and CSV's job, not the paper's:
a 20,000-passage shift prints in a few pages, and a list longer than ``MAX_LIST_ROWS`` ends with a line
saying how many rows more the XLSX holds. Tables split across pages with their header repeated; every
page's footer names the gate and shift and says "page N of M".

Chinese text uses ``fonts.pdf_font()``: an embedded TrueType CJK font when the system has one, else
reportlab's built-in ``STSong-Light`` (not embedded; the PDF's keywords say which font was used).
"""

from __future__ import annotations

import enum
import io
from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any, BinaryIO
from uuid import UUID
from xml.sax.saxutils import escape

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import (
    CondPageBreak,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from checkpoint import APP_NAME, __version__
from checkpoint.domain.anchor import Anchor
from checkpoint.domain.handover import HandoverReport, HandoverRow
from checkpoint.domain.records import Direction, Outcome
from checkpoint.exports.anchor_block import anchor_lines, qr_modules
from checkpoint.exports.atomic import atomic_write
from checkpoint.exports.fonts import PdfFont, pdf_font
from checkpoint.exports.labels import HandoverLabels
from checkpoint.exports.shift_part import kind_line, leaders, sections
from checkpoint.exports.shift_part import staff as shift_staff
from checkpoint.exports.table import TableBuilder, override_text, zone_caption

MAX_LIST_ROWS = 1000  # per list; the XLSX has them all
_MARGIN = 15 * mm
_PAGE_WIDTH, _PAGE_HEIGHT = A4
_FRAME_WIDTH = _PAGE_WIDTH - 2 * _MARGIN
_GRID = colors.HexColor("#9e9e9e")
_HEADER_FILL = colors.HexColor("#e8e8e8")
_BAR_FILL = colors.HexColor("#4f7cac")
_CELL_PADDING = 3  # points left and right of a table cell's text
_QR_SIZE = 26 * mm  # the anchor's QR code with its quiet zone: about 0.5 mm a module


class _Styles:
    def __init__(self, font: str) -> None:
        self.font = font
        self.title = ParagraphStyle("title", fontName=font, fontSize=18, leading=24, alignment=TA_CENTER)
        self.heading = ParagraphStyle(
            "heading", fontName=font, fontSize=12, leading=16, spaceBefore=8, spaceAfter=4, keepWithNext=1
        )
        self.body = ParagraphStyle("body", fontName=font, fontSize=9, leading=12)
        self.cell = ParagraphStyle("cell", fontName=font, fontSize=7.5, leading=9.5)
        self.note = ParagraphStyle("note", fontName=font, fontSize=8, leading=10, textColor=colors.grey)
        self.code = ParagraphStyle("code", fontName="Courier", fontSize=6.5, leading=8)


def _para(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(escape(text).replace("\n", "<br/>"), style)


class _Fit:
    """A table cell's content for one column: the plain text when it fits on one line (drawn as it is,
    cheap), else a paragraph that wraps it. A long list has thousands of cells, and a paragraph costs
    some thirty times a string to lay out and draw."""

    def __init__(self, width: float, style: ParagraphStyle) -> None:
        self._room = width - 2 * _CELL_PADDING
        self._style = style

    def __call__(self, text: str) -> str | Paragraph:
        if "\n" not in text and stringWidth(text, self._style.fontName, self._style.fontSize) <= self._room:
            return text
        return _para(text, self._style)


def _grid_style(font: str, size: float, *, header: bool = True) -> TableStyle:
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), font, size),
        ("GRID", (0, 0), (-1, -1), 0.4, _GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), _CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), _CELL_PADDING),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), _HEADER_FILL))
    return TableStyle(commands)


class _Sheet:
    """Builds the flowables of one handover PDF."""

    def __init__(
        self,
        report: HandoverReport,
        labels: HandoverLabels,
        operator_names: Mapping[UUID, str] | None,
        font: PdfFont,
        anchor: Anchor | None = None,
    ) -> None:
        self.report = report
        self.anchor = anchor
        self.labels = labels
        self.tables = TableBuilder(report, labels, operator_names)
        self.styles = _Styles(font.name)
        self.font = font

    # -- heading and counts ------------------------------------------------------------------------

    def _time(self, value: datetime) -> str:
        return self.tables.local(value).strftime("%Y-%m-%d %H:%M")

    def shift_caption(self) -> str:
        shift = self.report.shift
        return shift.label if shift is not None and shift.label else self.labels.no_shift

    def staff(self) -> list[str]:
        """The staff the opening leader named; else the leader first, then every operator who recorded a
        passage in the window, by name."""
        named = shift_staff(self.report.shift_record)
        if named:
            return list(named)
        ids: list[UUID] = []
        if self.report.shift is not None:
            ids.append(self.report.shift.leader_id)
        ids += sorted(
            {row.operator_id for row in self.report.rows} - set(ids),
            key=lambda i: self.tables.operator_name(i),
        )
        return [self.tables.operator_name(i) for i in ids]

    def heading(self) -> list[Any]:
        lab = self.labels
        report = self.report
        caption = self.shift_caption()
        record = report.shift_record
        if record is not None:
            caption += "\n" + kind_line(record, lab, self.tables.local)
        rows: list[list[Any]] = [
            [lab.gate, _para(report.gate.name, self.styles.body)],
            [lab.shift, _para(caption, self.styles.body)],
        ]
        if record is not None and record.opening is not None:
            rows.append([lab.leader, _para(record.opening.leader, self.styles.body)])
        elif report.shift is not None:
            rows.append([lab.leader, self.tables.operator_name(report.shift.leader_id)])
        rows += [
            [lab.window_start, self._time(report.window_start)],
            [lab.window_end, self._time(report.window_end)],
            [lab.generated, self._time(report.generated_at)],
            [lab.time_zone, zone_caption(report)],
            [lab.staff, _para(lab.separator.join(self.staff()) or lab.nothing, self.styles.body)],
        ]
        table = Table(rows, colWidths=[35 * mm, _FRAME_WIDTH - 35 * mm])
        style = _grid_style(self.styles.font, 9, header=False)
        style.add("BACKGROUND", (0, 0), (0, -1), _HEADER_FILL)
        table.setStyle(style)
        return [_para(lab.title, self.styles.title), Spacer(1, 4 * mm), table]

    def _small_table(self, rows: list[list[Any]]) -> Table:
        table = Table(rows, hAlign="LEFT")
        style = _grid_style(self.styles.font, 9)
        style.add("ALIGN", (1, 1), (-1, -1), "RIGHT")
        table.setStyle(style)
        return table

    def counts(self) -> list[Any]:
        lab = self.labels
        text = lab.enum_text
        summary = self.report.summary
        totals = self._small_table(
            [
                [lab.summary, lab.count],
                [lab.passages, summary.passages],
                [lab.vehicles, summary.vehicles],
                [lab.pedestrians, summary.pedestrians],
                [lab.persons, summary.persons],
                [lab.fever, summary.fever],
                [lab.corrections, summary.corrections],
                [lab.overrides, summary.overrides],
            ]
        )
        by_passages = summary.passages_by_direction()
        by_persons = summary.persons_by_direction()
        direction = self._small_table(
            [[lab.direction, lab.passages, lab.persons]]
            + [[text(d), by_passages[d], by_persons[d]] for d in Direction]
        )
        outcome = self._small_table(
            [[lab.outcome, lab.passages]] + [[text(o), n] for o, n in summary.by_outcome().items()]
        )
        colour = self._small_table(
            [[lab.code_colour, lab.persons]] + [[text(c), n] for c, n in summary.by_colour().items()]
        )
        half = _FRAME_WIDTH / 2
        layout = Table(
            [[totals, [direction, Spacer(1, 3 * mm), outcome]], ["", colour]],
            colWidths=[half, half],
            hAlign="LEFT",
        )
        layout.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 3 * mm),
                ]
            )
        )
        return [_para(lab.summary, self.styles.heading), layout]

    # -- chart ---------------------------------------------------------------------------------------

    def chart(self) -> list[Any]:
        hourly = self.report.hourly
        if not hourly:
            return []
        width, height = _FRAME_WIDTH, 62 * mm
        drawing = Drawing(width, height)
        chart = VerticalBarChart()
        chart.x, chart.y = 12 * mm, 10 * mm
        chart.width, chart.height = width - 16 * mm, height - 16 * mm
        chart.data = [[h.passages for h in hourly]]
        step = max(1, len(hourly) // 24)
        chart.categoryAxis.categoryNames = [
            self.tables.local(h.start).strftime("%H") if i % step == 0 else "" for i, h in enumerate(hourly)
        ]
        chart.categoryAxis.labels.fontName = self.styles.font
        chart.categoryAxis.labels.fontSize = 7
        chart.valueAxis.labels.fontName = self.styles.font
        chart.valueAxis.labels.fontSize = 7
        chart.valueAxis.valueMin = 0
        peak = max((h.passages for h in hourly), default=0)
        chart.valueAxis.valueMax = max(peak, 1) * 1.1
        chart.valueAxis.visibleGrid = True
        chart.valueAxis.gridStrokeColor = colors.HexColor("#dddddd")
        chart.bars[0].fillColor = _BAR_FILL
        chart.bars[0].strokeColor = None
        chart.barSpacing = 1
        chart.barLabelFormat = "%d" if len(hourly) <= 24 else None
        chart.barLabels.fontName = self.styles.font
        chart.barLabels.fontSize = 6
        chart.barLabels.nudge = 5
        drawing.add(chart)
        drawing.add(String(12 * mm, 2 * mm, self.labels.hour, fontName=self.styles.font, fontSize=7))
        return [KeepTogether([_para(self.labels.chart_title, self.styles.heading), drawing])]

    # -- signatures ----------------------------------------------------------------------------------

    def signatures(self) -> list[Any]:
        lab = self.labels
        outgoing, incoming = leaders(self.report.shift_record)
        rows = [
            [lab.outgoing_leader, outgoing, lab.signed_at, ""],
            [lab.incoming_leader, incoming, lab.signed_at, ""],
        ]
        table = Table(
            rows, colWidths=[62 * mm, 55 * mm, 18 * mm, _FRAME_WIDTH - 135 * mm], rowHeights=12 * mm
        )
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), self.styles.font, 9),
                    ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
                    ("LINEBELOW", (1, 0), (1, -1), 0.6, colors.black),
                    ("LINEBELOW", (3, 0), (3, -1), 0.6, colors.black),
                ]
            )
        )
        return [Spacer(1, 6 * mm), KeepTogether([table, *self.anchor_block()])]

    def anchor_block(self) -> list[Any]:
        """The log's anchor under the signatures: caption, explanation and exact text beside its QR code."""
        if self.anchor is None:
            return []
        lines = anchor_lines(self.anchor, self.labels.anchor, self.labels.anchor_help)
        text = [
            _para(lines.caption, self.styles.body),
            _para(lines.explanation, self.styles.note),
            Spacer(1, 1 * mm),
            _para(lines.text, self.styles.code),
        ]
        block = Table(
            [[text, _qr_drawing(lines.text)]], colWidths=[_FRAME_WIDTH - _QR_SIZE - 2 * mm, _QR_SIZE]
        )
        block.setStyle(
            TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        return [Spacer(1, 4 * mm), block]

    # -- the leaders' records ------------------------------------------------------------------------

    def shift_part(self) -> list[Any]:
        """Items received and handed over, open matters, the reconciliation (from the leaders' records)."""
        record = self.report.shift_record
        if record is None:
            return []
        cell = self.styles.cell
        flowables: list[Any] = []
        for section in sections(record, self.labels):
            if section.key == "staff":
                continue  # in the heading
            heading = _para(section.title, self.styles.heading)
            if not section.rows:
                flowables += [heading, _para(self.labels.nothing, self.styles.body)]
                continue
            data = [[_para(h, cell) for h in section.header]]
            data += [[_para(str(value), cell) for value in row] for row in section.rows]
            widths = _section_widths(len(section.header))
            table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT")
            table.setStyle(_grid_style(self.styles.font, 7.5))
            flowables += [heading, table]
        return flowables

    # -- the lists -----------------------------------------------------------------------------------

    def lists(self) -> list[Any]:
        turned_back: list[HandoverRow] = []
        held: list[HandoverRow] = []
        other: list[HandoverRow] = []
        for row in self.report.anomalies:
            if row.outcome is Outcome.TURN_BACK:
                turned_back.append(row)
            elif row.outcome is Outcome.HOLD:
                held.append(row)
            else:
                other.append(row)
        flowables: list[Any] = self._overrides()
        for caption, rows in (
            (self.labels.turned_back_list, turned_back),
            (self.labels.held_list, held),
            (self.labels.other_anomalies, other),
        ):
            flowables += self._list(caption, rows)
        return flowables

    def _overrides(self) -> list[Any]:
        """The passages recorded milder than proposed: who decided, what was proposed, and why."""
        lab = self.labels
        rows = [row for row in self.report.anomalies if row.override is not None]
        heading = _para(f"{lab.overrides} ({len(rows)})", self.styles.heading)
        if not rows:
            return [heading, _para(lab.nothing, self.styles.body)]
        cell = self.styles.cell
        header = [lab.number, lab.time, lab.plate, lab.names, lab.override, lab.operator]
        widths = [12, 19, 18, 30, 0, 28]
        widths[4] = int(_FRAME_WIDTH / mm) - sum(widths)
        fits = [_Fit(w * mm, cell) for w in widths]
        data: list[list[Any]] = [[_para(h, cell) for h in header]]
        for row in rows[:MAX_LIST_ROWS]:
            values = (
                str(row.seq),
                self.tables.local(row.at).strftime("%m-%d %H:%M"),
                row.plate,
                lab.separator.join(n for n in row.names if n),
                override_text(row.override, lab.enum_text),
                self.tables.operator_name(row.override.operator_id if row.override else row.operator_id),
            )
            data.append([fit(value) for fit, value in zip(fits, values, strict=True)])
        table = Table(data, colWidths=[w * mm for w in widths], repeatRows=1)
        table.setStyle(_grid_style(self.styles.font, 7.5))
        flowables: list[Any] = [heading, table]
        if len(rows) > MAX_LIST_ROWS:
            flowables.append(
                _para(lab.rows_omitted.format(count=len(rows) - MAX_LIST_ROWS), self.styles.note)
            )
        return flowables

    def _list(self, caption: str, rows: Sequence[HandoverRow]) -> list[Any]:
        lab = self.labels
        heading = _para(f"{caption} ({len(rows)})", self.styles.heading)
        if not rows:
            return [heading, _para(lab.nothing, self.styles.body)]
        text = lab.enum_text
        cell = self.styles.cell
        sep = lab.separator
        header = [
            lab.number,
            lab.time,
            lab.direction,
            lab.plate,
            lab.names,
            lab.code_colour,
            lab.itinerary,
            "℃",
            lab.anomaly,
            lab.reasons,
            f"{lab.origin} → {lab.destination}",
        ]
        widths = [12, 19, 9, 18, 24, 14, 14, 9, 22, 22, 0]
        widths[-1] = int(_FRAME_WIDTH / mm) - sum(widths)
        fits = [_Fit(w * mm, cell) for w in widths]
        data: list[list[Any]] = [[_para(h, cell) for h in header]]
        for row in rows[:MAX_LIST_ROWS]:
            route = " → ".join(p for p in (row.origin, row.destination) if p)
            values = (
                str(row.seq),
                self.tables.local(row.at).strftime("%m-%d %H:%M"),
                text(row.direction),
                row.plate,
                sep.join(n for n in row.names if n),
                self._tally(row.colours),
                self._tally(row.itineraries),
                "" if row.max_temperature is None else f"{row.max_temperature:.1f}",
                sep.join(text(a) for a in row.anomalies),
                sep.join(text(r) for r in row.reasons),
                route,
            )
            data.append([fit(value) for fit, value in zip(fits, values, strict=True)])
        table = Table(data, colWidths=[w * mm for w in widths], repeatRows=1)
        style = _grid_style(self.styles.font, 7.5)
        table.setStyle(style)
        flowables: list[Any] = [heading, table]
        if len(rows) > MAX_LIST_ROWS:
            flowables.append(
                _para(lab.rows_omitted.format(count=len(rows) - MAX_LIST_ROWS), self.styles.note)
            )
        return flowables

    def _tally(self, values: Sequence[enum.Enum]) -> str:
        """Per-person values counted, in first-seen order: 绿码×3、黄码."""
        counts: dict[enum.Enum, int] = {}
        for value in values:
            counts[value] = counts.get(value, 0) + 1
        text = self.labels.enum_text
        return self.labels.separator.join(
            text(value) if n == 1 else f"{text(value)}×{n}" for value, n in counts.items()
        )

    def story(self) -> list[Any]:
        return [
            *self.heading(),
            Spacer(1, 3 * mm),
            *self.counts(),
            *self.chart(),
            *self.signatures(),
            *self.shift_part(),
            CondPageBreak(70 * mm),
            *self.lists(),
        ]


def _qr_drawing(text: str) -> Drawing:
    """A QR code of ``text`` drawn as vector squares (sharp at any print resolution)."""
    modules = qr_modules(text)
    size = _QR_SIZE / len(modules)
    drawing = Drawing(_QR_SIZE, _QR_SIZE)
    for row, line in enumerate(modules):
        y = _QR_SIZE - (row + 1) * size
        column = 0
        while column < len(line):  # one rectangle per run of dark modules in a row
            if not line[column]:
                column += 1
                continue
            start = column
            while column < len(line) and line[column]:
                column += 1
            drawing.add(
                Rect(start * size, y, (column - start) * size, size, fillColor=colors.black, strokeColor=None)
            )
    return drawing


def _section_widths(columns: int) -> list[float]:
    """The first column (item, matter, count) and the last (explanation) get the room."""
    if columns == 1:
        return [_FRAME_WIDTH]
    narrow = 20 * mm
    middle = columns - 2
    rest = _FRAME_WIDTH - middle * narrow
    return [rest * 0.4, *([narrow] * middle), rest * 0.6]


def _footer_canvas(footer: str, page_text: str, font: str) -> type:
    """A canvas that holds its pages until the end, so each footer can say "page N of M"."""

    class _FooterCanvas(pdfcanvas.Canvas):  # type: ignore[misc]  # reportlab ships no type hints
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # reportlab's name
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self.setFont(font, 8)
                self.setFillColor(colors.grey)
                self.drawString(_MARGIN, 9 * mm, footer)
                self.drawRightString(
                    _PAGE_WIDTH - _MARGIN, 9 * mm, page_text.format(page=number, pages=total)
                )
                super().showPage()
            super().save()

    return _FooterCanvas


def render_handover_pdf(
    report: HandoverReport,
    labels: HandoverLabels,
    *,
    operator_names: Mapping[UUID, str] | None = None,
    anchor: Anchor | None = None,
) -> bytes:
    """The handover PDF's bytes (see the module docstring for what it holds)."""
    font = pdf_font()
    sheet = _Sheet(report, labels, operator_names, font, anchor)
    buffer = io.BytesIO()
    title = f"{labels.title} {report.gate.name} {sheet.shift_caption()}"
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=_MARGIN,
        rightMargin=_MARGIN,
        topMargin=_MARGIN,
        bottomMargin=_MARGIN + 4 * mm,
        title=title,
        author=APP_NAME,
        subject=labels.title,
        creator=f"{APP_NAME} {__version__}",
        keywords=f"font: {font.describe()}",
        invariant=False,
    )
    footer = f"{report.gate.name} · {sheet.shift_caption()}"
    document.build(sheet.story(), canvasmaker=_footer_canvas(footer, labels.page_footer, font.name))
    return buffer.getvalue()


def write_handover_pdf(
    report: HandoverReport,
    path: Path,
    labels: HandoverLabels,
    *,
    operator_names: Mapping[UUID, str] | None = None,
    anchor: Anchor | None = None,
) -> None:
    """Write the handover PDF to ``path`` atomically. Raises ``ExportError``.

    ``operator_names`` maps operator ids to the names printed for the leader and the staff (an unknown
    id prints as the first 8 characters of its UUID); ``anchor`` is printed under the signatures.
    """
    content = render_handover_pdf(report, labels, operator_names=operator_names, anchor=anchor)

    def copy(handle: BinaryIO) -> None:
        handle.write(content)

    atomic_write(path, copy)


__all__ = ["MAX_LIST_ROWS", "render_handover_pdf", "write_handover_pdf"]
