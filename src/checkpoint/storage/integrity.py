"""``db verify``: SQLite's integrity check and a walk over the station's whole chain, recomputing every hash.

The walk merges every chained kind's records (``chain.CHAINED_TABLES``) in seq order, a batch per kind at a
time, and names the first break: a record whose content no longer gives its hash (edited), a ``prev_hash``
that does not name the record before (inserted), a missing seq number (deleted). Runs of records a
retention purge removed are not gaps: the chained purge record lists them with the hashes on both sides
(``purge_gap``, in its hash), and the walk goes on from the run's last hash. A ``purge_gap`` row counts
only when a purge record of this station, later in the chain and not itself inside a purged run, owns it,
and that purge's count and last hash agree with its runs; any other gap row is a break
(``UNVOUCHED_GAP``): a row slipped into ``purge_gap`` cannot excuse a deletion.

The walk needs no data key except for records hashed over plain ID numbers and phones (written before
schema 0006): without the key those are counted as not checked, their links still are.

Then the anchors (``domain.anchor``) given to ``verify``: each names a seq and the hash that record had
when a sheet was made; the walk has proved the chain up to the head, so the record stored at that seq (or
the purged run it ends) must still have that hash (:func:`check_anchors`).

The same merge, started after a given seq, gives the chained records in order (``Database.chained_records``):
what the district push will send.
"""

from __future__ import annotations

import heapq
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import partial
from typing import TYPE_CHECKING, Any, NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from checkpoint.domain.anchor import Anchor
from checkpoint.domain.chain import GENESIS, chain_hash
from checkpoint.storage import _records as rec
from checkpoint.storage._models import chain_head_t, purge_gap_t, purge_t
from checkpoint.storage.chain import CHAINED_TABLES
from checkpoint.storage.errors import StorageError, StorageErrorKind
from checkpoint.storage.fts import IndexCheck
from checkpoint.storage.passages import children_of

if TYPE_CHECKING:
    from checkpoint.storage.database import Database

READ_BATCH = 1000  # records of one kind per round trip
_PROGRESS_EVERY = 5000  # records a verification walks between two progress reports


class ChainProblem(StrEnum):
    HASH_MISMATCH = "hash_mismatch"  # the record's content changed after it was written (row edited)
    LINK_MISMATCH = "link_mismatch"  # prev_hash does not name the record before it (row inserted)
    SEQ_GAP = "seq_gap"  # a sequence number is missing (row deleted)
    UNVOUCHED_GAP = "unvouched_gap"  # a purged run no chained purge record accounts for (gap row forged)


class AnchorStatus(StrEnum):
    OK = "ok"  # the log holds the anchored record with the anchored hash
    MISMATCH = "mismatch"  # the record at that seq has another hash (rewritten, or renumbered)
    MISSING = "missing"  # no record at that seq (a cut tail, or deleted)
    PURGED = "purged"  # inside a purged run, not at its end: no hash left to match
    OTHER_STATION = "other_station"  # the anchor names another station


@dataclass(frozen=True)
class AnchorCheck:
    """One anchor checked against the log: ``found`` is the hash the log holds at its seq ("" for none)."""

    anchor: Anchor
    status: AnchorStatus
    found: str = ""
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.status is AnchorStatus.OK


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
    """What ``Database.verify`` found. ``ok`` needs every part whole: the file, the chain, every anchor
    and the search index (None: the database has none, e.g. PostgreSQL).

    ``unchecked_without_key`` counts records whose hash covers plain personal data (written before
    schema 0006) that could not be recomputed because the data key was missing; ``head_seq`` and
    ``head_hash`` are the chain head the walk ended on; ``purged`` the records retention purges removed.
    """

    integrity_ok: bool
    integrity_messages: list[str]
    records_checked: int
    first_break: ChainBreak | None
    anchors: tuple[AnchorCheck, ...] = ()
    search_index: IndexCheck | None = None
    unchecked_without_key: int = 0
    data_key: bool = True
    head_seq: int = 0
    head_hash: str = ""
    purged: int = 0

    @property
    def anchors_ok(self) -> bool:
        return all(check.ok for check in self.anchors)

    @property
    def ok(self) -> bool:
        index_ok = self.search_index is None or self.search_index.ok
        return self.integrity_ok and self.first_break is None and self.anchors_ok and index_ok


class Link(NamedTuple):
    """One chained record as the chain sees it: its place, its hashes and the fields its hash covers."""

    seq: int
    kind: str
    uuid: str
    prev_hash: str
    hash: str
    fields: dict[str, object] | None  # None: the stored content cannot even be read back
    needs_key: bool = False  # fields None because they hold sealed plain-era data and the key is missing


