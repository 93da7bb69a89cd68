"""Which records correct a passage: the later passages whose ``corrects`` names it.

Records are append-only (``domain/records.py``): a correction is a new passage pointing at the old one, so
"was this corrected, and by what" is a look-up by the ``corrects`` column (indexed), kept here beside the
database core rather than in it.
"""

from __future__ import annotations

import uuid

from sqlalchemy import Table, select

from checkpoint.domain.records import Passage
from checkpoint.storage._models import PassageRow
from checkpoint.storage.database import Database

_passage_t: Table = PassageRow.__table__  # type: ignore[assignment]


def corrections_of(db: Database, passage_id: uuid.UUID) -> list[Passage]:
    """This station's passages that correct ``passage_id``, oldest first (usually none or one)."""
    p = _passage_t.c
    query = select(p.seq).where(p.corrects == passage_id, p.station_id == db.station_id).order_by(p.seq)
    with db._reading() as session:
        keys = list(session.execute(query).scalars())
    return db.fetch_passages(keys) if keys else []
