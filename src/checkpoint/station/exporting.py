"""The shift leader's files from the log: the handover sheet (XLSX, PDF, CSV), the anomaly hand-off
and tracing results (XLSX, CSV).

``export_handover_file`` is the one path for both the CLI and the GUI: it picks the window (a shift, an
explicit window, or the current shift), streams the passages into the handover content, issues the log's
anchor (``db.anchors``: an audit entry whose seq and hash the sheet prints where the leaders sign, so the
log can later be checked against the paper), writes the file atomically and records the export in the
audit trail. The anomaly hand-off carries an anchor the same way. ``ExportService`` runs it on the writer
thread so the GUI never waits on the disk.

Personal data is masked unless an operator allowed to see it asks (``authorise_unmask``: a shift leader
or administrator); every unmasked export or query is written to the audit trail with that operator.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, tzinfo
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal

from checkpoint.domain.anchor import Anchor
from checkpoint.domain.anomalies import PersonRow, anomaly_handoff, person_rows
from checkpoint.domain.handover import build_handover
from checkpoint.domain.records import AuditAction, Operator, Passage, Role, Shift
from checkpoint.domain.tracing import TraceQuery
from checkpoint.exports import (
    ExportError,
    ExportErrorKind,
    HandoverLabels,
    PersonListLabels,
    write_handover_csv,
)
from checkpoint.station.shift_sheets import recent_shifts
from checkpoint.station.texts import (
    anomaly_labels,
    handover_labels,
    trace_labels,
)
from checkpoint.station.writer import OnFailed, in_words
from checkpoint.station.writer_service import WriterService
from checkpoint.storage.database import Database
from checkpoint.storage.errors import StorageError
from checkpoint.storage.passage_filter import PassageFilter

FORMATS = ("xlsx", "pdf", "csv")  # the handover sheet
# The writers themselves are imported where they are used: openpyxl and reportlab take a few hundred ms
# to load, which the station's start-up should not pay for an export that may never come.
UNMASK_ROLES = frozenset({Role.SHIFT_LEADER, Role.ADMINISTRATOR})


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    passages: int
    window_start: datetime
    window_end: datetime
    anchor: Anchor | None = None  # the log's anchor the sheet carries


def handover_window(
    database: Database,
    *,
    since: datetime | None,
    until: datetime | None,
    shift_id: uuid.UUID | None,
    now: datetime,
) -> tuple[datetime, datetime, Shift | None]:
    """The window of a handover: the given shift, the given times, or the current shift (else 24 h)."""
    if shift_id is not None:
        shift = database.shifts.shift(shift_id)
        if shift is None:
            raise ValueError(f"no shift with id {shift_id}")
        return shift.opened_at, shift.closed_at or now, shift
    if since is not None or until is not None:
        end = until or now
        start = since or end - timedelta(hours=24)
        if start >= end:
            raise ValueError("the window's start must be before its end")
        return start, end, None
    gates = database.gates.all()
    shift = database.shifts.current_shift(gates[0].id) if gates else None
    if shift is not None:
        return shift.opened_at, now, shift
    return now - timedelta(hours=24), now, None


def export_handover_file(
    database: Database,
    path: Path,
    fmt: str,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    shift_id: uuid.UUID | None = None,
    labels: HandoverLabels | None = None,
    now: datetime | None = None,
    operator_id: uuid.UUID | None = None,
) -> ExportResult:
    """Writes the handover; raises ValueError (bad request), ``ExportError`` or ``StorageError``."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    now = now or datetime.now(UTC)
    start, end, shift = handover_window(database, since=since, until=until, shift_id=shift_id, now=now)
    gates = database.gates.all()
    if not gates:
        raise ValueError("the database has no gate yet: nothing was recorded")
    gate = next((g for g in gates if shift is not None and g.id == shift.gate_id), gates[0])
    # the sheet never shows an ID number or a phone: nothing personal is decrypted for it
    passages = database.passages.iter_passages(
        PassageFilter(since=start, until=end, gate_id=gate.id), personal_data=False
    )
    # The shift part (staff, items, matters, reconciliation) comes from the leaders' records.
    record = database.shifts.shift_record(shift.id) if shift is not None else None
    report = build_handover(
        passages,
        gate=gate,
        window_start=start,
        window_end=end,
        shift=shift,
        generated_at=now,
        shift_record=record,
        purged=database.retention.purged_hours(gate.id, start, end),  # counts of passages a purge removed
        overrides=database.overrides.between(start, end, gate.id),
    )
    names = {op.id: op.name for op in database.operators.all()}
    labels = labels or handover_labels()
    # Issued once the content is read: everything the sheet shows comes before the anchor.
    anchor = database.anchors.issue(f"handover {fmt} {path}", now, operator_id)
    if fmt == "pdf":
        from checkpoint.exports.pdf import write_handover_pdf  # reportlab loads only when needed

        write_handover_pdf(report, path, labels, operator_names=names, anchor=anchor)
    elif fmt == "xlsx":
        from checkpoint.exports.xlsx import write_handover_xlsx

        write_handover_xlsx(report, path, labels, operator_names=names, anchor=anchor)
    else:
        write_handover_csv(report, path, labels, operator_names=names, anchor=anchor)
    database.audit.append_audit(
        AuditAction.EXPORT,
        f"handover {fmt} {path} {start.isoformat()}..{end.isoformat()} passages={report.summary.passages} "
        f"anchor {anchor.text()}",
        now,
        operator_id,
    )
    return ExportResult(path, len(report.rows), start, end, anchor)


