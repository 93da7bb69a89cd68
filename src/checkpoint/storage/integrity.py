"""``db verify``: SQLite's integrity check and a walk over the station's whole chain, recomputing every hash.

The walk merges every chained kind's records (``chain.CHAINED_TABLES``) in seq order, a batch per kind at a
time, and names the first break: a record whose content no longer gives its hash (edited), a ``prev_hash``
that does not name the record before (inserted), a missing seq number (deleted). Runs of records a
retention purge removed are not gaps: the chained purge record lists them with the hashes on both sides
(``purge_gap``), and the walk goes on from the run's last hash.

The same merge, started after a given seq, gives the chained records in order (``Database.chained_records``):
what the district push will send.
"""

from __future__ import annotations

import heapq
import uuid
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from enum import StrEnum
from functools import partial
from typing import TYPE_CHECKING, Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from checkpoint.domain.chain import GENESIS, chain_hash
from checkpoint.storage import _records as rec
from checkpoint.storage._models import chain_head_t, purge_gap_t
from checkpoint.storage.chain import CHAINED_TABLES
from checkpoint.storage.errors import StorageError, StorageErrorKind
from checkpoint.storage.passages import children_of

if TYPE_CHECKING:
    from checkpoint.storage.database import Database

READ_BATCH = 1000  # records of one kind per round trip
_PROGRESS_EVERY = 5000  # records a verification walks between two progress reports


class ChainProblem(StrEnum):
    HASH_MISMATCH = "hash_mismatch"  # the record's content changed after it was written (row edited)
    LINK_MISMATCH = "link_mismatch"  # prev_hash does not name the record before it (row inserted)
    SEQ_GAP = "seq_gap"  # a sequence number is missing (row deleted)


@dataclass(frozen=True)
class ChainBreak:
    """The first place the chain breaks.

    ``seq`` is the broken record's number; for a gap it is the first missing number, and ``kind`` is
    ``""`` and ``uuid`` None because that record is gone. ``detail`` says more, for the technical log.
    """

    seq: int
    kind: str
    uuid: str | None
    problem: ChainProblem
    detail: str = ""


@dataclass(frozen=True)
class VerifyReport:
    integrity_ok: bool
    integrity_messages: list[str]
    records_checked: int
    first_break: ChainBreak | None

    @property
    def ok(self) -> bool:
        return self.integrity_ok and self.first_break is None


class Link(NamedTuple):
    """One chained record as the chain sees it: its place, its hashes and the fields its hash covers."""

    seq: int
    kind: str
    uuid: str
    prev_hash: str
    hash: str
    fields: dict[str, object] | None  # None: the stored content cannot even be read back


def walk(
    db: Database, session: Session, on_progress: Callable[[int, int], None] | None = None
) -> tuple[int, ChainBreak | None]:
    """Walk the station's whole chain in seq order, recomputing every hash: how many records were
    checked, and the first break (None: the chain is whole). See ``Database.verify``."""
    head = session.execute(
        select(chain_head_t.c.seq, chain_head_t.c.hash).where(chain_head_t.c.station_id == db.station_id)
    ).one()
    streams = [_stream(db, session, kind) for kind in CHAINED_TABLES]
    # Runs of seq numbers a retention purge removed (vouched for by its chained purge record): the
    # chain goes on from the run's last hash. A gap no purge recorded is still a deletion.
    gaps = {
        row.first_seq: row
        for row in session.execute(select(purge_gap_t).where(purge_gap_t.c.station_id == db.station_id))
    }
    expected, prev, checked = 1, GENESIS, 0
    last: Link | None = None
    if on_progress is not None:
        on_progress(0, head.seq)
    for link in heapq.merge(*streams, key=lambda item: item.seq):
        checked += 1
        if on_progress is not None and checked % _PROGRESS_EVERY == 0:
            on_progress(checked, head.seq)

        problem: ChainBreak | None = None
        while link.seq > expected and expected in gaps and gaps[expected].prev_hash == prev:
            expected, prev = gaps[expected].last_seq + 1, gaps[expected].hash
        if link.seq > expected:
            problem = ChainBreak(
                expected,
                "",
                None,
                ChainProblem.SEQ_GAP,
                f"records {expected}..{link.seq - 1} are missing; next is {link.kind} {link.uuid}",
            )
        elif link.seq < expected:
            problem = ChainBreak(
                link.seq,
                link.kind,
                link.uuid,
                ChainProblem.LINK_MISMATCH,
                f"a second record with seq {link.seq}, or one inside a purged run",
            )
        elif link.seq > head.seq:
            problem = ChainBreak(
                link.seq,
                link.kind,
                link.uuid,
                ChainProblem.LINK_MISMATCH,
                f"beyond the chain head {head.seq}",
            )
        elif link.prev_hash != prev:
            problem = ChainBreak(
                link.seq,
                link.kind,
                link.uuid,
                ChainProblem.LINK_MISMATCH,
                "prev_hash does not name the record before",
            )
        elif link.fields is None or chain_hash(link.prev_hash, link.kind, link.fields) != link.hash:
            problem = ChainBreak(
                link.seq,
                link.kind,
                link.uuid,
                ChainProblem.HASH_MISMATCH,
                "content differs from its hash",
            )
        if problem is not None:
            return checked, problem
        expected, prev, last = link.seq + 1, link.hash, link
    while head.seq >= expected and expected in gaps and gaps[expected].prev_hash == prev:
        expected, prev = gaps[expected].last_seq + 1, gaps[expected].hash
    if head.seq >= expected:
        return checked, ChainBreak(
            expected,
            "",
            None,
            ChainProblem.SEQ_GAP,
            f"the chain head is at {head.seq} but the records end at {expected - 1}",
        )
    if last is not None and head.hash != last.hash:
        return checked, ChainBreak(
            last.seq,
            last.kind,
            last.uuid,
            ChainProblem.HASH_MISMATCH,
            "the chain head names another hash",
        )
    return checked, None


