"""Notices a system clock that goes backwards (tamper evidence: a clock set back
to before a record hides when it was written).

At start the clock is compared with the time the newest record was written; while the station runs, each
reading is compared with the previous one. A clock earlier by more than ``TOLERANCE`` is recorded in the
audit trail (``clock_went_back``, both times) and told to the operator through the message bus. Records
keep their order anyway (the chain's sequence numbers), so nothing is refused: the operator is asked to
check the time.

The guard is itself a clock: ``build_services`` hands ``guard.now`` to the session, so every recorded
passage reads the time through it.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import QObject, QTimer, Signal

from checkpoint.domain.records import AuditAction
from checkpoint.station.messages import MessageBus
from checkpoint.station.texts import clock_went_back_text, enum_text
from checkpoint.station.writer import RecordWriter
from checkpoint.storage.database import Database
from checkpoint.storage.errors import StorageError

_log = logging.getLogger(__name__)

TOLERANCE = timedelta(minutes=2)


@dataclass(frozen=True, slots=True)
class ClockJump:
    """The clock read ``after`` where an earlier reading (or the newest record) said ``before``."""

    before: datetime
    after: datetime

    @property
    def back_by(self) -> timedelta:
        return self.before - self.after

    def audit_detail(self) -> str:
        seconds = int(self.back_by.total_seconds())
        return f"clock went back from {self.before.isoformat()} to {self.after.isoformat()} ({seconds} s)"


def went_back(before: datetime | None, after: datetime, tolerance: timedelta = TOLERANCE) -> ClockJump | None:
    """The jump when ``after`` is earlier than ``before`` by more than ``tolerance``; else None."""
    if before is None or before - after <= tolerance:
        return None
    return ClockJump(before, after)


class ClockGuard(QObject):
    """Reads the clock for the station and reports when it goes backwards.

    Signals:
        clock_went_back(object): a :class:`ClockJump`, after it was handed to the audit trail.
    """

    clock_went_back = Signal(object)

    def __init__(
        self,
        clock: Callable[[], datetime],
        messages: MessageBus,
        *,
        operator_id: uuid.UUID | None = None,
        tolerance: timedelta = TOLERANCE,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._messages = messages
        self._operator_id = operator_id
        self._tolerance = tolerance
        self._lock = threading.Lock()
        self._last: datetime | None = None
        self._writer: RecordWriter | None = None
        self.jumps: list[ClockJump] = []

    def set_operator(self, operator_id: uuid.UUID | None) -> None:
        self._operator_id = operator_id

    def check_start(self, database: Database) -> ClockJump | None:
        """At start, before the writer runs: the clock against the newest record's time.

        A jump is audited at once (synchronously); the operator is told once the event loop runs, so the
        window that is built next already listens.
        """
        now = self._clock()
        jump = went_back(database.latest_recorded_at(), now, self._tolerance)
        with self._lock:
            self._last = now
        if jump is not None:
            database.audit.append_audit(
                AuditAction.CLOCK_WENT_BACK, jump.audit_detail(), now, self._operator_id
            )
            self.jumps.append(jump)
            QTimer.singleShot(0, self, lambda: self._tell(jump))
        return jump

    def watch(self, writer: RecordWriter) -> None:
        """From now on jumps seen by :meth:`now` are audited through ``writer`` (the one database writer)."""
        self._writer = writer

    def now(self) -> datetime:
        """The clock's time; a reading earlier than the previous one beyond the tolerance is reported."""
        now = self._clock()
        with self._lock:
            jump = went_back(self._last, now, self._tolerance)
            self._last = now
        if jump is not None:
            self._report(jump)
        return now

    def _report(self, jump: ClockJump) -> None:
        _log.warning("%s", jump.audit_detail())
        self.jumps.append(jump)
        if self._writer is not None:
            operator_id = self._operator_id

            def job(database: Database) -> None:
                database.audit.append_audit(
                    AuditAction.CLOCK_WENT_BACK, jump.audit_detail(), jump.after, operator_id
                )

            self._writer.submit(job, on_error=self._on_audit_error)
        self._tell(jump)

    def _tell(self, jump: ClockJump) -> None:
        self._messages.error(clock_went_back_text(jump.before, jump.after))
        self.clock_went_back.emit(jump)

    def _on_audit_error(self, error: StorageError) -> None:
        self._messages.error(enum_text(error.kind))
