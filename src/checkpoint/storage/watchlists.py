"""Watchlists: entries (a person or a plate to stop, hold or watch for) and the records that end them.

An entry is chained with its personal data sealed like a person check's; it is never edited: a
``watchlist_end`` record ends it from a given time. Importing the same entries again (a re-sent list,
later the district feed) adds nothing: entries are keyed by their uuid.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import insert, or_, select

from checkpoint.domain.records import AuditAction
from checkpoint.domain.watchlist import WatchlistEntry
from checkpoint.storage import _records as rec
from checkpoint.storage._models import watchlist_end_t, watchlist_entry_t
from checkpoint.storage.chain import IN_CHUNK
from checkpoint.storage.errors import InvalidRecordError

if TYPE_CHECKING:
    from checkpoint.storage.database import Database


class WatchlistManager:
    """This database's watchlist entries (``db.watchlists``)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def add_watchlist_entries(
        self, entries: Iterable[WatchlistEntry], at: datetime, operator_id: uuid.UUID | None
    ) -> int:
        """Append watchlist entries (chained, one transaction) and an audit ``watchlist_imported``
        entry; returns how many were new. Entries whose id is already stored are skipped (a re-import or
        a re-sent sync changes nothing)."""
        at = rec.utc(at, "import time")
        rows = [rec.watchlist_row(entry) for entry in entries]
        with self._db.writing() as unit:
            session = unit.session
            self._db.operators.check(session, operator_id)
            ids = [row["uuid"] for row in rows]
            stored: set[uuid.UUID] = set()
            for start in range(0, len(ids), IN_CHUNK):
                stored.update(
                    session.execute(
                        select(watchlist_entry_t.c.uuid).where(
                            watchlist_entry_t.c.uuid.in_(ids[start : start + IN_CHUNK])
                        )
                    ).scalars()
                )
            fresh: list[dict[str, Any]] = []
            recorded_at = self._db.now()
            for row in rows:
                if row["uuid"] in stored:
                    continue
                stored.add(row["uuid"])
                row["operator_id"] = operator_id
                row["recorded_at"] = recorded_at
                rec.seal_pii(row, self._db.pii, row["uuid"])
                unit.seal(rec.WATCHLIST_ENTRY, row, rec.watchlist_fields)
                fresh.append(row)
            if not fresh:
                return 0
            session.execute(insert(watchlist_entry_t), fresh)
            sources = sorted({row["source"] for row in fresh if row["source"]})
            self._db.audit.append_in(
                unit,
                AuditAction.WATCHLIST_IMPORTED,
                f"{len(fresh)} entries" + (f" from {', '.join(sources)}" if sources else ""),
                at,
                operator_id,
            )
            return len(fresh)

    def watchlist_entries(self, at: datetime) -> list[WatchlistEntry]:
        """The entries in force at ``at`` (valid then and not ended by then), in the order added."""
        at = rec.utc(at, "time")
        w = watchlist_entry_t.c
        ended = select(watchlist_end_t.c.entry_id).where(watchlist_end_t.c.ended_at <= at)
        query = (
            select(watchlist_entry_t)
            .where(
                or_(w.valid_from.is_(None), w.valid_from <= at),
                or_(w.valid_until.is_(None), w.valid_until > at),
                w.uuid.not_in(ended),
            )
            .order_by(w.recorded_at, w.seq)
        )
        with self._db.reading() as session:
            return [
                rec.to_watchlist_entry(rec.open_pii(row, self._db.pii, row["uuid"]))
                for row in session.execute(query).mappings()
            ]

    def end_watchlist_entry(
        self, entry_id: uuid.UUID, at: datetime, operator_id: uuid.UUID | None, reason: str
    ) -> None:
        """End an entry from ``at`` on by appending an end record (the entry itself stays as it was)."""
        at = rec.utc(at, "end time")
        reason = rec.as_text(reason, "reason").strip()
        if not reason:
            raise InvalidRecordError("ending a watchlist entry needs a reason")
        with self._db.writing() as unit:
            session = unit.session
            self._db.operators.check(session, operator_id)
            found = session.execute(
                select(watchlist_entry_t.c.id).where(watchlist_entry_t.c.uuid == entry_id)
            ).first()
            if found is None:
                raise InvalidRecordError(f"no watchlist entry {entry_id}")
            ended = session.execute(
                select(watchlist_end_t.c.ended_at).where(watchlist_end_t.c.entry_id == entry_id)
            ).scalar_one_or_none()
            if ended is not None:
                raise InvalidRecordError(
                    f"watchlist entry {entry_id} was already ended at {ended.isoformat()}"
                )
            unit.append(
                rec.WATCHLIST_END,
                {"entry_id": entry_id, "ended_at": at, "reason": reason, "operator_id": operator_id},
            )
