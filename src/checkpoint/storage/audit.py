"""The audit trail: sign-ins, exports, setting changes, corrections and acknowledged alarms, chained.

An entry that audits another manager's records is appended in that manager's write unit
(:meth:`AuditManager.append_in`: an issued pass and its ``pass_issued`` entry are one transaction); entries
that stand alone go through :meth:`AuditManager.append_audit`.
"""

from __future__ import annotations

import json
import uuid
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from checkpoint.domain.records import AuditAction, AuditEntry
from checkpoint.storage import _records as rec
from checkpoint.storage._models import audit_t
from checkpoint.storage.chain import WriteUnit
from checkpoint.storage.errors import InvalidRecordError

if TYPE_CHECKING:
    from checkpoint.storage.database import Database


class AuditManager:
    """This station's audit trail (``db.audit``)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def append_audit(
        self, action: AuditAction, detail: str, at: datetime, operator_id: uuid.UUID | None = None
    ) -> AuditEntry:
        """Append one audit entry (chained); ``operator_id``, when given, must be this station's operator."""
        at = rec.utc(at, "audit time")
        action = rec.as_enum(AuditAction, action, "audit action")
        detail = rec.as_text(detail, "audit detail")
        with self._db.writing() as unit:
            self._db.operators.check(unit.session, operator_id)
            return rec.to_audit(self.append_in(unit, action, detail, at, operator_id))

    def append_in(
        self, unit: WriteUnit, action: AuditAction, detail: str, at: datetime, operator_id: uuid.UUID | None
    ) -> dict[str, Any]:
        """Append an entry inside ``unit``, another manager's write (so it commits with what it audits);
        the caller has checked its arguments. Returns the stored values."""
        return unit.append(
            rec.AUDIT, {"at": at, "action": action.value, "operator_id": operator_id, "detail": detail}
        )

    def audit_entries(self, since: datetime | None = None) -> list[AuditEntry]:
        """The audit trail in seq order; with ``since``, entries at or after it."""
        query = select(audit_t).where(audit_t.c.station_id == self._db.station_id)
        if since is not None:
            rec.require_aware(since, "since")
            query = query.where(audit_t.c.at >= since)
        with self._db.reading() as session:
            return [rec.to_audit(row) for row in session.execute(query.order_by(audit_t.c.seq)).mappings()]

    def acknowledge_alarm(
        self, kind: str, subject: str, detail: str, at: datetime, operator_id: uuid.UUID | None
    ) -> AuditEntry:
        """Record that the operator acknowledged an alarm (audit ``alarm_acknowledged``, chained).

        ``kind`` says which alarm (e.g. ``home_quarantine``, ``watchlist``, ``overdue``, ``over_quota``),
        ``subject`` whom or what it was about (a masked name, a plate, a pass id), ``detail`` anything else.
        The audit detail is a JSON object with these three keys.
        """
        kind = rec.as_text(kind, "alarm kind").strip()
        subject = rec.as_text(subject, "alarm subject").strip()
        detail = rec.as_text(detail, "alarm detail")
        if not kind:
            raise InvalidRecordError("an alarm acknowledgement needs the alarm's kind")
        document = json.dumps(
            {"kind": kind, "subject": subject, "detail": detail}, ensure_ascii=False, sort_keys=True
        )
        return self.append_audit(AuditAction.ALARM_ACKNOWLEDGED, document, at, operator_id)