class _Run(NamedTuple):
    """A purged run the walk steps over: from ``prev_hash`` (before its first record) to ``hash``."""

    first_seq: int
    last_seq: int
    prev_hash: str
    hash: str


class WalkResult(NamedTuple):
    checked: int
    first_break: ChainBreak | None
    head_seq: int
    head_hash: str
    unchecked_without_key: int
    purged: int


def walk(db: Database, session: Session, on_progress: Callable[[int, int], None] | None = None) -> WalkResult:
    """Walk the station's whole chain in seq order, recomputing every hash: how many records were
    checked, and the first break (None: the chain is whole). See ``Database.verify``."""
    head = session.execute(
        select(chain_head_t.c.seq, chain_head_t.c.hash).where(chain_head_t.c.station_id == db.station_id)
    ).one()
    streams = [_stream(db, session, kind) for kind in CHAINED_TABLES]
    # Runs of seq numbers a retention purge removed, vouched for by its chained purge record: the chain
    # goes on from the run's last hash. A gap no purge vouches for is still a deletion.
    gaps, unvouched = _vouched_gaps(db, session, head.seq)
    expected, prev, checked, unchecked, purged = 1, GENESIS, 0, 0, 0
    last: Link | None = None
    if on_progress is not None:
        on_progress(0, head.seq)

    def result(problem: ChainBreak | None) -> WalkResult:
        if problem is not None and problem.problem is ChainProblem.SEQ_GAP and problem.seq in unvouched:
            problem = unvouched[problem.seq]
        if problem is None and unvouched:  # a forged gap row where the records are still there
            problem = unvouched[min(unvouched)]
        return WalkResult(checked, problem, head.seq, head.hash, unchecked, purged)

    for link in heapq.merge(*streams, key=lambda item: item.seq):
        checked += 1
        if on_progress is not None and checked % _PROGRESS_EVERY == 0:
            on_progress(checked, head.seq)

        problem: ChainBreak | None = None
        while link.seq > expected and expected in gaps and gaps[expected].prev_hash == prev:
            gap = gaps[expected]
            purged += gap.last_seq - gap.first_seq + 1
            expected, prev = gap.last_seq + 1, gap.hash
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
        elif link.needs_key:
            unchecked += 1  # its link is checked; its content needs the data key
        elif link.fields is None or chain_hash(link.prev_hash, link.kind, link.fields) != link.hash:
            problem = ChainBreak(
                link.seq,
                link.kind,
                link.uuid,
                ChainProblem.HASH_MISMATCH,
                "content differs from its hash",
            )
        elif link.kind == rec.PURGE:
            problem = _purge_problem(link)
        if problem is not None:
            return result(problem)
        expected, prev, last = link.seq + 1, link.hash, link
    while head.seq >= expected and expected in gaps and gaps[expected].prev_hash == prev:
        gap = gaps[expected]
        purged += gap.last_seq - gap.first_seq + 1
        expected, prev = gap.last_seq + 1, gap.hash
    if head.seq >= expected:
        return result(
            ChainBreak(
                expected,
                "",
                None,
                ChainProblem.SEQ_GAP,
                f"the chain head is at {head.seq} but the records end at {expected - 1}",
            )
        )
    if last is not None and head.hash != last.hash:
        return result(
            ChainBreak(
                last.seq,
                last.kind,
                last.uuid,
                ChainProblem.HASH_MISMATCH,
                "the chain head names another hash",
            )
        )
    return result(None)


