"""The anchors this station issued (``db.anchors``): the chain head, pinned on paper, kept in the audit trail.

An anchor (``domain.anchor``) is the station id, the seq of the chain's head and its hash. Issuing one
reads the head inside a write unit and appends an ``anchor_issued`` audit entry naming it, so the entry is
always the record right after the anchor (seq + 1) and links to it by its ``prev_hash``: audit entries are
never purged, so an anchored passage that a retention purge later removes can still be matched (it ends
its purged run, whose last hash the purge record keeps). The list is what a station will send the
district (``checkpoint db anchors``); checking a database against anchors is ``Database.verify``.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import TYPE_CHECKING

from sqlalchemy import select

from checkpoint.domain.anchor import Anchor, AnchorError, IssuedAnchor, anchor_detail, split_detail
from checkpoint.domain.records import AuditAction
from checkpoint.storage import _records as rec
from checkpoint.storage._models import audit_t
from checkpoint.storage.chain import WriteUnit
from checkpoint.storage.errors import StorageError, StorageErrorKind

if TYPE_CHECKING:
    from checkpoint.storage.database import Database


class AnchorManager:
    """Anchors issued and listed (``db.anchors``)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def issue(self, purpose: str, at: datetime, operator_id: uuid.UUID | None = None) -> Anchor:
        """The chain head as an anchor, recorded in the audit trail (``anchor_issued``) in one transaction.

        Take it once the sheet's content has been read: everything the sheet shows is then at or before
        the anchor. ``purpose`` says what carries it (``handover pdf PATH``...).
        """
        at = rec.utc(at, "anchor time")
        purpose = rec.as_text(purpose, "anchor purpose")
        with self._db.writing() as unit:
            self._db.operators.check(unit.session, operator_id)
            return self.issue_in(unit, purpose, at, operator_id)

    def issue_in(self, unit: WriteUnit, purpose: str, at: datetime, operator_id: uuid.UUID | None) -> Anchor:
        """Issue inside another manager's write (a shift close): the anchor is the unit's head so far, so
        it covers what the unit appended before; the caller has checked its arguments."""
        anchor = Anchor(unit.seq, unit.head, unit.station_id)
        detail = anchor_detail(anchor, purpose)
        self._db.audit.append_in(unit, AuditAction.ANCHOR_ISSUED, detail, at, operator_id)
        return anchor

    def issued(self) -> list[IssuedAnchor]:
        """Every anchor this station issued, oldest first (read from its audit trail)."""
        a = audit_t.c
        query = (
            select(a.seq, a.at, a.operator_id, a.detail)
            .where(a.station_id == self._db.station_id, a.action == AuditAction.ANCHOR_ISSUED.value)
            .order_by(a.seq)
        )
        with self._db.reading() as session:
            rows = session.execute(query).all()
        issued = []
        for row in rows:
            try:
                anchor, purpose = split_detail(row.detail)
            except AnchorError as error:
                raise StorageError(
                    StorageErrorKind.CORRUPT, f"audit entry #{row.seq}: not an anchor: {error}"
                ) from error
            at = rec.utc(row.at, "anchor time")
            issued.append(IssuedAnchor(anchor, at, row.operator_id, purpose, row.seq))
        return issued