class UnmaskRefusedError(ValueError):
    """Full personal data was asked for by someone who may not see it (or by no one)."""


def authorise_unmask(database: Database, operator_name: str | None) -> Operator:
    """The operator who may see unmasked personal data: a shift leader or administrator by that name.

    Raises ``UnmaskRefusedError`` with a one-line reason otherwise.
    """
    name = (operator_name or "").strip()
    if not name:
        raise UnmaskRefusedError(
            "unmasked personal data needs --operator NAME (a shift leader or administrator)"
        )
    matches = [op for op in database.operators.all() if op.name == name]
    if not matches:
        raise UnmaskRefusedError(f"no operator named {name!r} in the database")
    for operator in matches:
        if operator.role in UNMASK_ROLES:
            return operator
    raise UnmaskRefusedError(
        f"{name} is {matches[0].role.value}: only a shift leader or administrator may see unmasked "
        "personal data"
    )


@dataclass(frozen=True, slots=True)
class PersonListResult:
    path: Path
    rows: int  # persons written
    passages: int  # passages they belong to
    unmasked: bool
    anchor: Anchor | None = None  # the log's anchor the list carries (the anomaly hand-off)


def _write_person_list(
    rows: list[PersonRow],
    path: Path,
    fmt: str,
    labels: PersonListLabels,
    database: Database,
    zone: tzinfo | None,
    anchor: Anchor | None = None,
) -> None:
    from checkpoint.exports.person_list import (
        PERSON_LIST_FORMATS,
        write_person_list_csv,
        write_person_list_xlsx,
    )

    if fmt not in PERSON_LIST_FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(PERSON_LIST_FORMATS)}")
    gate_names = {gate.id: gate.name for gate in database.gates.all()}
    zone = zone or datetime.now().astimezone().tzinfo or UTC
    writer = write_person_list_xlsx if fmt == "xlsx" else write_person_list_csv
    writer(rows, path, labels, zone=zone, gate_names=gate_names, anchor=anchor)


def _masking_note(unmasked_by: Operator | None, reason: str = "") -> str:
    """How the data left: masked, or unmasked by whom (and for which case, when one was given)."""
    if unmasked_by is None:
        return "masked"
    note = f"UNMASKED by {unmasked_by.name} ({unmasked_by.role.value})"
    reason = " ".join(reason.split())
    return f"{note} for: {reason}" if reason else note


