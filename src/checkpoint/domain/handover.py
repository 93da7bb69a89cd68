"""The content of a shift handover sheet, computed from the log in one pass.

``build_handover`` turns the passages of one gate and one time window into a ``HandoverReport``: the
summary counts the shift leader signs, the traffic per hour, every passage as a row and the anomaly
hand-off list. Everything is an enum or a number; the exports print them through the caller's labels.

Corrections: a passage whose ``corrects`` names another one replaces it. Both stay in ``rows`` (the
replaced one with ``corrected_by`` set), but the summary, the hourly table and the anomaly list count
only the latest version. When several corrections name the same passage, they form a chain in time
order: each later one replaces the earlier one.

Overrides (``domain.overrides``): a passage recorded milder than its proposed TURN BACK or HOLD carries
its override in ``HandoverRow.override``; it is counted (``HandoverSummary.overrides``, current rows only)
and is on the anomaly hand-off list (``Anomaly.OVERRIDDEN``).
"""

from __future__ import annotations

import enum
import itertools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from uuid import UUID

from checkpoint.domain.masking import mask_name as mask_name
from checkpoint.domain.overrides import Override
from checkpoint.domain.records import (
    FINAL_OUTCOMES,
    CodeColour,
    Direction,
    Gate,
    Itinerary,
    Outcome,
    Passage,
    Reason,
    Shift,
    SubjectKind,
)
from checkpoint.domain.shift_handover import ShiftRecord

FEVER_THRESHOLD = 37.3  # degrees Celsius; at or above counts as fever (DESIGN.md, glossary)

_HOUR = timedelta(hours=1)


class Anomaly(enum.StrEnum):
    """Why a passage is on the anomaly hand-off list. Codes only; the UI translates them."""

    TURNED_BACK = "turned_back"
    HELD = "held"
    CODE_YELLOW = "code_yellow"
    CODE_RED = "code_red"
    ITINERARY_STARRED = "itinerary_starred"
    ITINERARY_OTHER = "itinerary_other"
    FEVER = "fever"
    OVERRIDDEN = "overridden"  # recorded milder than the proposed TURN BACK or HOLD (an override)


@dataclass(frozen=True, slots=True)
class HourCount:
    """Traffic in one clock hour of the window (``start`` is aware, in the window's timezone)."""

    start: datetime
    passages: int
    persons: int


@dataclass(frozen=True, slots=True)
class HandoverSummary:
    """The counts the shift leader signs. Only the latest version of a corrected passage counts.

    ``fever`` counts persons at or above ``FEVER_THRESHOLD``; ``corrections`` counts correction
    passages recorded in the window.
    """

    passages: int = 0
    vehicles: int = 0
    pedestrians: int = 0
    persons: int = 0
    passages_in: int = 0
    passages_out: int = 0
    persons_in: int = 0
    persons_out: int = 0
    passed: int = 0
    turned_back: int = 0
    held: int = 0
    persons_green: int = 0
    persons_yellow: int = 0
    persons_red: int = 0
    persons_no_code: int = 0
    fever: int = 0
    corrections: int = 0
    overrides: int = 0  # passages recorded milder than their proposed TURN BACK or HOLD

    def by_outcome(self) -> dict[Outcome, int]:
        """Passages per final outcome, in ``FINAL_OUTCOMES`` order."""
        return {Outcome.PASS: self.passed, Outcome.TURN_BACK: self.turned_back, Outcome.HOLD: self.held}

    def by_colour(self) -> dict[CodeColour, int]:
        """Persons per health-code colour."""
        return {
            CodeColour.GREEN: self.persons_green,
            CodeColour.YELLOW: self.persons_yellow,
            CodeColour.RED: self.persons_red,
            CodeColour.NONE: self.persons_no_code,
        }

    def passages_by_direction(self) -> dict[Direction, int]:
        return {Direction.IN: self.passages_in, Direction.OUT: self.passages_out}

    def persons_by_direction(self) -> dict[Direction, int]:
        return {Direction.IN: self.persons_in, Direction.OUT: self.persons_out}


