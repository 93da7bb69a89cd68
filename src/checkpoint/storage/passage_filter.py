"""Which passages a query wants (:class:`PassageFilter`), as SQL conditions written for SQLite's planner.

The log is millions of passages, so how a condition is spelled decides which index drives a query: a
condition written ``+table.column`` (:func:`unindexed`) cannot use an index, which steers SQLite to the one
index that should (a search term's hits, the plate or ID index, the (station, seq) walk of a large page).
The plan tests (``tests/query_plans.py``) pin these choices down.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, NamedTuple

from sqlalchemy import ColumnElement, Integer, exists, func, literal_column, or_, select, text

from checkpoint.domain.masking import WHOLE_NUMBER_MIN
from checkpoint.domain.residents import household_code
from checkpoint.storage import _records as rec
from checkpoint.storage import fts
from checkpoint.storage._models import passage_t, person_check_t, vehicle_t
from checkpoint.storage._types import FLAGGED_CONDITION
from checkpoint.storage.pii import PiiKind, normalise

if TYPE_CHECKING:
    from checkpoint.storage.database import Database


@dataclass(frozen=True)
class PassageFilter:
    """Which passages a query returns. All given conditions must hold.

    ``since``/``until`` bound the passage time as ``since <= at < until``. ``text`` is a case-insensitive
    substring of the plate, or a person's whole name, household code, ID number or phone (never a fragment
    of those: they are personal data, stored sealed and matched exactly through their keyed hashes; the
    note is sealed and not searched). ``plate``, ``id_number``, ``phone`` and ``name`` are exact matches
    that use indexes (tracing; ID number, phone and name through their keyed hashes, so case, spaces,
    separators and, for names, zero-width characters and traditional characters do not matter); the plate
    is compared upper-cased without surrounding spaces. ``flagged`` keeps only passages with a person check
    that carries any flag (degraded mode: typed ID numbers, no phone, platform down) for the later re-check.
    """

    since: datetime | None = None
    until: datetime | None = None
    text: str = ""
    shift_id: uuid.UUID | None = None
    gate_id: uuid.UUID | None = None
    plate: str = ""
    id_number: str = ""
    phone: str = ""
    name: str = ""
    flagged: bool = False

    @property
    def searches(self) -> bool:
        """Whether it looks for something (text, plate, person, flag, shift) rather than only bounding a
        time window or a gate: a search usually finds few passages, a window may be the whole log."""
        return bool(
            self.text.strip()
            or self.plate.strip()
            or self.id_number.strip()
            or self.phone.strip()
            or self.name.strip()
            or self.flagged
            or self.shift_id is not None
        )


class PassageCount(NamedTuple):
    """A filter's count with what the log held when it was taken (``db.passages.passage_count_snapshot``)."""

    matching: int
    newest_seq: int  # 0: no passage at all
    first_at: datetime | None  # the earliest and latest passage times on record (None: no passage)
    last_at: datetime | None


def unindexed(column: Any, when: bool = True) -> Any:
    """``column`` written ``+table.column`` (SQLite: no index can serve a condition on it) when ``when``,
    else the column itself: how a query is steered to the one index that should drive it."""
    if not when:
        return column
    return literal_column(f"+{column.table.name}.{column.name}", type_=column.type)