def export_anomalies_file(
    database: Database,
    path: Path,
    fmt: str,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    shift_id: uuid.UUID | None = None,
    labels: PersonListLabels | None = None,
    now: datetime | None = None,
    unmasked_by: Operator | None = None,
    zone: tzinfo | None = None,
    operator_id: uuid.UUID | None = None,
) -> PersonListResult:
    """Write the anomaly hand-off for a window (a shift, given times, or the current shift) and audit it.

    Masked unless ``unmasked_by`` (from ``authorise_unmask``) is given. The audit entry names
    ``unmasked_by``, else ``operator_id`` (who asked for the masked file). Raises ValueError (bad request),
    ``ExportError`` or ``StorageError``.
    """
    from checkpoint.exports.person_list import PERSON_LIST_FORMATS

    if fmt not in PERSON_LIST_FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose one of {', '.join(PERSON_LIST_FORMATS)}")
    now = now or datetime.now(UTC)
    start, end, shift = handover_window(database, since=since, until=until, shift_id=shift_id, now=now)
    window = PassageFilter(since=start, until=end, gate_id=shift.gate_id if shift is not None else None)
    overrides = database.overrides.between(start, end, window.gate_id)
    rows = anomaly_handoff(
        database.passages.iter_passages(window), mask=unmasked_by is None, overrides=overrides
    )
    who = unmasked_by.id if unmasked_by is not None else operator_id
    anchor = database.anchors.issue(f"anomalies {fmt} {path}", now, who)
    _write_person_list(rows, path, fmt, labels or anomaly_labels(), database, zone, anchor)
    passages = len({row.passage_uuid for row in rows})
    database.audit.append_audit(
        AuditAction.EXPORT,
        f"anomalies {fmt} {path} {start.isoformat()}..{end.isoformat()} persons={len(rows)} "
        f"passages={passages} anchor {anchor.text()} {_masking_note(unmasked_by)}",
        now,
        who,
    )
    return PersonListResult(path, len(rows), passages, unmasked_by is not None, anchor)


def trace_passages(database: Database, query: TraceQuery, *, newest_first: bool = False) -> list[Passage]:
    """The passages a validated tracing query finds, oldest first (the tracing screen: newest first, as the
    log) (exact, indexed matches).

    Corrected passages are included with their corrections: a tracer sees what was recorded and fixed.
    """
    wanted = PassageFilter(
        since=query.since,
        until=query.until,
        plate=query.plate,
        id_number=query.id_number,
        phone=query.phone,
        name=query.name,
    )
    found = list(database.passages.iter_passages(wanted))
    if newest_first:  # by when it happened (a correction keeps its record's time), then as recorded
        found.sort(key=lambda passage: (passage.at, passage.seq), reverse=True)
    return found


def audit_trace(
    database: Database,
    query: TraceQuery,
    found: int,
    *,
    now: datetime,
    unmasked_by: Operator | None,
    path: Path | None = None,
    operator_id: uuid.UUID | None = None,
    reason: str = "",
) -> None:
    """Record a tracing query in the audit trail, under ``unmasked_by`` or else ``operator_id``.

    The CLI records every query (it signs its operator in); the GUI when unmasked or written to a file.
    ``reason`` is the case number or reason the leader gave for seeing full personal data.
    """
    target = f" -> {path}" if path is not None else ""
    database.audit.append_audit(
        AuditAction.EXPORT,
        f"trace {query.describe()} passages={found}{target} {_masking_note(unmasked_by, reason)}",
        now,
        unmasked_by.id if unmasked_by is not None else operator_id,
    )


def export_trace_file(
    database: Database,
    path: Path,
    fmt: str,
    passages: list[Passage],
    query: TraceQuery,
    *,
    labels: PersonListLabels | None = None,
    now: datetime | None = None,
    unmasked_by: Operator | None = None,
    zone: tzinfo | None = None,
    operator_id: uuid.UUID | None = None,
    reason: str = "",
) -> PersonListResult:
    """Write tracing results (one row per person of each passage) and audit the export (``reason``: the
    case an unmasked export is for)."""
    rows = [row for passage in passages for row in person_rows(passage, mask=unmasked_by is None)]
    _write_person_list(rows, path, fmt, labels or trace_labels(), database, zone)
    audit_trace(
        database,
        query,
        len(passages),
        now=now or datetime.now(UTC),
        unmasked_by=unmasked_by,
        path=path,
        operator_id=operator_id,
        reason=reason,
    )
    return PersonListResult(path, len(rows), len(passages), unmasked_by is not None)


