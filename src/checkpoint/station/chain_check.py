"""The hash-chain check of the database as an event: the check and its audit entry (a broken chain is
tamper evidence, so finding one is itself recorded).

``Database.verify`` only reads. A verification that fails is something that happened to the station, so
:func:`check_database` writes it to the audit trail as ``verify_failed``, naming the first broken record.
Appending to a broken chain is fine: the new entry links to the record before it as always, and the
break itself stays where ``verify`` found it. A successful check is written (``verify_ok``) only when a
signed-in operator asked for it (the GUI's File menu, or ``checkpoint db verify --operator``), so that
scripted checks do not fill the trail.

Qt-free: the command line calls :func:`check_database` directly. The GUI's
``chain_check_service.DatabaseCheckService`` walks the chain on a thread of its own (the writer stays free
for passages) and gives only the audit entry, :func:`audit_check`, to the writer.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from checkpoint.domain.anchor import Anchor
from checkpoint.domain.records import AuditAction
from checkpoint.storage.database import Database
from checkpoint.storage.errors import StorageError
from checkpoint.storage.fts import IndexCheck
from checkpoint.storage.integrity import AnchorCheck, AnchorStatus, ChainBreak, VerifyReport


@dataclass(frozen=True, slots=True)
class DatabaseCheck:
    """A verification's report and what became of its audit entry.

    ``audited`` is False when no entry was due (an anonymous success) or when writing it failed
    (``audit_error``: a corrupt or read-only file may refuse the write; the verdict stands anyway).
    """

    report: VerifyReport
    audited: bool
    audit_error: StorageError | None = None


def record_text(brk: ChainBreak) -> str:
    """The broken record as the audit trail and the log name it: ``record #12 (passage <uuid>)``."""
    return f"record #{brk.seq}" + (f" ({brk.kind} {brk.uuid})" if brk.uuid else "")


ANCHOR_WORDS = {
    AnchorStatus.OK: "the log holds that record with that hash",
    AnchorStatus.MISMATCH: "the log holds another hash at that record: it was rewritten or renumbered after "
    "the anchor was issued",
    AnchorStatus.MISSING: "the log no longer holds that record: records were deleted or the log was cut "
    "back after the anchor was issued",
    AnchorStatus.PURGED: "that record is inside a purged run, where the station never purges an anchored "
    "record: a deletion made to look like a purge",
    AnchorStatus.OTHER_STATION: "the anchor is another station's",
}
"""What an anchor's check found, in words (the CLI and the audit entry)."""


def anchor_text(check: AnchorCheck) -> str:
    """``anchor CPA1:...:2917:3fa2...: <what was found>``."""
    return f"anchor {check.anchor.text()}: {ANCHOR_WORDS[check.status]}"


def index_text(index: IndexCheck) -> str:
    """The search index's problems in words ("" when it is whole)."""
    parts = []
    if index.missing:
        parts.append(f"{index.missing} rows missing or altered")
    if index.extra:
        parts.append(f"{index.extra} rows no record accounts for")
    if not index.index_ok:
        parts.append("its search lists do not match its rows")
    if index.first_passage is not None:
        parts.append(f"first: passage #{index.first_passage[0]} {index.first_passage[1]}")
    return ", ".join(parts)


def check_detail(report: VerifyReport) -> str:
    """The audit entry's detail: the records checked, then each problem found (for the technical log)."""
    parts = [f"records={report.records_checked}"]
    if not report.integrity_ok:
        parts.append("integrity check FAILED: " + "; ".join(report.integrity_messages[:3]))
    brk = report.first_break
    if brk is not None:
        parts.append(f"hash chain BROKEN at {record_text(brk)}: {brk.problem.value}")
    failed = [check for check in report.anchors if not check.ok]
    parts += [f"{anchor_text(check)} ({check.status.value})" for check in failed[:3]]
    if report.search_index is not None and not report.search_index.ok:
        parts.append(f"search index BROKEN: {index_text(report.search_index)}")
    if report.unchecked_without_key:
        parts.append(f"{report.unchecked_without_key} records not checked without the data key")
    if report.ok:
        parts.append("integrity ok, hash chain ok")
        if report.anchors:
            parts.append(f"anchors ok: {len(report.anchors)}")
    return " ".join(parts)


def check_database(
    database: Database,
    at: datetime,
    operator_id: uuid.UUID | None = None,
    *,
    audit_success: bool = False,
    anchors: Sequence[Anchor] = (),
) -> DatabaseCheck:
    """Verify ``database`` (against ``anchors`` too) and write a failure (or, with ``audit_success``, a
    success) to the audit trail.

    Raises ``StorageError`` only when the verification itself cannot read the database.
    """
    report = database.verify(anchors=anchors)
    return audit_check(database, report, at, operator_id, audit_success=audit_success)


def audit_check(
    database: Database,
    report: VerifyReport,
    at: datetime,
    operator_id: uuid.UUID | None = None,
    *,
    audit_success: bool = False,
) -> DatabaseCheck:
    """Writes a verification's ``report`` to the audit trail: a failure always, a success with
    ``audit_success``. A write that is refused is kept in the result; the report stands anyway."""
    if report.ok and not audit_success:
        return DatabaseCheck(report, audited=False)
    action = AuditAction.VERIFY_OK if report.ok else AuditAction.VERIFY_FAILED
    try:
        database.audit.append_audit(action, check_detail(report), at, operator_id)
    except StorageError as error:
        return DatabaseCheck(report, audited=False, audit_error=error)
    return DatabaseCheck(report, audited=True)
