"""The gate's shift while the station runs: opened and closed by leaders, else following the clock.

``ShiftService`` owns "which shift is this": a leader opens one (staff, items received, matters taken
over) and closes it (counts reconciled against the log, items handed over, open matters, both leaders);
when no leader has opened one, the station follows the clock's three shifts so it never records without a
shift (*automatic*). A leader's shift is never closed by the clock. Closing a leader's shift opens the next
one automatically until the incoming leader opens theirs.

Whenever the shift changes (clock rollover, an opening, a close), the session records into the new shift
(``StationSession.set_shift``, whose ``shift_changed`` the live counters follow) and ``shift_changed`` is
emitted. Every write and read goes through the one writer; the GUI thread never waits on the disk.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from uuid import UUID

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot

from checkpoint.domain.handover import build_handover
from checkpoint.domain.records import Role, Shift
from checkpoint.domain.shift_handover import (
    Finding,
    Item,
    ItemCondition,
    MatterReview,
    Metric,
    ShiftClosing,
    ShiftOpening,
    carried_matters,
    closing_problems,
    log_counts,
    opening_problems,
)
from checkpoint.domain.shifts import SHIFT_HOURS, SHIFT_STARTS, led_shift_label, shift_label
from checkpoint.station.messages import MessageBus
from checkpoint.station.session import StationSession
from checkpoint.station.texts import enum_text
from checkpoint.station.writer import RecordWriter
from checkpoint.station.writer_service import WriterService
from checkpoint.storage.database import Database
from checkpoint.storage.errors import StorageError
from checkpoint.storage.passage_filter import PassageFilter
from checkpoint.storage.shifts import ShiftClosed, ShiftConflict, ShiftConflictError

_log = logging.getLogger(__name__)

LEADER_ROLES = frozenset({Role.SHIFT_LEADER, Role.ADMINISTRATOR})


def current_or_new_shift(database: Database, gate_id: UUID, leader_id: UUID, now: datetime) -> Shift:
    """The gate's shift at ``now``: a leader's open shift is kept; otherwise the clock's shift (the open
    automatic shift when it is still this clock shift, else the old one closed and a new one opened)."""
    return database.shifts.follow_clock(gate_id, leader_id, now, shift_label(now.astimezone()))


def next_clock_boundary(at: datetime) -> datetime:
    """The next start of a clock shift after ``at`` (local time; aware like ``at``)."""
    local = at.astimezone()
    day = local.replace(hour=0, minute=0, second=0, microsecond=0)
    for hour in (*SHIFT_STARTS, SHIFT_STARTS[0] + 24):
        boundary = day + timedelta(hours=hour)
        if boundary > local:
            # across a DST change the wall-clock hour is what the shifts follow
            return boundary.replace(tzinfo=None).astimezone()
    return day + timedelta(hours=24 + SHIFT_HOURS)  # not reached: the list ends a day later


@dataclass(frozen=True, slots=True)
class CurrentShift:
    """The shift the station records into, as the status bar shows it."""

    shift: Shift
    leader: str  # the leader's name ("" for an automatic shift: nobody opened it)
    automatic: bool


@dataclass(frozen=True, slots=True)
class OpenContext:
    """What the open dialog starts from: matters and items the previous leader handed over."""

    leader: str
    matters: tuple[MatterReview, ...]
    items: tuple[Item, ...]  # the previous close's items handed over (to receive)
    staff: tuple[str, ...]  # known operators' names, to pick from
    incoming_leader: str  # whom the previous close named as the incoming leader


@dataclass(frozen=True, slots=True)
class CloseContext:
    """What the close dialog shows: the log's counts and what this shift received and took over."""

    shift: Shift
    counts: dict[Metric, int]
    received: tuple[Item, ...]
    matters: tuple[str, ...]  # taken over and still open (carried on at the opening)
    leader: str


