"""The anchors this station issued (``db.anchors``): records pinned on paper, kept in the audit trail.

An anchor (``domain.anchor``) is the station id and the seq and hash of one record. Issuing one appends an
``anchor_issued`` audit entry saying what it goes on (a sheet's kind and path, a shift close) and returns
that entry's own seq and hash: the anchor names the entry recording it, which is then the newest record
the sheet vouches for, and is never purged (audit entries are not). The list is what a station will send
the district (``checkpoint db anchors``); checking a database against anchors is ``Database.verify``.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import select

from checkpoint.domain.anchor import Anchor, IssuedAnchor
from checkpoint.domain.records import AuditAction
from checkpoint.storage import _records as rec
from checkpoint.storage._models import audit_t
from checkpoint.storage.chain import WriteUnit

if TYPE_CHECKING:
    from checkpoint.storage.database import Database


class AnchorManager:
    """Anchors issued and listed (``db.anchors``)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def issue(self, purpose: str, at: datetime, operator_id: uuid.UUID | None = None) -> Anchor:
        """A new anchor: an ``anchor_issued`` audit entry naming ``purpose`` (``handover pdf PATH``...),
        whose seq and hash it is.

        Issue it once the sheet's content has been read, so everything the sheet shows comes before it.
        """
        at = rec.utc(at, "anchor time")
        purpose = rec.as_text(purpose, "anchor purpose")
        with self._db.writing() as unit:
            self._db.operators.check(unit.session, operator_id)
            return self.issue_in(unit, purpose, at, operator_id)

    def issue_in(self, unit: WriteUnit, purpose: str, at: datetime, operator_id: uuid.UUID | None) -> Anchor:
        """Issue inside another manager's write (a shift close): the anchor covers what the unit appended
        before it; the caller has checked its arguments."""
        self._db.audit.append_in(unit, AuditAction.ANCHOR_ISSUED, purpose, at, operator_id)
        return Anchor(unit.seq, unit.head, unit.station_id)

    def issued(self) -> list[IssuedAnchor]:
        """Every anchor this station issued, oldest first (its ``anchor_issued`` audit entries)."""
        a = audit_t.c
        query = (
            select(a.seq, a.hash, a.at, a.operator_id, a.detail)
            .where(a.station_id == self._db.station_id, a.action == AuditAction.ANCHOR_ISSUED.value)
            .order_by(a.seq)
        )
        with self._db.reading() as session:
            rows = session.execute(query).all()
        station = self._db.station_id
        return [
            IssuedAnchor(
                Anchor(row.seq, row.hash, station),
                rec.utc(row.at, "anchor time"),
                row.operator_id,
                row.detail,
            )
            for row in rows
        ]