def links(db: Database, session: Session, after: int = 0) -> Iterator[Link]:
    """The station's chained records with a seq above ``after``, in seq order (every kind merged)."""
    streams = [_stream(db, session, kind, after) for kind in CHAINED_TABLES]
    return heapq.merge(*streams, key=lambda item: item.seq)


def _open_person(db: Database, row: Mapping[Any, Any]) -> dict[str, Any]:
    return rec.open_pii(row, db.pii, rec.person_row_id(row["passage_uuid"], row["position"]))


def _plain_era(
    db: Database, row: Mapping[Any, Any], opener: Callable[[Mapping[Any, Any]], dict[str, Any]]
) -> Mapping[Any, Any]:
    """A row as its hash sees it: rows hashed over their plain ID number and phone (written before
    0006) are opened, and their keyed hash and mask must still belong to them; sealed-form rows are
    hashed over what is stored and need no key. Raises ``StorageError`` when they do not hold."""
    if row["pii_form"] != rec.PII_PLAIN_FORM:
        return row
    opened = opener(row)
    if not rec.legacy_pii_consistent(opened, db.pii):
        raise StorageError(StorageErrorKind.CORRUPT, "keyed hash or mask does not match")
    return opened


def _stream(db: Database, session: Session, kind: str, after: int = 0) -> Iterator[Link]:
    """One kind's records above seq ``after`` in seq order, read a batch at a time."""
    table = CHAINED_TABLES[kind]
    cursor: int | None = after or None
    while True:
        query = select(table).where(table.c.station_id == db.station_id)
        if cursor is not None:
            query = query.where(table.c.seq > cursor)
        rows = list(session.execute(query.order_by(table.c.seq).limit(READ_BATCH)).mappings())
        if not rows:
            return
        if kind == rec.PASSAGE:
            persons, vehicles = children_of(session, [row["uuid"] for row in rows])
        if kind == rec.PURGE:
            gaps: dict[uuid.UUID, list[Mapping[Any, Any]]] = {}
            for gap in session.execute(
                select(purge_gap_t).where(purge_gap_t.c.purge_uuid.in_([row["uuid"] for row in rows]))
            ).mappings():
                gaps.setdefault(gap["purge_uuid"], []).append(gap)
        for row in rows:
            fields: dict[str, object] | None
            try:
                if kind == rec.PASSAGE:
                    uid = row["uuid"]
                    children = [_plain_era(db, p, partial(_open_person, db)) for p in persons.get(uid, [])]
                    fields = rec.passage_fields(row, children, vehicles.get(uid))
                elif kind == rec.WATCHLIST_ENTRY:
                    opened = _plain_era(db, row, lambda r: rec.open_pii(r, db.pii, r["uuid"]))
                    fields = rec.watchlist_fields(opened)
                elif kind == rec.PURGE:
                    fields = rec.purge_fields(row, gaps.get(row["uuid"], []))
                else:
                    fields = rec.record_fields(kind, row)
            except (ValueError, TypeError, StorageError):  # e.g. a JSON column edited into garbage
                fields = None
            yield Link(row["seq"], kind, str(row["uuid"]), row["prev_hash"], row["hash"], fields)
        cursor = rows[-1]["seq"]
