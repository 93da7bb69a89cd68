"""What shift leaders hand over: staff, items, open matters, and the counts reconciled against the log.

A shift leader *opens* a shift with the staff on duty, the items received (equipment, keys, supplies) and a
decision on every open matter the previous shift handed over (acknowledged, or carried on). A leader
*closes* it with the log's counts beside the tally kept by hand, the items handed over, the open matters
for the next shift and the outgoing and incoming leaders' names. Every difference must be explained before
a close is accepted: a count that differs from the log, an item handed over short, missing or damaged.

A shift nobody opened is *automatic*: the station follows the clock's three shifts so it never records
without one (``domain/shifts.py``); its ``ShiftRecord`` has no opening.

Everything here is a frozen dataclass, an enum or a pure function; problems are codes, never display
strings. ``*_payload`` / ``*_from_payload`` give the JSON documents storage keeps in the chained records:
their keys are part of stored hashes, so never rename one.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from checkpoint.domain.records import Shift

if TYPE_CHECKING:
    from checkpoint.domain.handover import HandoverSummary


class ItemCondition(enum.StrEnum):
    GOOD = "good"
    DAMAGED = "damaged"
    MISSING = "missing"


class MatterDecision(enum.StrEnum):
    """What the incoming leader did with an open matter the previous shift handed over."""

    ACKNOWLEDGED = "acknowledged"  # taken note of / settled: it does not go on
    CARRIED_ON = "carried_on"  # still open: it goes on to this shift's own open matters


class Metric(enum.StrEnum):
    """A count the leader reconciles: the log's against the tally kept by hand."""

    VEHICLES = "vehicles"
    PERSONS = "persons"
    PERSONS_IN = "persons_in"
    PERSONS_OUT = "persons_out"
    PASSED = "passed"
    TURNED_BACK = "turned_back"
    HELD = "held"
    FEVER = "fever"
    ANOMALIES = "anomalies"  # passages on the anomaly hand-off list


METRICS: tuple[Metric, ...] = tuple(Metric)


class ItemStatus(enum.StrEnum):
    """An item handed over compared with what was received at the opening."""

    OK = "ok"
    SHORT = "short"  # fewer handed over than received
    MORE = "more"  # more handed over than received
    NEW = "new"  # not received at the opening (e.g. supplies delivered during the shift)
    DAMAGED = "damaged"
    MISSING = "missing"  # received, not handed over


NEEDS_EXPLANATION: frozenset[ItemStatus] = frozenset(
    {ItemStatus.SHORT, ItemStatus.DAMAGED, ItemStatus.MISSING}
)


class Problem(enum.StrEnum):
    """Why an opening or a close is not accepted yet. ``subject`` in a ``Finding`` says which entry."""

    NO_STAFF = "no_staff"
    EMPTY_NAME = "empty_name"  # a staff member or an item without a name
    DUPLICATE_ITEM = "duplicate_item"
    NEGATIVE_QUANTITY = "negative_quantity"
    DAMAGED_UNEXPLAINED = "damaged_unexplained"  # an item received damaged or missing needs a note
    MATTER_UNDECIDED = "matter_undecided"
    DIFFERENCE_UNEXPLAINED = "difference_unexplained"  # a tally differs from the log
    ITEM_UNEXPLAINED = "item_unexplained"  # short, missing or damaged at the handover
    NO_OUTGOING_LEADER = "no_outgoing_leader"


@dataclass(frozen=True, slots=True)
class Finding:
    problem: Problem
    subject: str = ""  # the item's or staff member's name, the metric's value, the matter's text


@dataclass(frozen=True, slots=True)
class Item:
    """Equipment, a key or supplies: what it is, how many, in what condition."""

    name: str
    quantity: int = 1
    condition: ItemCondition = ItemCondition.GOOD
    note: str = ""


@dataclass(frozen=True, slots=True)
class MatterReview:
    """An open matter handed over by the previous shift and what the incoming leader decided."""

    text: str
    decision: MatterDecision | None = None  # None: not decided yet (refused at opening)
    note: str = ""


@dataclass(frozen=True, slots=True)
class ShiftOpening:
    leader: str  # the opening leader's name as shown (the shift row names the operator)
    staff: tuple[str, ...]
    items: tuple[Item, ...] = ()
    matters: tuple[MatterReview, ...] = ()

    def carried_on(self) -> tuple[str, ...]:
        """The matters this shift took on from the previous one."""
        return tuple(m.text for m in self.matters if m.decision is MatterDecision.CARRIED_ON)


