"""The station's hash chain: where each chained record kind is stored, and the write unit that appends.

Every chained record takes the station's next sequence number (one sequence shared by all kinds), the hash
of the record before it (``prev_hash``) and its own hash, ``domain.chain.chain_hash`` over the fields
``_records`` lists for its kind. The head of the chain (the last seq and hash) is a row of its own: a
:class:`WriteUnit` reads it, locked, when its transaction begins and stores it when it commits, so the
records one unit appends are consecutive and the sequence has no gaps even with two writing processes.
Units are made by ``Database.writing()``; the managers append through them and never write the head.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import Table, insert, select, update
from sqlalchemy.orm import Session

from checkpoint.domain.chain import chain_hash
from checkpoint.storage import _records as rec
from checkpoint.storage._models import (
    audit_t,
    chain_head_t,
    gate_profile_t,
    gate_t,
    household_t,
    issued_pass_t,
    operator_pin_t,
    operator_recovery_t,
    operator_status_t,
    operator_t,
    pass_revocation_t,
    passage_override_t,
    passage_summary_t,
    passage_t,
    purge_t,
    resident_t,
    shift_close_t,
    shift_detail_t,
    shift_reconciliation_t,
    shift_t,
    watchlist_end_t,
    watchlist_entry_t,
)

IN_CHUNK = 900
"""Bound parameters per ``IN (...)`` list, below SQLite's old 999 limit."""

CHAINED_TABLES: dict[str, Table] = {
    rec.GATE: gate_t,
    rec.GATE_PROFILE: gate_profile_t,
    rec.OPERATOR: operator_t,
    rec.SHIFT: shift_t,
    rec.SHIFT_CLOSE: shift_close_t,
    rec.PASSAGE: passage_t,
    rec.AUDIT: audit_t,
    rec.ISSUED_PASS: issued_pass_t,
    rec.PASS_REVOCATION: pass_revocation_t,
    rec.WATCHLIST_ENTRY: watchlist_entry_t,
    rec.WATCHLIST_END: watchlist_end_t,
    rec.SHIFT_DETAIL: shift_detail_t,
    rec.SHIFT_RECONCILIATION: shift_reconciliation_t,
    rec.HOUSEHOLD: household_t,
    rec.RESIDENT: resident_t,
    rec.OPERATOR_PIN: operator_pin_t,
    rec.OPERATOR_STATUS: operator_status_t,
    rec.OPERATOR_RECOVERY: operator_recovery_t,
    rec.PURGE: purge_t,
    rec.PASSAGE_SUMMARY: passage_summary_t,
    rec.PASSAGE_OVERRIDE: passage_override_t,  # since 0010: storage.overrides
}
"""Every chained record kind and its table: what ``verify`` walks and ``latest_recorded_at`` looks at."""


class WriteUnit:
    """One write transaction: its Session and the station's chain head as the records appended move it.

    ``append`` stores one record of a kind in its table; ``seal`` only numbers and hashes a row's values,
    for a caller that inserts many rows in one statement (passages, imports) or hashes more than the
    row's own fields (a passage with its person checks, a purge with its gaps).
    """

    def __init__(
        self, session: Session, station_id: uuid.UUID, seq: int, head: str, now: Callable[[], datetime]
    ) -> None:
        self.session = session
        self.station_id = station_id
        self.seq = seq
        self.head = head
        self._now = now

    @classmethod
    def begin(cls, session: Session, station_id: uuid.UUID, now: Callable[[], datetime]) -> WriteUnit:
        """A unit on ``session`` from the stored chain head (its row locked until the transaction ends)."""
        row = session.execute(
            select(chain_head_t.c.seq, chain_head_t.c.hash)
            .where(chain_head_t.c.station_id == station_id)
            .with_for_update()
        ).one()
        return cls(session, station_id, row.seq, row.hash, now)

    def seal(
        self,
        kind: str,
        values: dict[str, Any],
        fields_of: Callable[[dict[str, Any]], Mapping[str, object]] | None = None,
    ) -> None:
        """Give ``values`` the next seq, the previous hash and its own hash (over ``fields_of(values)``)."""
        values["seq"] = self.seq + 1
        values["station_id"] = self.station_id
        values["prev_hash"] = self.head
        hashed = fields_of(values) if fields_of is not None else rec.record_fields(kind, values)
        values["hash"] = chain_hash(self.head, kind, hashed)
        self.seq += 1
        self.head = values["hash"]

    def append(self, kind: str, values: dict[str, Any]) -> dict[str, Any]:
        """Store one record of ``kind`` (a new uuid unless ``values`` has one; ``recorded_at`` now), chained;
        returns its values as stored."""
        values.setdefault("uuid", uuid.uuid4())
        values["recorded_at"] = self._now()
        self.seal(kind, values)
        self.session.execute(insert(CHAINED_TABLES[kind]).values(values))
        return values

    def store(self) -> None:
        """Write the head back (the database does this as the unit commits)."""
        self.session.execute(
            update(chain_head_t)
            .where(chain_head_t.c.station_id == self.station_id)
            .values(seq=self.seq, hash=self.head)
        )


def is_recorded(
    session: Session, table: Table, key: uuid.UUID, station_id: uuid.UUID, known: set[uuid.UUID]
) -> bool:
    """Whether the station has the record ``key`` in ``table``; ``known`` caches the ones found (records of
    these kinds are never removed, so a found one stays found)."""
    if key in known:
        return True
    found = session.execute(
        select(table.c.id).where(table.c.uuid == key, table.c.station_id == station_id)
    ).first()
    if found is not None:
        known.add(key)
    return found is not None