def filter_conditions(db: Database, f: PassageFilter, *, walk: bool = False) -> list[ColumnElement[bool]]:
    """The filter as conditions on ``passage``. With ``walk`` (SQLite) every condition is written so
    that no index can serve it (``+column``): the query must walk the (station, seq) index, which is
    what a page of a large result wants (``passage_key_page``)."""
    p = passage_t
    walk = walk and db.is_sqlite
    # With a search term on the index, the station and the time bounds are written ``+passage.at``
    # (not indexable) so SQLite drives the query from the index hits, whatever its statistics say,
    # never from a window that may span the whole log.
    searching = db.has_search_index and len(f.text.strip()) >= fts.MIN_FRAGMENT
    station = unindexed(p.c.station_id, searching and not walk)
    conditions: list[ColumnElement[bool]] = [station == db.station_id]
    at = unindexed(p.c.at, walk or searching)
    uuid_column = unindexed(p.c.uuid, walk)
    shift_column = unindexed(p.c.shift_id, walk)
    if f.since is not None:
        rec.require_aware(f.since, "since")
        conditions.append(at >= f.since)
    if f.until is not None:
        rec.require_aware(f.until, "until")
        conditions.append(at < f.until)
    if f.shift_id is not None:
        conditions.append(shift_column == f.shift_id)
    if f.gate_id is not None:
        conditions.append(p.c.gate_id == f.gate_id)
    if f.plate.strip():
        plate = f.plate.strip().upper()
        conditions.append(uuid_column.in_(select(vehicle_t.c.passage_uuid).where(vehicle_t.c.plate == plate)))
    for column, wanted in (
        (person_check_t.c.id_number_hmac, db.pii.keyed_hash(PiiKind.ID_NUMBER, f.id_number)),
        (person_check_t.c.phone_hmac, db.pii.keyed_hash(PiiKind.PHONE, f.phone)),
        (person_check_t.c.name_hmac, db.pii.keyed_hash(PiiKind.NAME, f.name)),
    ):
        if wanted:
            conditions.append(uuid_column.in_(select(person_check_t.c.passage_uuid).where(column == wanted)))
    if f.flagged:
        # spelled exactly as the partial index's condition, so SQLite reads that small index alone
        conditions.append(
            uuid_column.in_(select(person_check_t.c.passage_uuid).where(text(FLAGGED_CONDITION)))
        )
    needle = f.text.strip()
    if needle:
        conditions.append(_text_condition(db, needle, uuid_column, walk=walk))
    return conditions


def _text_condition(db: Database, needle: str, uuid_column: Any, *, walk: bool) -> ColumnElement[bool]:
    """The free-text filter: a substring of a plate, or a person's whole name, household code, ID number
    or phone (compared exactly through their keyed hashes, by index: personal data is stored sealed and
    never substring-searched or indexed as text).

    With the FTS5 trigram index (SQLite, see ``storage.fts``) a plate fragment of three characters or more
    is looked up in the index; shorter fragments, and PostgreSQL, use a ``LIKE`` scan of the plates
    (bounded by the other conditions, e.g. the log view's time window).
    """
    p = passage_t
    person = person_check_t.c
    keyed = [
        (person.id_number_hmac, PiiKind.ID_NUMBER, WHOLE_NUMBER_MIN),
        (person.phone_hmac, PiiKind.PHONE, WHOLE_NUMBER_MIN),
        (person.name_hmac, PiiKind.NAME, 1),
    ]
    if household_code(needle):  # only what can be a household code: "3-2-501", "3栋2单元501"
        keyed.append((person.household_hmac, PiiKind.HOUSEHOLD, 1))
    whole = [
        select(person.passage_uuid).where(column == db.pii.keyed_hash(kind, needle))
        for column, kind, shortest in keyed
        if len(normalise(kind, needle)) >= shortest
    ]
    exact = [uuid_column.in_(query) for query in whole]
    if db.has_search_index and len(needle) >= fts.MIN_FRAGMENT:
        hits = text(
            f"SELECT passage_id FROM {fts.FTS_TABLE} WHERE {fts.FTS_TABLE} MATCH :fts_phrase"
        ).bindparams(fts_phrase=fts.match_phrase(needle))
        id_column = unindexed(p.c.id, walk)
        # Only indexable alternatives (no constant "OR 0 = 1"): SQLite then reads the few hits by
        # rowid (and uuid) instead of walking all of the station's passages to test each one.
        found = id_column.in_(hits.columns(passage_id=Integer()))
        return or_(found, *exact) if exact else found
    lowered = needle.lower()
    escaped = lowered.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    pattern = f"%{escaped}%"
    vehicle_hit = exists().where(
        vehicle_t.c.passage_uuid == p.c.uuid, func.lower(vehicle_t.c.plate).like(pattern, escape="\\")
    )
    return or_(vehicle_hit, *exact)


def seq_order(f: PassageFilter) -> Any:
    """The seq column to order by. With a narrowing condition (a time window, a plate, a search...)
    it is written ``+passage.seq`` so SQLite cannot walk the seq index to avoid a sort: it would scan
    millions of rows for a window at the log's end. It uses the narrowing index and sorts the few."""
    narrowed = f.searches or f.since is not None or f.until is not None
    return unindexed(passage_t.c.seq, narrowed)
