"""File > Verify the database: the check off the GUI thread and off the writer, and its result in the
operator's words.

The check is ``Database.verify`` (integrity check and hash-chain walk) then the audit entry
(:func:`chain_check.audit_check`: ``verify_failed`` naming the first broken record, or ``verify_ok`` since a
signed-in leader asked). On a big database the walk takes minutes, so it runs on a thread of its own in
one read transaction (:class:`~checkpoint.station.background.BackgroundRead`; SQLite's WAL lets it read
beside the writer): passages scanned meanwhile are written at once. Only the audit entry goes to the
writer, in order with everything else, when the walk is done. An in-memory database (one shared
connection) cannot be read beside the writer, so there the whole check is a writer job as before.

The walk reports its progress; a second request while one runs is refused with a message; closing the
station stops the walk at its next progress report and audits nothing. A failure goes to the message bus
as an error, which the banner keeps until someone dismisses it: the station must not be wiped or repaired
before the administrator has looked.
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QObject, Signal, Slot

from checkpoint.station.background import BackgroundRead, ReadStoppedError
from checkpoint.station.chain_check import DatabaseCheck, audit_check
from checkpoint.station.messages import MessageBus
from checkpoint.station.texts import enum_text
from checkpoint.station.writer import RecordWriter
from checkpoint.station.writer_service import WriterService
from checkpoint.storage.errors import StorageError
from checkpoint.storage.integrity import ChainBreak, ChainProblem, VerifyReport


def _kind_text(kind: str) -> str:
    """A chained record kind in words ("" for a record that is gone, whose kind is unknown)."""
    words = {
        "passage": QCoreApplication.translate("DatabaseCheck", "a passage"),
        "audit": QCoreApplication.translate("DatabaseCheck", "an audit trail entry"),
        "operator": QCoreApplication.translate("DatabaseCheck", "an operator"),
        "operator_pin": QCoreApplication.translate("DatabaseCheck", "an operator's PIN"),
        "operator_status": QCoreApplication.translate("DatabaseCheck", "an operator's status"),
        "operator_recovery": QCoreApplication.translate("DatabaseCheck", "an administrator's recovery code"),
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
        "purge": QCoreApplication.translate("DatabaseCheck", "a purge record"),
        "passage_summary": QCoreApplication.translate("DatabaseCheck", "the counts of a purged hour"),
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
    if brk.problem is ChainProblem.UNVOUCHED_GAP:
        return QCoreApplication.translate(
            "DatabaseCheck",
            "Records from no. {seq} on are missing, and a purge record that does not account for them stands "
            "in for them: they were deleted outside the application.",
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
    failed = [anchor for anchor in report.anchors if not anchor.ok]
    if failed:
        parts.append(
            QCoreApplication.translate(
                "DatabaseCheck",
                "The log no longer holds record no. {seq} as the anchor {anchor} from a sheet says: it was "
                "rewritten, renumbered or cut back after that sheet was made.",
            ).format(seq=failed[0].anchor.seq, anchor=failed[0].anchor.short())
        )
    if not report.integrity_ok:
        parts.append(
            QCoreApplication.translate(
                "DatabaseCheck", "The database file itself is damaged (integrity check failed)."
            )
        )
    if report.search_index is not None and not report.search_index.ok:
        parts.append(
            QCoreApplication.translate(
                "DatabaseCheck",
                "The log's search index does not match the records: people may be missing from the log's "
                "search. An administrator rebuilds it with: checkpoint db reindex",
            )
        )
    parts.append(
        QCoreApplication.translate("DatabaseCheck", "Keep this PC as it is and call the administrator.")
    )
    if check.audit_error is not None:
        parts.append(
            QCoreApplication.translate(
                "DatabaseCheck", "This could not be written to the audit trail: {reason}"
            ).format(reason=enum_text(check.audit_error.kind))
        )
    return " ".join(parts)


class DatabaseCheckService(WriterService):
    """Verifies the database beside the writer and tells the operator the result.

    Signals:
        started(): a check began (``running`` is True until ``finished`` or ``failed``).
        progress(int, int): records checked so far, and the chain's length (about how many there are).
        finished(object): the :class:`DatabaseCheck`, after its audit entry was written (or refused).
        failed(str): the check could not read the database; the reason, translated.
    """

    started = Signal()
    progress = Signal(int, int)
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
        self._walk = BackgroundRead("DatabaseCheck", self)
        self._running = False
        self._checked = (0, 0)
        self.progress.connect(self._on_progress)

    @property
    def running(self) -> bool:
        return self._running

    def verify(self, operator_id: uuid.UUID | None) -> bool:
        """Starts a check by ``operator_id``; False (a message says why, nothing started) while one runs."""
        if self._running:
            checked, total = self._checked
            self._messages.info(
                QCoreApplication.translate(
                    "DatabaseCheck",
                    "The database is already being verified ({checked} of about {total} records so far); "
                    "the result shows when it is done.",
                ).format(checked=checked, total=total)
            )
            return False
        self._running = True
        self._checked = (0, 0)
        at = self._clock()
        database = self._writer.database

        def audited(report: VerifyReport) -> None:
            self._writer.submit(
                lambda db: audit_check(db, report, at, operator_id, audit_success=True),
                on_done=self._on_done,
                on_error=self._on_error,
            )

        if database.reads_beside_writes:
            progress = self.progress

            def walk(stop: threading.Event) -> VerifyReport:
                def report(checked: int, total: int) -> None:
                    if stop.is_set():
                        raise ReadStoppedError
                    progress.emit(checked, total)

                return database.verify(report)

            self._walk.start(walk, on_done=audited, on_error=self._on_error)
        else:
            self._writer.submit(
                lambda db: audit_check(db, db.verify(), at, operator_id, audit_success=True),
                on_done=self._on_done,
                on_error=self._on_error,
            )
        self.started.emit()
        return True

    def stop(self, timeout: float = 10.0) -> None:
        """Stops a check under way (the station is closing): nothing is audited and no result shown."""
        if self._walk.busy:
            self._walk.stop(timeout)
            self._running = False

    @Slot(int, int)
    def _on_progress(self, checked: int, total: int) -> None:
        self._checked = (checked, total)

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