@dataclass(frozen=True, slots=True)
class HandoverRow:
    """One passage as the handover lists it.

    ``names`` are masked unless the report was built with ``mask_names=False``; ``colours`` and
    ``itineraries`` are per person, in the passage's person order. ``fevers`` counts persons at or above
    the fever threshold. ``corrects`` is the passage this one replaces, ``corrected_by`` the one that
    replaced it (None while it is the latest version).
    """

    uuid: UUID
    seq: int
    at: datetime
    direction: Direction
    subject: SubjectKind
    plate: str
    vehicle_kind: str
    origin: str
    destination: str
    persons: int
    names: tuple[str, ...]
    colours: tuple[CodeColour, ...]
    itineraries: tuple[Itinerary, ...]
    max_temperature: float | None
    fevers: int
    outcome: Outcome
    reasons: tuple[Reason, ...]
    operator_id: UUID
    note: str
    corrects: UUID | None
    correction_reason: str
    corrected_by: UUID | None
    anomalies: tuple[Anomaly, ...]
    override: Override | None = None  # the operator recorded a milder outcome than proposed

    @property
    def is_current(self) -> bool:
        """True unless a later correction replaced this passage."""
        return self.corrected_by is None


@dataclass(frozen=True, slots=True)
class HandoverReport:
    gate: Gate
    shift: Shift | None
    window_start: datetime
    window_end: datetime
    generated_at: datetime
    summary: HandoverSummary
    hourly: tuple[HourCount, ...]
    rows: tuple[HandoverRow, ...]  # every passage in the window, in time order
    anomalies: tuple[HandoverRow, ...]  # current rows with at least one anomaly, in time order
    shift_record: ShiftRecord | None = None  # the leaders' opening and close (None: a window export)

    @property
    def window(self) -> tuple[datetime, datetime]:
        return (self.window_start, self.window_end)


def anomalies_of(
    outcome: Outcome,
    colours: Iterable[CodeColour],
    itineraries: Iterable[Itinerary],
    fevers: int,
    overridden: bool = False,
) -> tuple[Anomaly, ...]:
    """Why a passage belongs on the anomaly hand-off list (empty: it does not)."""
    found: list[Anomaly] = []
    if outcome is Outcome.TURN_BACK:
        found.append(Anomaly.TURNED_BACK)
    elif outcome is Outcome.HOLD:
        found.append(Anomaly.HELD)
    colour_set = set(colours)
    if CodeColour.YELLOW in colour_set:
        found.append(Anomaly.CODE_YELLOW)
    if CodeColour.RED in colour_set:
        found.append(Anomaly.CODE_RED)
    itinerary_set = set(itineraries)
    if Itinerary.STARRED in itinerary_set:
        found.append(Anomaly.ITINERARY_STARRED)
    if Itinerary.OTHER in itinerary_set:
        found.append(Anomaly.ITINERARY_OTHER)
    if fevers:
        found.append(Anomaly.FEVER)
    if overridden:
        found.append(Anomaly.OVERRIDDEN)
    return tuple(found)


def _row(passage: Passage, mask_names: bool, override: Override | None = None) -> HandoverRow:
    temperatures = [p.temperature for p in passage.persons if p.temperature is not None]
    colours = tuple(p.code_colour for p in passage.persons)
    itineraries = tuple(p.itinerary for p in passage.persons)
    fevers = sum(1 for t in temperatures if t >= FEVER_THRESHOLD)
    vehicle = passage.vehicle
    return HandoverRow(
        uuid=passage.uuid,
        seq=passage.seq,
        at=passage.at,
        direction=passage.direction,
        subject=passage.subject,
        plate=vehicle.plate if vehicle else "",
        vehicle_kind=vehicle.kind if vehicle else "",
        origin=vehicle.origin if vehicle else "",
        destination=vehicle.destination if vehicle else "",
        persons=len(passage.persons),
        names=tuple(mask_name(p.name) if mask_names else p.name for p in passage.persons),
        colours=colours,
        itineraries=itineraries,
        max_temperature=max(temperatures) if temperatures else None,
        fevers=fevers,
        outcome=passage.outcome,
        reasons=passage.reasons,
        operator_id=passage.operator_id,
        note=passage.note,
        corrects=passage.corrects,
        correction_reason=passage.correction_reason,
        corrected_by=None,
        anomalies=anomalies_of(passage.outcome, colours, itineraries, fevers, override is not None),
        override=override,
    )


