"""The audit trail as the audit screen reads it: newest first, filtered by action and time window, on the
writer thread (the one database worker), with the operators' names. Only read here: the code that does an
action writes its entry."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from uuid import UUID

from checkpoint.domain.records import AuditEntry
from checkpoint.station.writer import OnFailed, RecordWriter, in_words
from checkpoint.storage.database import Database

# The entries newest first, and each operator's name by id.
AuditRows = tuple[list[AuditEntry], dict[UUID, str]]


class AuditTrailService:
    """Given the writer."""

    def __init__(self, writer: RecordWriter) -> None:
        self._writer = writer

    def read(
        self,
        action: str | None,
        since: datetime | None,
        until: datetime | None,
        *,
        on_done: Callable[[AuditRows], None],
        on_failed: OnFailed,
    ) -> None:
        """The entries of ``action`` (an ``AuditAction`` or its value; None: every action) from ``since``
        until before ``until`` (None: open), newest first, to ``on_done`` on the GUI thread."""

        def job(database: Database) -> AuditRows:
            entries = [
                entry
                for entry in database.audit.audit_entries(since)
                if (action is None or entry.action == action) and (until is None or entry.at < until)
            ]
            entries.reverse()  # newest first
            return entries, {op.id: op.name for op in database.operators.all()}

        self._writer.submit(job, on_done=on_done, on_error=in_words(on_failed))
