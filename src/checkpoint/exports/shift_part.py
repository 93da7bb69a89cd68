"""The shift part of the handover, laid out once for the XLSX, PDF and CSV writers.

From the leaders' records (``ShiftRecord``), never typed at export: whether the shift was automatic or
opened by a leader, the staff on duty, the items received and handed over with their differences, the
open matters taken over and handed on, and the counts reconciled against the log with the explanations.
Each part is a ``Section``: a caption, a header and rows of plain values.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from checkpoint.domain.shift_handover import ItemLine, ShiftRecord
from checkpoint.exports.labels import HandoverLabels

Cell = str | int


@dataclass(frozen=True, slots=True)
class Section:
    key: str  # "staff", "items", "matters_taken", "reconciliation", "matters_open"
    title: str
    header: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]


def kind_line(record: ShiftRecord, labels: HandoverLabels, local: Callable[[datetime], datetime]) -> str:
    """ "Automatic shift ..." or "Opened by <leader> at <time>"."""
    part = labels.shift_sheet
    if record.opening is None:
        return part.automatic
    when = local(record.shift.opened_at).strftime("%Y-%m-%d %H:%M")
    return part.opened_by.format(leader=record.opening.leader, time=when)


def leaders(record: ShiftRecord | None) -> tuple[str, str]:
    """The outgoing and incoming leaders' names for the signature lines ("" where not known yet)."""
    if record is None:
        return "", ""
    if record.closing is not None:
        return record.closing.outgoing_leader, record.closing.incoming_leader
    return (record.opening.leader if record.opening is not None else ""), ""


def staff(record: ShiftRecord | None) -> tuple[str, ...]:
    """The staff on duty as the opening leader named them (empty for an automatic shift)."""
    return record.opening.staff if record is not None and record.opening is not None else ()


def sections(record: ShiftRecord, labels: HandoverLabels) -> list[Section]:
    part = labels.shift_sheet
    text = part.enum_text
    found: list[Section] = []
    names = staff(record)
    if names:
        found.append(Section("staff", labels.staff, (labels.staff,), tuple((n,) for n in names)))

    lines: tuple[ItemLine, ...]
    if record.closing is not None:
        lines = record.closing.items
    elif record.opening is not None:
        lines = tuple(
            ItemLine(i.name, i.quantity, i.quantity, i.condition, i.note) for i in record.opening.items
        )
    else:
        lines = ()
    closed = record.closing is not None
    item_rows = tuple(
        (
            line.name,
            "" if line.received is None else line.received,
            line.handed_over if closed else "",
            text(line.condition),
            text(line.status) if closed else "",
            line.explanation,
        )
        for line in lines
    )
    if item_rows:
        header: tuple[str, ...] = (
            part.item,
            part.received,
            part.handed_over,
            part.condition,
            part.status,
            part.explanation,
        )
        found.append(Section("items", part.items, header, item_rows))

    if record.opening is not None and record.opening.matters:
        rows: tuple[tuple[Cell, ...], ...] = tuple(
            (m.text, text(m.decision) if m.decision is not None else "", m.note)
            for m in record.opening.matters
        )
        header = (part.matter, part.decision, part.explanation)
        found.append(Section("matters_taken", part.matters_taken, header, rows))

    header = (part.metric, part.logged, part.tallied, part.difference, part.explanation)
    if record.closing is None:
        found.append(
            Section("reconciliation", part.reconciliation, header, ((part.not_closed, "", "", "", ""),))
        )
    else:
        rows = tuple(
            (
                text(line.metric),
                line.logged,
                part.no_tally if line.tallied is None else line.tallied,
                "" if line.tallied is None else f"{line.difference:+d}" if line.difference else "0",
                line.explanation,
            )
            for line in record.closing.counts
        )
        found.append(Section("reconciliation", part.reconciliation, header, rows))
        matters = tuple((m,) for m in record.closing.matters)
        found.append(Section("matters_open", part.matters_open, (part.matter,), matters))
    return found