def _vouched_gaps(
    db: Database, session: Session, head_seq: int
) -> tuple[dict[int, _Run], dict[int, ChainBreak]]:
    """The station's purged runs by first seq, and the gap rows no purge vouches for, as breaks.

    A run is vouched for by the purge record that owns it (``purge_uuid``) when that purge is this
    station's, comes after the run and by the head, and is not itself inside a purged run; the walk then
    recomputes the purge's hash over its runs (``rec.purge_fields``), so an edited, added or moved run
    breaks that purge. Purge records are few (one per purged day): they are read at once.
    """
    purges = {
        row.uuid: row.seq
        for row in session.execute(
            select(purge_t.c.uuid, purge_t.c.seq).where(purge_t.c.station_id == db.station_id)
        )
    }
    g = purge_gap_t.c
    query = select(purge_gap_t).where(g.station_id == db.station_id).order_by(g.first_seq)
    rows = list(session.execute(query).mappings())
    inside = {seq for seq in purges.values() if any(r["first_seq"] <= seq <= r["last_seq"] for r in rows)}
    gaps: dict[int, _Run] = {}
    unvouched: dict[int, ChainBreak] = {}
    for row in rows:
        owner = purges.get(row["purge_uuid"])
        why = ""
        if owner is None:
            why = f"no purge record {row['purge_uuid']} of this station owns the purged run"
        elif owner <= row["last_seq"] or owner > head_seq:
            why = f"its purge record #{owner} is not after the run, or beyond the chain head"
        elif owner in inside:
            why = f"its purge record #{owner} lies inside a purged run itself"
        elif row["first_seq"] > row["last_seq"] or row["first_seq"] < 1:
            why = "the run is empty"
        if why:
            unvouched[row["first_seq"]] = ChainBreak(
                row["first_seq"],
                "purge_gap",
                None,
                ChainProblem.UNVOUCHED_GAP,
                f"records {row['first_seq']}..{row['last_seq']} are missing: {why}",
            )
        else:
            gaps[row["first_seq"]] = _Run(row["first_seq"], row["last_seq"], row["prev_hash"], row["hash"])
    return gaps, unvouched


def _purge_problem(link: Link) -> ChainBreak | None:
    """A purge record whose count or last hash does not agree with the runs its hash covers."""
    assert link.fields is not None
    runs = link.fields.get("gaps")
    if not isinstance(runs, list) or not runs:
        detail = "it names no purged run"
    else:
        count = sum(int(last) - int(first) + 1 for first, last, _prev, _hash in runs)
        if count != link.fields.get("passages"):
            detail = f"it says {link.fields.get('passages')} passages went, its runs hold {count} records"
        elif runs[-1][3] != link.fields.get("last_hash"):
            detail = "its last removed hash is not its last run's"
        else:
            return None
    return ChainBreak(link.seq, link.kind, link.uuid, ChainProblem.UNVOUCHED_GAP, detail)


def check_anchors(
    db: Database, session: Session, anchors: Sequence[Anchor], head_seq: int
) -> tuple[AnchorCheck, ...]:
    """Each anchor against the log: the hash stored at its seq (or at the end of the purged run it ends).

    Meaningful once the walk found the chain whole up to ``head_seq``: the stored hashes are then the
    chain's. One indexed look-up per table and anchor.
    """
    return tuple(_check_anchor(db, session, anchor, head_seq) for anchor in anchors)


def _check_anchor(db: Database, session: Session, anchor: Anchor, head_seq: int) -> AnchorCheck:
    if anchor.station_id is not None and anchor.station_id != db.station_id:
        return AnchorCheck(
            anchor, AnchorStatus.OTHER_STATION, detail=f"this database is station {db.station_id}"
        )
    if anchor.seq > head_seq:
        return AnchorCheck(anchor, AnchorStatus.MISSING, detail=f"the log ends at record #{head_seq}")
    for kind, table in CHAINED_TABLES.items():
        found = session.execute(
            select(table.c.hash).where(table.c.station_id == db.station_id, table.c.seq == anchor.seq)
        ).scalar_one_or_none()
        if found is not None:
            status = AnchorStatus.OK if anchor.matches(found) else AnchorStatus.MISMATCH
            return AnchorCheck(anchor, status, found, f"record #{anchor.seq} is a {kind}")
    gap = session.execute(
        select(purge_gap_t.c.last_seq, purge_gap_t.c.hash).where(
            purge_gap_t.c.station_id == db.station_id,
            purge_gap_t.c.first_seq <= anchor.seq,
            purge_gap_t.c.last_seq >= anchor.seq,
        )
    ).first()
    if gap is None:
        return AnchorCheck(anchor, AnchorStatus.MISSING, detail=f"no record #{anchor.seq}")
    if gap.last_seq == anchor.seq:
        status = AnchorStatus.OK if anchor.matches(gap.hash) else AnchorStatus.MISMATCH
        detail = f"record #{anchor.seq} was purged; its run keeps its hash"
        return AnchorCheck(anchor, status, gap.hash, detail)
    return AnchorCheck(
        anchor,
        AnchorStatus.PURGED,
        detail=f"record #{anchor.seq} is inside a purged run: the station never purges an anchored record",
    )


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
            needs_key = False
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
            except StorageError as error:  # personal data that does not open, or no key to open it
                fields, needs_key = None, error.kind is StorageErrorKind.DATA_KEY
            except (ValueError, TypeError):  # e.g. a JSON column edited into garbage
                fields = None
            yield Link(row["seq"], kind, str(row["uuid"]), row["prev_hash"], row["hash"], fields, needs_key)
        cursor = rows[-1]["seq"]