class ExportService(WriterService):
    """Runs exports on the writer thread and reports the outcome.

    Signals:
        export_finished(str): the written file's path.
        export_failed(str): a translated message; nothing was written.
        shifts_ready(list): the gate's recent shifts (``ShiftRecord``, newest first) asked for with
            ``request_shifts``: what the export dialog offers.
    """

    export_finished = Signal(str)
    export_failed = Signal(str)
    shifts_ready = Signal(list)

    def export_handover(
        self,
        path: Path,
        fmt: str,
        since: datetime | None = None,
        until: datetime | None = None,
        operator_id: uuid.UUID | None = None,
        shift_id: uuid.UUID | None = None,
    ) -> None:
        """Writes the handover of ``shift_id`` (its whole sheet), else of the window ``since``..``until``
        (``until`` None: up to the moment it is written), else of the current shift."""
        now = self._clock()
        # The labels are built here, on the GUI thread, in the language the operator sees.
        labels = handover_labels()

        def job(database: Database) -> ExportResult | ExportError | ValueError:
            try:
                return export_handover_file(
                    database,
                    path,
                    fmt,
                    since=since,
                    until=until,
                    shift_id=shift_id,
                    labels=labels,
                    now=now,
                    operator_id=operator_id,
                )
            except (ExportError, ValueError) as error:
                return error

        self._writer.submit(job, on_done=self._on_done, on_error=self._on_storage_error)

    def request_shifts(self, gate_id: uuid.UUID) -> None:
        """Reads the gate's recent shifts with their leaders; ``shifts_ready`` brings them."""
        now = self._clock()
        self._writer.submit(
            lambda database: recent_shifts(database, gate_id, now),
            on_done=self.shifts_ready.emit,
            on_error=lambda error: self._announce_storage_error(error, self.export_failed),
        )

    def write_handover_pdf(
        self,
        path: Path,
        operator_id: uuid.UUID | None,
        *,
        now: datetime,
        on_done: Callable[[ExportResult | ExportError | ValueError], None],
        on_failed: OnFailed,
        shift_id: uuid.UUID | None = None,
    ) -> None:
        """Writes the handover of ``shift_id`` (its whole sheet; None: the current shift) as a PDF to
        ``path`` on the writer thread, generated at ``now``, for printing (``ui.print_preview.
        HandoverPrinter``); audited like an export. A file that cannot be written, or a station with nothing
        recorded, comes back to ``on_done`` as its error."""
        labels = handover_labels()  # on the GUI thread, in the operator's language

        def job(database: Database) -> ExportResult | ExportError | ValueError:
            try:
                return export_handover_file(
                    database,
                    path,
                    "pdf",
                    shift_id=shift_id,
                    labels=labels,
                    now=now,
                    operator_id=operator_id,
                )
            except (ExportError, ValueError) as error:
                return error

        self._writer.submit(job, on_done=on_done, on_error=in_words(on_failed))

    def _on_done(self, result: ExportResult | ExportError | ValueError) -> None:
        if isinstance(result, ExportResult):
            self._messages.info(
                QCoreApplication.translate(
                    "ExportService", "Handover written: {path} ({count} passages). Log anchor: {anchor}"
                ).format(
                    path=result.path,
                    count=result.passages,
                    anchor=result.anchor.short() if result.anchor is not None else "-",
                )
            )
            self.export_finished.emit(str(result.path))
            return
        if isinstance(result, ExportError):
            message = export_error_text(result.kind)
        else:
            message = QCoreApplication.translate("ExportService", "Nothing to export: {detail}").format(
                detail=str(result)
            )
        self._messages.error(message)
        self.export_failed.emit(message)

    def _on_storage_error(self, error: StorageError) -> None:
        self._announce_storage_error(error, self.export_failed)


def export_error_text(kind: ExportErrorKind) -> str:
    texts = {
        ExportErrorKind.FOLDER_MISSING: QCoreApplication.translate(
            "ExportService", "The export folder does not exist. Nothing was written."
        ),
        ExportErrorKind.PERMISSION_DENIED: QCoreApplication.translate(
            "ExportService",
            "The export folder cannot be written (read-only or no permission). Nothing was written.",
        ),
        ExportErrorKind.DISK_FULL: QCoreApplication.translate(
            "ExportService", "The disk is full. Nothing was written; free some space and export again."
        ),
    }
    return texts.get(
        kind,
        QCoreApplication.translate("ExportService", "The file could not be written; the error was logged."),
    )