@dataclass(frozen=True, slots=True)
class CountLine:
    """One reconciled count. ``tallied`` is None where no tally was kept (nothing to compare)."""

    metric: Metric
    logged: int
    tallied: int | None = None
    explanation: str = ""

    @property
    def difference(self) -> int:
        """Tally minus log (0 when no tally was kept)."""
        return 0 if self.tallied is None else self.tallied - self.logged


@dataclass(frozen=True, slots=True)
class ItemLine:
    """One item at the handover: received at the opening (None: not received) and handed over now."""

    name: str
    received: int | None
    handed_over: int
    condition: ItemCondition = ItemCondition.GOOD
    explanation: str = ""

    @property
    def status(self) -> ItemStatus:
        if self.condition is ItemCondition.MISSING or (self.handed_over == 0 and self.received):
            return ItemStatus.MISSING
        if self.condition is ItemCondition.DAMAGED:
            return ItemStatus.DAMAGED
        if self.received is None:
            return ItemStatus.NEW
        if self.handed_over < self.received:
            return ItemStatus.SHORT
        if self.handed_over > self.received:
            return ItemStatus.MORE
        return ItemStatus.OK


@dataclass(frozen=True, slots=True)
class ShiftClosing:
    outgoing_leader: str
    incoming_leader: str = ""  # may be empty: the next shift then starts automatic
    counts: tuple[CountLine, ...] = ()
    items: tuple[ItemLine, ...] = ()
    matters: tuple[str, ...] = ()  # open matters for the next shift


@dataclass(frozen=True, slots=True)
class ShiftRecord:
    """A shift with what its leaders recorded: the handover sheet's shift part."""

    shift: Shift
    opening: ShiftOpening | None = None
    closing: ShiftClosing | None = None

    @property
    def automatic(self) -> bool:
        """Opened by the clock, not by a leader."""
        return self.opening is None


def log_counts(summary: HandoverSummary, anomalies: int) -> dict[Metric, int]:
    """The log's side of the reconciliation, from the handover summary of the shift."""
    return {
        Metric.VEHICLES: summary.vehicles,
        Metric.PERSONS: summary.persons,
        Metric.PERSONS_IN: summary.persons_in,
        Metric.PERSONS_OUT: summary.persons_out,
        Metric.PASSED: summary.passed,
        Metric.TURNED_BACK: summary.turned_back,
        Metric.HELD: summary.held,
        Metric.FEVER: summary.fever,
        Metric.ANOMALIES: anomalies,
    }


def item_lines(received: Sequence[Item], handed_over: Sequence[Item]) -> tuple[ItemLine, ...]:
    """Items handed over beside what was received, matched by name (trimmed, case-insensitive).

    Received items come first in their order (one not handed over is ``MISSING`` with quantity 0), then
    items that were not received. Each line keeps the explanation given with the item handed over.
    """
    given = {_key(item.name): item for item in handed_over}
    lines: list[ItemLine] = []
    for item in received:
        out = given.pop(_key(item.name), None)
        if out is None:
            lines.append(ItemLine(item.name, item.quantity, 0, ItemCondition.MISSING))
        else:
            lines.append(ItemLine(item.name, item.quantity, out.quantity, out.condition, out.note.strip()))
    for out in given.values():
        lines.append(ItemLine(out.name, None, out.quantity, out.condition, out.note.strip()))
    return tuple(lines)


def carried_matters(previous: ShiftClosing | None) -> tuple[MatterReview, ...]:
    """The previous shift's open matters, undecided, for the incoming leader to review."""
    if previous is None:
        return ()
    return tuple(MatterReview(text) for text in previous.matters if text.strip())


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def _item_findings(items: Iterable[Item]) -> list[Finding]:
    findings: list[Finding] = []
    seen: set[str] = set()
    for item in items:
        name = item.name.strip()
        if not name:
            findings.append(Finding(Problem.EMPTY_NAME))
            continue
        if _key(name) in seen:
            findings.append(Finding(Problem.DUPLICATE_ITEM, name))
        seen.add(_key(name))
        if item.quantity < 0:
            findings.append(Finding(Problem.NEGATIVE_QUANTITY, name))
        if item.condition is not ItemCondition.GOOD and not item.note.strip():
            findings.append(Finding(Problem.DAMAGED_UNEXPLAINED, name))
    return findings


def opening_problems(opening: ShiftOpening) -> tuple[Finding, ...]:
    """Why an opening cannot be recorded yet (empty: it can)."""
    findings: list[Finding] = []
    staff = [name.strip() for name in opening.staff]
    if not any(staff):
        findings.append(Finding(Problem.NO_STAFF))
    if any(not name for name in staff):
        findings.append(Finding(Problem.EMPTY_NAME))
    findings += _item_findings(opening.items)
    for matter in opening.matters:
        if matter.decision is None:
            findings.append(Finding(Problem.MATTER_UNDECIDED, matter.text))
    return tuple(findings)


