"""Tracing (流调) for the tracing screen: a checked query, and an export of what it found, on the writer
thread (the one database worker), so the screen never waits on the disk.

An unmasked query is written to the audit trail *before* its results come back to be shown, as
``checkpoint trace --unmask`` does (``audit_trace``); an export is always audited (``export_trace_file``).
The screen's callbacks get the results, or why the database refused, in words.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from checkpoint.domain.records import Operator, Passage
from checkpoint.domain.tracing import TraceQuery
from checkpoint.exports import ExportError
from checkpoint.station.exporting import PersonListResult, audit_trace, export_trace_file, trace_passages
from checkpoint.station.texts import trace_labels
from checkpoint.station.writer import OnFailed, RecordWriter, in_words
from checkpoint.storage.database import Database

# A finished query: what was asked, what was found, the gates' names, and who it was unmasked for.
TraceFound = tuple[TraceQuery, list[Passage], dict[Any, str], Operator | None]


class TracingService:
    """Given the writer and the station's clock (audit and export times)."""

    def __init__(self, writer: RecordWriter, *, clock: Callable[[], datetime]) -> None:
        self._writer = writer
        self._clock = clock

    def find(
        self,
        query: TraceQuery,
        unmasked_by: Operator | None,
        *,
        on_done: Callable[[TraceFound], None],
        on_failed: OnFailed,
        reason: str = "",
    ) -> None:
        """Runs ``query`` on the writer thread, newest first (as the log): unmasked (and audited first,
        with the case ``reason`` the leader gave) when ``unmasked_by`` asks."""
        now = self._clock()

        def job(database: Database) -> TraceFound:
            found = trace_passages(database, query, newest_first=True)
            if unmasked_by is not None:  # recorded before anything unmasked reaches the screen
                audit_trace(database, query, len(found), now=now, unmasked_by=unmasked_by, reason=reason)
            return query, found, {gate.id: gate.name for gate in database.gates.all()}, unmasked_by

        self._writer.submit(job, on_done=on_done, on_error=in_words(on_failed))

    def export(
        self,
        path: Path,
        fmt: str,
        passages: list[Passage],
        query: TraceQuery,
        unmasked_by: Operator | None,
        *,
        on_done: Callable[[PersonListResult | ExportError], None],
        on_failed: OnFailed,
        reason: str = "",
    ) -> None:
        """Writes ``passages`` to ``path`` on the writer thread, masked unless ``unmasked_by`` (for the case
        ``reason``); audited. A file that cannot be written comes back to ``on_done`` as its
        ``ExportError``."""
        labels = trace_labels()  # built here, in the language the operator sees
        now = self._clock()
        zone = now.astimezone().tzinfo

        def job(database: Database) -> PersonListResult | ExportError:
            try:
                return export_trace_file(
                    database,
                    path,
                    fmt,
                    passages,
                    query,
                    labels=labels,
                    now=now,
                    zone=zone,
                    unmasked_by=unmasked_by,
                    reason=reason,
                )
            except ExportError as error:
                return error

        self._writer.submit(job, on_done=on_done, on_error=in_words(on_failed))
