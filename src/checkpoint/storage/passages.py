"""Passages: each vehicle or pedestrian event with its person checks and vehicle, appended and read back.

A passage, its person checks and its vehicle are one chained record (the passage's hash covers its
children); ID numbers, phones, names, households, code texts and the note are sealed with the database's
cipher before they are stored (``_records`` and ``pii``); plates, times, outcomes, colours and
temperatures stay plain. Reads go by seq number (the log view's keys), by uuid, or stream a filter's
matches in batches; :mod:`checkpoint.storage.passage_filter` turns a filter into SQL.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from sqlalchemy import Select, Table, func, insert, select
from sqlalchemy.orm import Session

from checkpoint.domain.records import AuditAction, CodeKind, Passage, PassageDraft, PersonCheck
from checkpoint.storage import _records as rec
from checkpoint.storage import _sealed as sealed
from checkpoint.storage._models import chain_head_t, passage_t, person_check_t, vehicle_t
from checkpoint.storage.chain import IN_CHUNK, WriteUnit
from checkpoint.storage.errors import InvalidRecordError
from checkpoint.storage.passage_filter import PassageCount, PassageFilter, filter_conditions, seq_order
from checkpoint.storage.pii import PiiKind, normalise

if TYPE_CHECKING:
    from checkpoint.storage.database import Database

_READ_BATCH = 1000  # passages per round trip when streaming


class PassageManager:
    """This station's passages (``db.passages``)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def append_passage(self, draft: PassageDraft) -> Passage:
        """Record one passage in one transaction; it is on disk when this returns.

        Idempotent on ``draft.uuid``: sending the same draft again returns the stored passage.
        """
        with self._db.writing() as unit:
            inserted = self._insert_passages(unit, [draft])
            if inserted:
                row, persons, vehicle = inserted[0]
                note = sealed.open_text(rec.PASSAGE, row, self._db.pii, row["uuid"])
                return rec.to_passage(note, [self._person(p) for p in persons], vehicle)
        stored = self.passage(draft.uuid)
        if stored is None:  # another station's passage with this uuid, or removed meanwhile
            raise InvalidRecordError(
                f"passage {draft.uuid} exists but does not belong to station {self._db.station_id}"
            )
        return stored

    def append_correction(self, draft: PassageDraft, audit_detail: str, at: datetime) -> Passage:
        """A correction (``draft.corrects`` names the record it replaces, never edited) with its audit entry
        (``correction``, under the draft's operator, at ``at``), in one write unit: neither without the
        other. Refused when the record is already corrected (correct its correction instead)."""
        if draft.corrects is None:
            raise InvalidRecordError("a correction names the passage it corrects")
        at = rec.utc(at, "audit time")
        detail = rec.as_text(audit_detail, "audit detail")
        with self._db.writing() as unit:
            taken = unit.session.execute(
                select(passage_t.c.uuid).where(
                    passage_t.c.corrects == draft.corrects, passage_t.c.station_id == self._db.station_id
                )
            ).first()
            if taken is not None:
                raise InvalidRecordError(f"passage {draft.corrects} is already corrected by {taken.uuid}")
            inserted = self._insert_passages(unit, [draft])
            if not inserted:
                raise InvalidRecordError(f"passage {draft.uuid} is already on record")
            row, persons, vehicle = inserted[0]
            self._db.audit.append_in(unit, AuditAction.CORRECTION, detail, at, draft.operator_id)
            return rec.to_passage(row, [self._person(p) for p in persons], vehicle)

    def append_passages(
        self,
        drafts: Iterable[PassageDraft],
        batch: int = 5000,
        *,
        bulk: bool = False,
        refresh: bool = True,
    ) -> int:
        """Record many passages, one transaction per ``batch``; returns how many were new.

        Drafts already stored are skipped. An invalid draft raises InvalidRecordError; the batches before its
        batch stay stored. ``bulk`` (demo data, loading history) commits without waiting for the disk on
        SQLite: a power cut may lose the last batches, never corrupt or unchain the rest. ``refresh=False``
        leaves the planner statistics for the caller to refresh once at the end of a long load.
        """
        if batch < 1:
            raise InvalidRecordError("batch must be at least 1")
        total = 0
        pending: list[PassageDraft] = []
        for draft in drafts:
            pending.append(draft)
            if len(pending) >= batch:
                total += self._append_batch(pending, bulk)
                pending = []
        if pending:
            total += self._append_batch(pending, bulk)
        if total and refresh:
            self._db.refresh_statistics()
        return total

    def _append_batch(self, drafts: Sequence[PassageDraft], bulk: bool) -> int:
        with self._db.writing(bulk=bulk) as unit:
            return len(self._insert_passages(unit, drafts, raw=bulk and self._db.is_sqlite))

    def _insert_passages(
        self, unit: WriteUnit, drafts: Sequence[PassageDraft], raw: bool = False
    ) -> list[tuple[dict[str, Any], list[dict[str, Any]], dict[str, Any] | None]]:
        session = unit.session
        uuids = [d.uuid for d in drafts]
        stored: set[uuid.UUID] = set()
        for start in range(0, len(uuids), IN_CHUNK):
            chunk = uuids[start : start + IN_CHUNK]
            stored.update(
                session.execute(select(passage_t.c.uuid).where(passage_t.c.uuid.in_(chunk))).scalars()
            )
        built: list[tuple[dict[str, Any], list[dict[str, Any]], dict[str, Any] | None]] = []
        in_batch: set[uuid.UUID] = set()
        recorded_at = self._db.now()
        for draft in drafts:
            if draft.uuid in stored or draft.uuid in in_batch:
                continue
            row, persons, vehicle = rec.passage_rows(draft)
            self._check_references(session, draft, in_batch)
            row["uuid"] = draft.uuid
            row["recorded_at"] = recorded_at
            sealed.seal_text(rec.PASSAGE, row, self._db.pii, draft.uuid)
            for person in persons:
                person_id = sealed.person_row_id(draft.uuid, person["position"])
                sealed.seal_pii(person, self._db.pii, person_id)
                sealed.seal_text(sealed.PERSON, person, self._db.pii, person_id)
            unit.seal(rec.PASSAGE, row, partial(rec.passage_fields, persons=persons, vehicle=vehicle))
            built.append((row, persons, vehicle))
            in_batch.add(draft.uuid)
        if built:
            store = partial(_insert_raw, session) if raw else (lambda t, r: session.execute(insert(t), r))
            store(passage_t, [b[0] for b in built])
            people = [p for b in built for p in b[1]]
            if people:
                store(person_check_t, people)
            vehicles = [b[2] for b in built if b[2] is not None]
            if vehicles:
                store(vehicle_t, vehicles)
        return built

    def _check_references(self, session: Session, draft: PassageDraft, in_batch: set[uuid.UUID]) -> None:
        if not self._db.gates.exists(session, draft.gate_id):
            raise InvalidRecordError(f"passage {draft.uuid}: no gate {draft.gate_id}")
        if not self._db.operators.exists(session, draft.operator_id):
            raise InvalidRecordError(f"passage {draft.uuid}: no operator {draft.operator_id}")
        if draft.shift_id is not None and not self._db.shifts.exists(session, draft.shift_id):
            raise InvalidRecordError(f"passage {draft.uuid}: no shift {draft.shift_id}")
        if draft.corrects is not None and draft.corrects not in in_batch:
            found = session.execute(select(passage_t.c.id).where(passage_t.c.uuid == draft.corrects)).first()
            if found is None:
                raise InvalidRecordError(
                    f"passage {draft.uuid} corrects {draft.corrects}, which is not on record"
                )

    def passage(self, passage_id: uuid.UUID) -> Passage | None:
        """One of this station's passages by uuid."""
        with self._db.reading() as session:
            rows = session.execute(
                select(passage_t).where(
                    passage_t.c.uuid == passage_id, passage_t.c.station_id == self._db.station_id
                )
            ).mappings()
            found = self.complete(session, list(rows))
        return found[0] if found else None

    def corrections_of(self, passage_id: uuid.UUID) -> list[Passage]:
        """This station's passages whose ``corrects`` names ``passage_id`` (the records that correct it),
        oldest first: usually none or one. Records are append-only, so "was it corrected, and by what" is
        this look-up by the indexed ``corrects`` column."""
        p = passage_t.c
        query = select(p.seq).where(p.corrects == passage_id, p.station_id == self._db.station_id)
        with self._db.reading() as session:
            keys = list(session.execute(query.order_by(p.seq)).scalars())
        return self.fetch_passages(keys) if keys else []

    def fetch_passages(self, keys: Sequence[int]) -> list[Passage]:
        """The passages with these seq numbers, in the order given (numbers not on record are skipped)."""
        found: dict[int, Passage] = {}
        wanted = list(dict.fromkeys(keys))
        with self._db.reading() as session:
            for start in range(0, len(wanted), IN_CHUNK):
                chunk = wanted[start : start + IN_CHUNK]
                rows = session.execute(
                    select(passage_t).where(
                        passage_t.c.station_id == self._db.station_id, passage_t.c.seq.in_(chunk)
                    )
                ).mappings()
                for passage in self.complete(session, list(rows)):
                    found[passage.seq] = passage
        return [found[k] for k in keys if k in found]

    def iter_passages(
        self, f: PassageFilter, oldest_first: bool = True, *, personal_data: bool = True
    ) -> Iterator[Passage]:
        """Stream the matching passages in seq order, a batch per round trip (for exports).

        Passages appended after the iteration started are not included. Without ``personal_data`` the
        persons' ID numbers and phones are their masked forms, their households and code texts "", and only
        names and notes are decrypted (a report that never shows the rest reads a long window faster).
        """
        conditions = filter_conditions(self._db, f)
        with self._db.reading() as session:
            top = session.execute(
                select(chain_head_t.c.seq).where(chain_head_t.c.station_id == self._db.station_id)
            ).scalar_one()
        cursor = 0 if oldest_first else top + 1
        if f.since is not None or f.until is not None:
            # Start at the window's first (last) seq, found by the time index: otherwise the first page
            # walks the seq index from the very start of a long log to the window.
            p = passage_t.c
            window = [p.station_id == self._db.station_id]
            if f.since is not None:
                window.append(p.at >= f.since)
            if f.until is not None:
                window.append(p.at < f.until)
            edge = func.min(p.seq) if oldest_first else func.max(p.seq)
            with self._db.reading() as session:
                found = session.execute(select(edge).where(*window)).scalar_one_or_none()
            if found is None:
                return
            cursor = found - 1 if oldest_first else found + 1
        seq = seq_order(f)  # the paging bounds too: an indexable seq range would win the plan
        while True:
            page = seq > cursor if oldest_first else seq < cursor
            query = (
                select(passage_t)
                .where(*conditions, page, seq <= top)
                .order_by(seq if oldest_first else seq.desc())
                .limit(_READ_BATCH)
            )
            with self._db.reading() as session:
                batch = self.complete(session, session.execute(query).mappings().all(), personal_data)
            if not batch:
                return
            yield from batch
            cursor = batch[-1].seq

    def passage_keys(
        self, f: PassageFilter, *, up_to: int | None = None, limit: int | None = None
    ) -> list[int]:
        """The matching passages' seq numbers, newest first; with ``up_to``, only those at or below it;
        with ``limit``, at most that many (the newest)."""
        seq = seq_order(f)
        query = select(passage_t.c.seq).where(*filter_conditions(self._db, f)).order_by(seq.desc())
        if up_to is not None:
            query = query.where(seq <= up_to)
        if limit is not None:
            query = query.limit(limit)
        with self._db.reading() as session:
            # Plain integers straight from the driver, not a SQLAlchemy row each.
            return [row[0] for row in session.execute(query).cursor.fetchall()]  # type: ignore[attr-defined]

    def passage_key_page(
        self,
        f: PassageFilter,
        *,
        up_to: int,
        below: int | None = None,
        above: int | None = None,
        skip: int = 0,
        limit: int,
    ) -> list[int]:
        """A page of the matching passages' seq numbers at or below ``up_to``, read by walking the
        (station, seq) index from a known seq: with ``below``, the newest ones under it, newest first;
        with ``above``, the oldest ones over it, oldest first (neither: from the oldest). ``skip``
        passes over that many matches first, so a page far from a known one costs one index walk.

        Meant for large results (a good share of the log): every filter condition is checked on the
        walked rows, so a rare match costs a long walk; small results load all their keys instead.
        """
        if below is not None and above is not None:
            raise ValueError("a key page is read below a seq or above one, not both")
        seq = passage_t.c.seq
        newest_first = below is not None
        # One upper bound only: given "seq <= up_to AND seq < below", SQLite seeks to the first and
        # tests the second on every entry on the way down (a page deep in the log cost 0.15 s).
        bounds = [seq < min(below, up_to + 1)] if below is not None else [seq <= up_to]
        if above is not None:
            bounds.append(seq > above)
        query = (
            select(seq)
            .where(*filter_conditions(self._db, f, walk=True), *bounds)
            .order_by(seq.desc() if newest_first else seq)
            .limit(limit)
            .offset(skip)
        )
        with self._db.reading() as session:
            return [row[0] for row in session.execute(query).cursor.fetchall()]  # type: ignore[attr-defined]

    def count_passages(self, f: PassageFilter) -> int:
        query = select(func.count()).select_from(passage_t).where(*filter_conditions(self._db, f))
        with self._db.reading() as session:
            return int(session.execute(query).scalar_one())

    def _newest_passage_seq(self) -> Select[Any]:
        p = passage_t
        return select(func.coalesce(func.max(p.c.seq), 0)).where(p.c.station_id == self._db.station_id)

    def newest_passage_seq(self) -> int:
        """This station's newest passage seq (0 when none): one index look-up."""
        with self._db.reading() as session:
            return int(session.execute(self._newest_passage_seq()).scalar_one())

    def passage_count_snapshot(self, f: PassageFilter) -> PassageCount:
        """How many passages match, with this station's newest passage seq and the time span of its
        passages, read together in one statement (one snapshot): the count is of the matching passages
        at or below that seq.

        The count is what a large log view opens with (``passage_key_page`` then reads what is shown);
        it reads one index and never a row, so it stays quick on millions of passages.
        """
        p = passage_t
        station = p.c.station_id == self._db.station_id
        newest = self._newest_passage_seq()
        first_at = select(func.min(p.c.at)).where(station)
        last_at = select(func.max(p.c.at)).where(station)
        count = select(func.count()).select_from(p).where(*filter_conditions(self._db, f))
        query = select(*(q.scalar_subquery() for q in (count, newest, first_at, last_at)))
        with self._db.reading() as session:
            row = session.execute(query).one()
        first, last = (None if v is None else rec.utc(v, "passage time") for v in (row[2], row[3]))
        return PassageCount(int(row[0]), int(row[1]), first, last)

    def code_seen_in_shift(self, code_text: str, shift_id: uuid.UUID) -> datetime | None:
        """When a passage of this shift last recorded a person check with exactly this code text, if any.

        The gate's duplicate-token warning ("scanned before at HH:MM"). The code text is stored sealed, so
        its keyed hash is compared; the shift index narrows the search to one shift's passages, so that
        comparison needs no index of its own.
        """
        code_text = rec.as_text(code_text, "code text")
        if not code_text:
            return None
        p = passage_t
        wanted = self._db.pii.keyed_hash(PiiKind.PAYLOAD, code_text)  # the code text is stored sealed
        query = select(func.max(p.c.at)).where(
            p.c.station_id == self._db.station_id,
            p.c.shift_id == shift_id,
            p.c.uuid.in_(
                select(person_check_t.c.passage_uuid).where(person_check_t.c.code_text_hmac == wanted)
            ),
        )
        with self._db.reading() as session:
            found = session.execute(query).scalar_one_or_none()
        return rec.utc(found, "passage time") if found is not None else None

    def codes_in_shift(self, shift_id: uuid.UUID, kind: CodeKind) -> list[tuple[str, str, datetime]]:
        """Every code of ``kind`` recorded in the shift: its text, the pass id recorded with it ("" unless
        a station pass whose signature held) and the passage's time, oldest first. What the gate compares
        a signed code with: one signed code can be written as many texts (``signed_content_id``)."""
        kind = rec.as_enum(CodeKind, kind, "code kind")
        p, pc = passage_t, person_check_t
        query = (
            select(
                pc.c.passage_uuid, pc.c.position, pc.c.code_text, pc.c.code_text_sealed, pc.c.pass_id, p.c.at
            )
            .join(p, p.c.uuid == pc.c.passage_uuid)
            .where(
                p.c.station_id == self._db.station_id, p.c.shift_id == shift_id, pc.c.code_kind == kind.value
            )
            .order_by(p.c.seq)
        )
        with self._db.reading() as session:
            rows = session.execute(query).mappings().all()
        found = []
        for row in rows:  # code texts are stored sealed: one shift's codes of one kind are opened
            row_id = sealed.person_row_id(row["passage_uuid"], row["position"])
            text = sealed.open_text(sealed.PERSON, row, self._db.pii, row_id, only=("code_text",))[
                "code_text"
            ]
            found.append((text, row["pass_id"], rec.utc(row["at"], "passage time")))
        return found

    def person_seen_in_shift(
        self, shift_id: uuid.UUID, *, id_number: str = "", phone: str = ""
    ) -> datetime | None:
        """When a passage of this shift last recorded a person with this ID number (or, without one, this
        phone), if any: the gate's "this person passed already" warning. Compares keyed hashes (indexed);
        the plain values are never stored."""
        id_number = rec.as_text(id_number, "ID number")
        phone = rec.as_text(phone, "phone")
        if normalise(PiiKind.ID_NUMBER, id_number):
            wanted = person_check_t.c.id_number_hmac == self._db.pii.keyed_hash(PiiKind.ID_NUMBER, id_number)
        elif normalise(PiiKind.PHONE, phone):
            wanted = person_check_t.c.phone_hmac == self._db.pii.keyed_hash(PiiKind.PHONE, phone)
        else:
            return None
        p = passage_t
        query = select(func.max(p.c.at)).where(
            p.c.station_id == self._db.station_id,
            p.c.shift_id == shift_id,
            p.c.uuid.in_(select(person_check_t.c.passage_uuid).where(wanted)),
        )
        with self._db.reading() as session:
            found = session.execute(query).scalar_one_or_none()
        return rec.utc(found, "passage time") if found is not None else None

    def complete(
        self, session: Session, rows: Sequence[Mapping[Any, Any]], personal_data: bool = True
    ) -> list[Passage]:
        """Stored passages with their person checks and vehicle (read in ``session``); without
        ``personal_data`` the persons' ID numbers and phones stay masked, households and code texts ""."""
        persons, vehicles = children_of(session, [row["uuid"] for row in rows])
        return [
            rec.to_passage(
                sealed.open_text(rec.PASSAGE, row, self._db.pii, row["uuid"]),
                [self._person(p, personal_data) for p in persons.get(row["uuid"], [])],
                vehicles.get(row["uuid"]),
            )
            for row in rows
        ]

    def _person(self, row: Mapping[Any, Any], personal_data: bool = True) -> PersonCheck:
        """A stored person check, its name, household and code text opened; without ``personal_data`` only
        its name is opened (the household and code text stay "") and its ID number and phone stay masked."""
        row_id = sealed.person_row_id(row["passage_uuid"], row["position"])
        if personal_data:
            opened = sealed.open_text(sealed.PERSON, row, self._db.pii, row_id)
            return rec.to_person(opened, *sealed.opened_pii(row, self._db.pii, row_id))
        opened = sealed.open_text(sealed.PERSON, row, self._db.pii, row_id, only=("name",))
        return rec.to_person(opened, *sealed.masked_pii(row))