def closing_problems(closing: ShiftClosing) -> tuple[Finding, ...]:
    """Why a close cannot be accepted yet (empty: it can): every difference needs its explanation."""
    findings: list[Finding] = []
    if not closing.outgoing_leader.strip():
        findings.append(Finding(Problem.NO_OUTGOING_LEADER))
    for line in closing.counts:
        if line.tallied is not None and line.tallied < 0:
            findings.append(Finding(Problem.NEGATIVE_QUANTITY, line.metric.value))
        elif line.difference and not line.explanation.strip():
            findings.append(Finding(Problem.DIFFERENCE_UNEXPLAINED, line.metric.value))
    seen: set[str] = set()
    for item in closing.items:
        name = item.name.strip()
        if not name:
            findings.append(Finding(Problem.EMPTY_NAME))
            continue
        if _key(name) in seen:
            findings.append(Finding(Problem.DUPLICATE_ITEM, name))
        seen.add(_key(name))
        if item.handed_over < 0 or (item.received is not None and item.received < 0):
            findings.append(Finding(Problem.NEGATIVE_QUANTITY, name))
        elif item.status in NEEDS_EXPLANATION and not item.explanation.strip():
            findings.append(Finding(Problem.ITEM_UNEXPLAINED, name))
    return tuple(findings)


# --- JSON payloads (stored in chained records: keys are frozen) ---------------------------------------


class PayloadError(ValueError):
    """A stored payload that does not read back as a shift opening or close."""


def opening_payload(opening: ShiftOpening) -> dict[str, Any]:
    return {
        "leader": opening.leader.strip(),
        "staff": [name.strip() for name in opening.staff],
        "items": [_item_payload(item) for item in opening.items],
        "matters": [
            {"text": m.text, "decision": m.decision.value if m.decision else None, "note": m.note.strip()}
            for m in opening.matters
        ],
    }


def closing_payload(closing: ShiftClosing) -> dict[str, Any]:
    return {
        "outgoing_leader": closing.outgoing_leader.strip(),
        "incoming_leader": closing.incoming_leader.strip(),
        "counts": [
            {
                "metric": line.metric.value,
                "logged": line.logged,
                "tallied": line.tallied,
                "explanation": line.explanation.strip(),
            }
            for line in closing.counts
        ],
        "items": [
            {
                "name": line.name.strip(),
                "received": line.received,
                "handed_over": line.handed_over,
                "condition": line.condition.value,
                "explanation": line.explanation.strip(),
            }
            for line in closing.items
        ],
        "matters": [text.strip() for text in closing.matters if text.strip()],
    }


def _item_payload(item: Item) -> dict[str, Any]:
    return {
        "name": item.name.strip(),
        "quantity": item.quantity,
        "condition": item.condition.value,
        "note": item.note.strip(),
    }


def opening_from_payload(document: Mapping[str, Any]) -> ShiftOpening:
    try:
        return ShiftOpening(
            leader=_text(document["leader"]),
            staff=tuple(_text(name) for name in document["staff"]),
            items=tuple(
                Item(
                    _text(i["name"]),
                    _int(i["quantity"]),
                    ItemCondition(i["condition"]),
                    _text(i["note"]),
                )
                for i in document["items"]
            ),
            matters=tuple(
                MatterReview(
                    _text(m["text"]),
                    None if m["decision"] is None else MatterDecision(m["decision"]),
                    _text(m["note"]),
                )
                for m in document["matters"]
            ),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise PayloadError(f"not a shift opening: {exc}") from exc


def closing_from_payload(document: Mapping[str, Any]) -> ShiftClosing:
    try:
        return ShiftClosing(
            outgoing_leader=_text(document["outgoing_leader"]),
            incoming_leader=_text(document["incoming_leader"]),
            counts=tuple(
                CountLine(
                    Metric(c["metric"]),
                    _int(c["logged"]),
                    None if c["tallied"] is None else _int(c["tallied"]),
                    _text(c["explanation"]),
                )
                for c in document["counts"]
            ),
            items=tuple(
                ItemLine(
                    _text(i["name"]),
                    None if i["received"] is None else _int(i["received"]),
                    _int(i["handed_over"]),
                    ItemCondition(i["condition"]),
                    _text(i["explanation"]),
                )
                for i in document["items"]
            ),
            matters=tuple(_text(text) for text in document["matters"]),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise PayloadError(f"not a shift close: {exc}") from exc


def _text(value: object) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected text, got {type(value).__name__}")
    return value


def _int(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"expected a whole number, got {type(value).__name__}")
    return value