class ShiftService(WriterService):
    """Opens and closes shifts for leaders, follows the clock otherwise, and keeps the session on the
    current shift.

    Signals:
        shift_changed(object): the ``CurrentShift`` the station now records into.
        open_context_ready(object): an ``OpenContext`` asked for with ``request_open``.
        close_context_ready(object): a ``CloseContext`` asked for with ``request_close``.
        opened(object): a leader's ``Shift`` is on disk.
        closed(object): the closed ``Shift``'s reconciliation is on disk (the next shift is automatic).
        failed(str): a translated message: nothing was recorded, the dialog's input is kept.
    """

    shift_changed = Signal(object)
    open_context_ready = Signal(object)
    close_context_ready = Signal(object)
    opened = Signal(object)
    closed = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        writer: RecordWriter,
        session: StationSession,
        messages: MessageBus,
        *,
        clock: Callable[[], datetime] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(writer, messages, clock=clock, parent=parent)
        self._session = session
        self._current = CurrentShift(session.shift, "", True)
        self._busy = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer_timeout)

    @property
    def current(self) -> CurrentShift:
        return self._current

    @property
    def busy(self) -> bool:
        """An opening or close is being written."""
        return self._busy

    def may_lead(self) -> bool:
        """Whether the signed-in operator may open and close shifts."""
        return self._session.operator.role in LEADER_ROLES

    def start(self) -> None:
        """Reads whether the current shift is a leader's (and who leads it), and arms the clock rollover."""
        shift_id = self._session.shift.id

        def job(db: Database) -> CurrentShift:
            record = db.shifts.shift_record(shift_id)
            shift = record.shift if record is not None else self._session.shift
            if record is None or record.opening is None:
                return CurrentShift(shift, "", True)
            return CurrentShift(shift, record.opening.leader, False)

        self._writer.submit(job, on_done=self._on_loaded, on_error=self._on_read_error)
        self._arm_timer()

    # -- dialogs' data -------------------------------------------------------------------------------

    def request_open(self) -> None:
        """Reads what the previous leader handed over; ``open_context_ready`` brings it."""
        gate_id = self._session.gate.id
        leader = self._session.operator.name

        def job(db: Database) -> OpenContext:
            previous = db.shifts.latest_closing(gate_id)
            items = tuple(
                Item(line.name, line.handed_over, line.condition, line.explanation)
                for line in (previous.items if previous else ())
                if line.handed_over > 0 and line.condition is not ItemCondition.MISSING
            )
            staff = tuple(op.name for op in db.operators.all())
            incoming = previous.incoming_leader if previous else ""
            return OpenContext(leader, carried_matters(previous), items, staff, incoming)

        self._writer.submit(job, on_done=self.open_context_ready.emit, on_error=self._on_read_error)

    def request_close(self) -> None:
        """Counts this shift's passages and reads its opening; ``close_context_ready`` brings them."""
        shift = self._current.shift
        gate = self._session.gate
        now = self._clock()
        leader = self._session.operator.name

        def job(db: Database) -> CloseContext:
            passages = db.passages.iter_passages(PassageFilter(shift_id=shift.id))
            end = max(now, shift.opened_at) + timedelta(microseconds=1)
            report = build_handover(
                passages,
                gate=gate,
                window_start=shift.opened_at,
                window_end=end,
                shift=shift,
                generated_at=now,
                overrides=db.overrides.between(shift.opened_at, end, gate.id),
            )
            record = db.shifts.shift_record(shift.id)
            opening = record.opening if record is not None else None
            received = opening.items if opening is not None else ()
            matters = opening.carried_on() if opening is not None else ()
            counts = log_counts(report.summary, len(report.anomalies))
            return CloseContext(shift, counts, received, matters, leader)

        self._writer.submit(job, on_done=self.close_context_ready.emit, on_error=self._on_read_error)

    # -- opening and closing -------------------------------------------------------------------------

    def open_shift(self, opening: ShiftOpening) -> tuple[Finding, ...]:
        """Records a leader's opening through the writer; returns the problems that stop it (nothing is
        written then). Raises ``PermissionError`` unless the operator is a shift leader or administrator."""
        if not self.may_lead():
            raise PermissionError("only a shift leader or an administrator may open a shift")
        problems = opening_problems(opening)
        if problems or self._busy:
            return problems
        gate_id, leader_id, at = self._session.gate.id, self._session.operator.id, self._clock()
        label = led_shift_label(at.astimezone(), opening.leader)

        def job(db: Database) -> Shift | ShiftConflictError:
            try:
                return db.shifts.open_led_shift(gate_id, leader_id, at, label, opening)
            except ShiftConflictError as error:
                return error

        def done(result: Shift | ShiftConflictError) -> None:
            self._busy = False
            if isinstance(result, ShiftConflictError):
                self.failed.emit(conflict_text(result.conflict))
                return
            self._switch(CurrentShift(result, opening.leader, False))
            self._messages.info(
                QCoreApplication.translate("ShiftService", "Shift opened by {leader}.").format(
                    leader=opening.leader
                )
            )
            self.opened.emit(result)

        self._busy = True
        self._writer.submit(job, on_done=done, on_error=self._on_write_error)
        return ()

    def close_shift(self, closing: ShiftClosing) -> tuple[Finding, ...]:
        """Records the close with its reconciliation; the next shift starts automatic at once. Returns the
        problems that stop it (a difference without its explanation...). Raises ``PermissionError`` unless
        the operator is a shift leader or administrator."""
        if not self.may_lead():
            raise PermissionError("only a shift leader or an administrator may close a shift")
        problems = closing_problems(closing)
        if problems or self._busy:
            return problems
        shift = self._current.shift
        operator_id, at = self._session.operator.id, self._clock()
        label = shift_label(at.astimezone())

        def job(db: Database) -> ShiftClosed | ShiftConflictError:
            try:
                return db.shifts.close_led_shift(shift.id, at, operator_id, closing, label)
            except ShiftConflictError as error:
                return error

        def done(result: ShiftClosed | ShiftConflictError) -> None:
            self._busy = False
            if isinstance(result, ShiftConflictError):
                self.failed.emit(conflict_text(result.conflict))
                return
            self._switch(CurrentShift(result.next_shift, "", True))
            self._messages.info(
                QCoreApplication.translate(
                    "ShiftService",
                    "Shift closed by {leader}. Automatic shift until {incoming} opens the next one. "
                    "Log anchor: {anchor}",
                ).format(
                    leader=closing.outgoing_leader,
                    incoming=closing.incoming_leader
                    or QCoreApplication.translate("ShiftService", "the incoming leader"),
                    anchor=result.anchor.short(),
                )
            )
            self.closed.emit(shift)

        self._busy = True
        self._writer.submit(job, on_done=done, on_error=self._on_write_error)
        return ()

    # -- the clock -----------------------------------------------------------------------------------

    def _arm_timer(self) -> None:
        now = self._clock()
        wait = (next_clock_boundary(now) - now).total_seconds()
        self._timer.start(max(1000, int(wait * 1000) + 50))

    @Slot()
    def _on_timer_timeout(self) -> None:
        self.follow_clock()
        self._arm_timer()

    def follow_clock(self) -> None:
        """Rolls an automatic shift over when the clock entered another shift (a leader's stays)."""
        if not self._current.automatic or self._busy:
            return
        gate_id, operator_id, now = self._session.gate.id, self._session.operator.id, self._clock()
        before = self._current.shift.id

        def done(shift: Shift) -> None:
            if shift.id != before and self._current.shift.id == before:
                self._switch(CurrentShift(shift, "", True))

        self._writer.submit(
            lambda db: current_or_new_shift(db, gate_id, operator_id, now),
            on_done=done,
            on_error=self._on_read_error,
        )

    # -- plumbing ------------------------------------------------------------------------------------

    def _switch(self, current: CurrentShift) -> None:
        self._current = current
        if self._session.shift.id != current.shift.id:
            self._session.set_shift(current.shift)
        self.shift_changed.emit(current)

    def _on_loaded(self, current: CurrentShift) -> None:
        if current.shift.id == self._current.shift.id:
            self._current = current
            self.shift_changed.emit(current)

    def _on_read_error(self, error: StorageError) -> None:
        _log.error("shifts: %s", error)
        self._messages.error(enum_text(error.kind))

    def _on_write_error(self, error: StorageError) -> None:
        self._busy = False
        message = QCoreApplication.translate(
            "ShiftService", "The shift was NOT recorded: {reason} Nothing was lost; try again."
        ).format(reason=enum_text(error.kind))
        self.failed.emit(message)


def conflict_text(conflict: ShiftConflict) -> str:
    return {
        ShiftConflict.LEADER_SHIFT_OPEN: QCoreApplication.translate(
            "ShiftService", "A leader's shift is still open: it must be closed before another is opened."
        ),
        ShiftConflict.NOT_OPEN: QCoreApplication.translate("ShiftService", "This shift was already closed."),
        ShiftConflict.INCOMPLETE: QCoreApplication.translate(
            "ShiftService", "Some entries are incomplete: see the marked fields."
        ),
    }[conflict]