def _require_aware(value: datetime, what: str) -> None:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{what} must be timezone-aware, got {value!r}")


def build_handover(
    passages: Iterable[Passage],
    *,
    gate: Gate,
    window_start: datetime,
    window_end: datetime,
    shift: Shift | None,
    generated_at: datetime,
    mask_names: bool = True,
    shift_record: ShiftRecord | None = None,
    purged: Iterable[PurgedHour] = (),
    overrides: Mapping[UUID, Override] | None = None,
) -> HandoverReport:
    """The handover content for ``gate`` over ``[window_start, window_end)``.

    ``purged`` are the counts a retention purge kept for passages it removed: those of this gate whose
    hour starts inside the window add to the summary and the hourly table (their rows are gone).

    ``passages`` is iterated once and may be a lazy stream; passages of another gate or outside the
    window are skipped, so the caller may pass a superset. Memory grows with the rows kept only.
    Names are masked unless ``mask_names`` is False (the caller decides, by role, and audits it).
    ``shift_record`` (the shift's leaders' records, read from the log) is carried to the sheet as it is.
    ``overrides`` are the window's overrides by passage (``storage.overrides.overrides_between``).
    Raises ValueError for naive datetimes, an empty window or a passage with a non-final outcome.
    """
    _require_aware(window_start, "window_start")
    _require_aware(window_end, "window_end")
    _require_aware(generated_at, "generated_at")
    if window_end <= window_start:
        raise ValueError(f"empty window: {window_start.isoformat()} .. {window_end.isoformat()}")

    rows: list[HandoverRow] = []
    overrides = overrides or {}
    for passage in passages:
        if passage.gate_id != gate.id or not (window_start <= passage.at < window_end):
            continue
        if passage.outcome not in FINAL_OUTCOMES:
            raise ValueError(f"passage {passage.uuid} has non-final outcome {passage.outcome.value!r}")
        rows.append(_row(passage, mask_names, overrides.get(passage.uuid)))
    rows.sort(key=lambda r: (r.at, r.seq))

    rows = _link_corrections(rows)
    tz = window_start.tzinfo
    first_hour = window_start.astimezone(tz).replace(minute=0, second=0, microsecond=0)
    hour_starts: list[datetime] = []
    cursor = first_hour.astimezone(UTC)
    while cursor < window_end:
        hour_starts.append(cursor.astimezone(tz))
        cursor += _HOUR
    hour_passages = [0] * len(hour_starts)
    hour_persons = [0] * len(hour_starts)
    first_ts = first_hour.timestamp()

    counts = dict.fromkeys(HandoverSummary.__dataclass_fields__, 0)
    for row in rows:
        if count_row(counts, row):
            index = int((row.at.timestamp() - first_ts) // 3600)
            hour_passages[index] += 1
            hour_persons[index] += row.persons
    for kept in purged:
        if kept.gate_id != gate.id or not (window_start <= kept.hour < window_end):
            continue
        for name, value in kept.counts.items():
            counts[name] += value
        index = int((kept.hour.timestamp() - first_ts) // 3600)
        hour_passages[index] += kept.counts["passages"]
        hour_persons[index] += kept.counts["persons"]

    return HandoverReport(
        gate=gate,
        shift=shift,
        window_start=window_start,
        window_end=window_end,
        generated_at=generated_at,
        summary=HandoverSummary(**counts),
        hourly=tuple(
            HourCount(start=s, passages=n, persons=p)
            for s, n, p in zip(hour_starts, hour_passages, hour_persons, strict=True)
        ),
        rows=tuple(rows),
        anomalies=tuple(r for r in rows if r.is_current and r.anomalies),
        shift_record=shift_record,
    )


def count_row(counts: dict[str, int], row: HandoverRow) -> bool:
    """Add one row to summary counts (keyed by ``HandoverSummary`` field); True if it counted as a
    current passage (the hourly table counts it too). A retention purge counts with this same rule."""
    if row.corrects is not None:
        counts["corrections"] += 1
    if not row.is_current:
        return False
    counts["passages"] += 1
    counts["vehicles" if row.subject is SubjectKind.VEHICLE else "pedestrians"] += 1
    counts["persons"] += row.persons
    if row.direction is Direction.IN:
        counts["passages_in"] += 1
        counts["persons_in"] += row.persons
    else:
        counts["passages_out"] += 1
        counts["persons_out"] += row.persons
    counts[_OUTCOME_FIELD[row.outcome]] += 1
    if row.override is not None:
        counts["overrides"] += 1
    for colour in row.colours:
        counts[_COLOUR_FIELD[colour]] += 1
    counts["fever"] += row.fevers
    return True


@dataclass(frozen=True, slots=True)
class PurgedHour:
    """What a retention purge kept of the passages it removed: one gate's, one shift's, one clock hour's
    summary counts (``HandoverSummary`` field -> count). ``hour`` is the hour's start, aware UTC."""

    gate_id: UUID
    shift_id: UUID | None
    hour: datetime
    counts: Mapping[str, int]


def summarise_hours(passages: Iterable[Passage]) -> list[PurgedHour]:
    """The counts a purge keeps for ``passages`` (the ones it removes), per gate, shift and UTC hour.

    The rules are the handover's: corrections among these passages replace what they correct, and each
    passage counts in the hour of its time. Hours come out in time order.
    """
    by_gate: dict[UUID, list[HandoverRow]] = {}
    shift_of: dict[UUID, UUID | None] = {}
    for passage in passages:
        by_gate.setdefault(passage.gate_id, []).append(_row(passage, True))
        shift_of[passage.uuid] = passage.shift_id
    kept: list[PurgedHour] = []
    for gate_id, rows in by_gate.items():
        rows.sort(key=lambda r: (r.at, r.seq))
        per_hour: dict[tuple[UUID | None, datetime], dict[str, int]] = {}
        for row in _link_corrections(rows):
            hour = row.at.astimezone(UTC).replace(minute=0, second=0, microsecond=0)
            key = (shift_of[row.uuid], hour)
            counts = per_hour.setdefault(key, dict.fromkeys(HandoverSummary.__dataclass_fields__, 0))
            count_row(counts, row)
        kept.extend(PurgedHour(gate_id, shift, hour, counts) for (shift, hour), counts in per_hour.items())
    kept.sort(key=lambda k: (k.hour, str(k.gate_id), str(k.shift_id)))
    return kept


_OUTCOME_FIELD = {Outcome.PASS: "passed", Outcome.TURN_BACK: "turned_back", Outcome.HOLD: "held"}
_COLOUR_FIELD = {
    CodeColour.GREEN: "persons_green",
    CodeColour.YELLOW: "persons_yellow",
    CodeColour.RED: "persons_red",
    CodeColour.NONE: "persons_no_code",
}


def _link_corrections(rows: list[HandoverRow]) -> list[HandoverRow]:
    """Set ``corrected_by`` on every replaced row (rows are in time order)."""
    correctors: dict[UUID, list[UUID]] = {}
    for row in rows:
        if row.corrects is not None:
            correctors.setdefault(row.corrects, []).append(row.uuid)
    if not correctors:
        return rows
    # The first correction replaces the original; each later correction of the same original replaces
    # the one before it (unless that one was itself corrected directly).
    replaced_by = {original: chain[0] for original, chain in correctors.items()}
    for chain in correctors.values():
        for older, newer in itertools.pairwise(chain):
            replaced_by.setdefault(older, newer)
    return [replace(r, corrected_by=replaced_by[r.uuid]) if r.uuid in replaced_by else r for r in rows]
