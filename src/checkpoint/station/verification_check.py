"""File > Verify the database: the check on the writer thread and its result in the operator's words.

The check is :func:`db_check.check_database` (integrity check and hash-chain walk, then the audit entry:
``verify_failed`` naming the first broken record, or ``verify_ok`` since a signed-in leader asked). It
runs as a writer job, so the GUI never waits and the entry is written in order with everything else;
passages scanned meanwhile queue behind it. A failure goes to the message bus as an error, which the
banner keeps until someone dismisses it: the station must not be wiped or repaired before the
administrator has looked.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QObject, Signal

from checkpoint.station.db_check import DatabaseCheck, check_database
from checkpoint.station.messages import MessageBus
from checkpoint.station.texts import storage_error_text
from checkpoint.station.writer import RecordWriter
from checkpoint.station.writer_service import WriterService
from checkpoint.storage.database import ChainBreak, ChainProblem, Database, StorageError


def _kind_text(kind: str) -> str:
    """A chained record kind in words ("" for a record that is gone, whose kind is unknown)."""
    words = {
        "passage": QCoreApplication.translate("DatabaseCheck", "a passage"),
        "audit": QCoreApplication.translate("DatabaseCheck", "an audit trail entry"),
        "operator": QCoreApplication.translate("DatabaseCheck", "an operator"),
        "operator_pin": QCoreApplication.translate("DatabaseCheck", "an operator's PIN"),
        "operator_status": QCoreApplication.translate("DatabaseCheck", "an operator's status"),
        "shift": QCoreApplication.translate("DatabaseCheck", "a shift"),
        "shift_close": QCoreApplication.translate("DatabaseCheck", "a shift record"),
        "shift_detail": QCoreApplication.translate("DatabaseCheck", "a shift record"),
        "shift_reconciliation": QCoreApplication.translate("DatabaseCheck", "a shift record"),
        "issued_pass": QCoreApplication.translate("DatabaseCheck", "an issued pass"),
        "pass_revocation": QCoreApplication.translate("DatabaseCheck", "a pass revocation"),
        "watchlist_entry": QCoreApplication.translate("DatabaseCheck", "a watchlist entry"),
        "watchlist_end": QCoreApplication.translate("DatabaseCheck", "a watchlist entry"),
        "household": QCoreApplication.translate("DatabaseCheck", "a household of the residents registry"),
        "resident": QCoreApplication.translate("DatabaseCheck", "a resident of the residents registry"),
        "gate": QCoreApplication.translate("DatabaseCheck", "the gate"),
        "gate_profile": QCoreApplication.translate("DatabaseCheck", "the gate's rules"),
    }
    if not kind:
        return ""
    return words.get(kind, QCoreApplication.translate("DatabaseCheck", "a record"))


def break_text(brk: ChainBreak) -> str:
    """The first broken record in words: which record and what happened to it."""
    kind = _kind_text(brk.kind)
    if brk.problem is ChainProblem.SEQ_GAP:
        return QCoreApplication.translate(
            "DatabaseCheck", "Record no. {seq} is missing: it was deleted outside the application."
        ).format(seq=brk.seq)
    if brk.problem is ChainProblem.LINK_MISMATCH:
        return QCoreApplication.translate(
            "DatabaseCheck", "Record no. {seq} ({kind}) was inserted outside the application."
        ).format(seq=brk.seq, kind=kind)
    return QCoreApplication.translate(
        "DatabaseCheck", "Record no. {seq} ({kind}) was changed outside the application."
    ).format(seq=brk.seq, kind=kind)


def check_text(check: DatabaseCheck) -> str:
    """The whole result for the operator: intact with the count, or what broke and what to do now."""
    report = check.report
    count = report.records_checked  # lupdate misses a plural given as an attribute
    if report.ok:
        return QCoreApplication.translate(
            "DatabaseCheck",
            "The database is intact: %n records checked, none changed, added or removed.",
            "",
            count,
        )
    parts = [QCoreApplication.translate("DatabaseCheck", "The database failed verification.")]
    if report.first_break is not None:
        parts.append(break_text(report.first_break))
    if not report.integrity_ok:
        parts.append(
            QCoreApplication.translate(
                "DatabaseCheck", "The database file itself is damaged (integrity check failed)."
            )
        )
    parts.append(
        QCoreApplication.translate("DatabaseCheck", "Keep this PC as it is and call the administrator.")
    )
    if check.audit_error is not None:
        parts.append(
            QCoreApplication.translate(
                "DatabaseCheck", "This could not be written to the audit trail: {reason}"
            ).format(reason=storage_error_text(check.audit_error.kind))
        )
    return " ".join(parts)


class DatabaseCheckService(WriterService):
    """Verifies the database on the writer thread and tells the operator the result.

    Signals:
        finished(object): the :class:`DatabaseCheck`, after its audit entry was written (or refused).
        failed(str): the check could not read the database; the reason, translated.
    """

    finished = Signal(object)
    failed = Signal(str)

    def __init__(
        self,
        writer: RecordWriter,
        messages: MessageBus,
        clock: Callable[[], datetime] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(writer, messages, clock=clock, parent=parent)
        self._running = False

    @property
    def running(self) -> bool:
        return self._running

    def verify(self, operator_id: uuid.UUID | None) -> bool:
        """Queue a check by ``operator_id``; False (and nothing queued) while one is still running."""
        if self._running:
            return False
        self._running = True
        at = self._clock()

        def job(database: Database) -> DatabaseCheck:
            return check_database(database, at, operator_id, audit_success=True)

        self._writer.submit(job, on_done=self._on_done, on_error=self._on_error)
        return True

    def _on_done(self, check: DatabaseCheck) -> None:
        self._running = False
        text = check_text(check)
        if check.report.ok:
            self._messages.info(text)
        else:
            self._messages.error(text)
        self.finished.emit(check)

    def _on_error(self, error: StorageError) -> None:
        self._running = False
        self._announce_storage_error(error, self.failed)
