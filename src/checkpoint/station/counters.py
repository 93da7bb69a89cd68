"""Live counters for the gate: this hour and this shift, by outcome and by direction, vehicles and persons.

``LiveCounters`` reads the shift's passages once at start through the writer's thread (the GUI thread never
waits on the disk; the shift index narrows the query), then follows ``passage_recorded``. Only the latest
version of a corrected passage counts. "This hour" is the clock hour the station is in (at this gate); it
rolls over by itself on the hour.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from uuid import UUID

from PySide6.QtCore import QObject, QTimer, Signal, Slot

from checkpoint.domain.records import FINAL_OUTCOMES, Direction, Outcome, Passage, SubjectKind
from checkpoint.station.writer import RecordWriter
from checkpoint.storage.database import Database
from checkpoint.storage.errors import StorageError
from checkpoint.storage.passage_filter import PassageFilter

_log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Count:
    """Vehicles and persons (every occupant and every pedestrian) in one bucket."""

    vehicles: int = 0
    persons: int = 0

    def __add__(self, other: Count) -> Count:
        return Count(self.vehicles + other.vehicles, self.persons + other.persons)


@dataclass(frozen=True, slots=True)
class _Entry:
    at: datetime
    gate_id: UUID
    shift_id: UUID | None
    outcome: Outcome
    direction: Direction
    count: Count

    @classmethod
    def of(cls, passage: Passage) -> _Entry:
        vehicles = 1 if passage.subject is SubjectKind.VEHICLE else 0
        count = Count(vehicles, len(passage.persons))
        return cls(passage.at, passage.gate_id, passage.shift_id, passage.outcome, passage.direction, count)


@dataclass(frozen=True, slots=True)
class Tally:
    """Counts of passages by (outcome, direction)."""

    cells: tuple[tuple[Outcome, Direction, Count], ...] = ()

    @classmethod
    def of(cls, entries: Iterable[_Entry]) -> Tally:
        cells: dict[tuple[Outcome, Direction], Count] = {}
        for entry in entries:
            key = (entry.outcome, entry.direction)
            cells[key] = cells.get(key, Count()) + entry.count
        return cls(tuple((o, d, c) for (o, d), c in sorted(cells.items())))

    def total(self) -> Count:
        return sum((c for _, _, c in self.cells), Count())

    def by_outcome(self, outcome: Outcome) -> Count:
        return sum((c for o, _, c in self.cells if o is outcome), Count())

    def by_direction(self, direction: Direction) -> Count:
        return sum((c for _, d, c in self.cells if d is direction), Count())

    def cell(self, outcome: Outcome, direction: Direction) -> Count:
        return sum((c for o, d, c in self.cells if o is outcome and d is direction), Count())


def hour_start(at: datetime) -> datetime:
    """The start of the local clock hour ``at`` is in (timezone-aware, like ``at``)."""
    local = at.astimezone()
    return local.replace(minute=0, second=0, microsecond=0)


def _latest(passages: Iterable[Passage]) -> dict[UUID, _Entry]:
    """Entries by passage uuid, corrected passages replaced by their correction."""
    entries: dict[UUID, _Entry] = {}
    for passage in passages:
        if passage.corrects is not None:
            entries.pop(passage.corrects, None)
        if passage.outcome in FINAL_OUTCOMES:
            entries[passage.uuid] = _Entry.of(passage)
    return entries


class LiveCounters(QObject):
    """This hour's and this shift's counts at one gate, read from the log once and kept up to date.

    Call ``start()`` once the writer runs; feed ``add`` from ``StationSession.passage_recorded``.

    Signals:
        changed(): the counts changed (loaded, a passage added, or a new hour began).
        failed(str): the log could not be read at start (a storage error's text, not translated).
    """

    changed = Signal()
    failed = Signal(str)

    def __init__(
        self,
        writer: RecordWriter,
        gate_id: UUID,
        shift_id: UUID,
        *,
        clock: Callable[[], datetime] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._writer = writer
        self._gate_id = gate_id
        self._shift_id = shift_id
        self._clock = clock or (lambda: datetime.now(UTC))
        self._entries: dict[UUID, _Entry] = {}
        self._early: list[Passage] = []  # recorded while the start-up read was under way
        self._ready = False
        self._generation = 0  # a read started for an earlier shift is ignored when it arrives
        self._hour = hour_start(self._clock())
        self._hour_timer = QTimer(self)
        self._hour_timer.setSingleShot(True)
        self._hour_timer.timeout.connect(self._on_hour_timer_timeout)

    @property
    def ready(self) -> bool:
        """The log has been read; before that the counts are those recorded since start."""
        return self._ready

    @property
    def hour_start(self) -> datetime:
        return self._hour

    def start(self) -> None:
        """Reads this shift's passages and this hour's at this gate through the writer's thread."""
        gate_id, shift_id, since = self._gate_id, self._shift_id, self._hour
        self._generation += 1
        generation = self._generation

        def job(db: Database) -> list[Passage]:
            found = {p.uuid: p for p in db.passages.iter_passages(PassageFilter(shift_id=shift_id))}
            for passage in db.passages.iter_passages(PassageFilter(since=since, gate_id=gate_id)):
                found.setdefault(passage.uuid, passage)
            return sorted(found.values(), key=lambda p: p.seq)

        self._writer.submit(
            job,
            on_done=lambda passages: self._on_loaded(passages) if generation == self._generation else None,
            on_error=lambda error: self._on_load_error(error) if generation == self._generation else None,
        )
        self._arm_hour_timer()

    def shift(self) -> Tally:
        return Tally.of(e for e in self._entries.values() if e.shift_id == self._shift_id)

    def hour(self) -> Tally:
        self._roll_hour()
        start = self._hour
        return Tally.of(e for e in self._entries.values() if e.gate_id == self._gate_id and e.at >= start)

    @property
    def shift_id(self) -> UUID:
        return self._shift_id

    def set_shift(self, shift_id: UUID) -> None:
        """Another shift began (clock rollover, a leader's opening or close): its counts start from what
        the log holds for it; "this hour" keeps counting across the change."""
        if shift_id != self._shift_id:
            self._shift_id = shift_id
            self._entries.clear()
            self._ready = False
            self.start()
            self.changed.emit()

    @Slot(object)
    def add(self, passage: Passage) -> None:
        if not self._ready:
            self._early.append(passage)
        self._apply((passage,))
        self.changed.emit()

    def _apply(self, passages: Iterable[Passage]) -> None:
        for passage in passages:
            if passage.corrects is not None:
                self._entries.pop(passage.corrects, None)
            if passage.outcome in FINAL_OUTCOMES:
                self._entries[passage.uuid] = _Entry.of(passage)

    def _on_loaded(self, passages: list[Passage]) -> None:
        known = {p.uuid for p in passages}
        self._entries = _latest(passages)
        self._apply(p for p in self._early if p.uuid not in known)
        self._early.clear()
        self._ready = True
        self.changed.emit()

    def _on_load_error(self, error: StorageError) -> None:
        _log.error("live counters: the log could not be read: %s", error)
        self._ready = True  # counts from now on are still right for what is recorded from now on
        self._early.clear()
        self.failed.emit(str(error))

    def _roll_hour(self) -> bool:
        now_hour = hour_start(self._clock())
        if now_hour != self._hour:
            self._hour = now_hour
            cutoff = min(now_hour, now_hour - timedelta(hours=1))
            # entries of other shifts older than the hour are of no use any more
            self._entries = {
                k: e for k, e in self._entries.items() if e.shift_id == self._shift_id or e.at >= cutoff
            }
            return True
        return False

    def _arm_hour_timer(self) -> None:
        now = self._clock()
        next_hour = hour_start(now) + timedelta(hours=1)
        self._hour_timer.start(max(1000, int((next_hour - now).total_seconds() * 1000) + 50))

    @Slot()
    def _on_hour_timer_timeout(self) -> None:
        if self._roll_hour():
            self.changed.emit()
        self._arm_hour_timer()