def children_of(
    session: Session, passage_uuids: Sequence[uuid.UUID]
) -> tuple[dict[uuid.UUID, list[Mapping[Any, Any]]], dict[uuid.UUID, Mapping[Any, Any]]]:
    """The person-check rows (in position order) and vehicle rows of these passages, by passage uuid."""
    persons: dict[uuid.UUID, list[Mapping[Any, Any]]] = {}
    vehicles: dict[uuid.UUID, Mapping[Any, Any]] = {}
    for start in range(0, len(passage_uuids), IN_CHUNK):
        chunk = passage_uuids[start : start + IN_CHUNK]
        for person in (
            session.execute(
                select(person_check_t)
                .where(person_check_t.c.passage_uuid.in_(chunk))
                .order_by(person_check_t.c.passage_uuid, person_check_t.c.position)
            )
            .mappings()
            .all()
        ):  # all(): one fetch, not a round through the result per row
            persons.setdefault(person["passage_uuid"], []).append(person)
        for vehicle in (
            session.execute(select(vehicle_t).where(vehicle_t.c.passage_uuid.in_(chunk))).mappings().all()
        ):
            vehicles[vehicle["passage_uuid"]] = vehicle
    return persons, vehicles


def _sqlite_value(value: object) -> object:
    """A value as SQLAlchemy's SQLite types store it (``UUIDText``, ``UTCDateTime``, ``Boolean``)."""
    kind = type(value)
    if kind is str or kind is int or kind is float or value is None:
        return value
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, datetime):
        return value.astimezone(UTC).replace(tzinfo=None).isoformat(sep=" ", timespec="microseconds")
    if isinstance(value, bool):
        return int(value)
    return value


def _insert_raw(session: Session, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """A bulk load's SQLite insert: one driver ``executemany`` with the values converted as the ORM types
    would (a test compares the stored rows with the normal path's), without SQLAlchemy's per-row work."""
    columns = list(rows[0])
    statement = f"INSERT INTO {table.name} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    session.connection().exec_driver_sql(
        statement, [tuple(_sqlite_value(row[c]) for c in columns) for row in rows]
    )
