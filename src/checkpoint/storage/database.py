"""The station's database: the core every storage manager builds on, on SQLite or PostgreSQL.

``open_database(url)`` opens (creating and migrating as needed, ``storage.engine``) and returns a
:class:`Database`. The core owns what every record needs and nothing about any one noun:

* the engine and the **units of work**: :meth:`Database.reading` gives a Session for one read;
  :meth:`Database.writing` gives a :class:`~checkpoint.storage.chain.WriteUnit`, one write transaction
  holding the station's chain head, through which records are appended (numbered, hashed, chained);
* the **personal-data cipher** (:attr:`Database.pii`, ``storage.pii``) that seals ID numbers, phones, names,
  households, payloads and free text;
* the **clock** (:meth:`Database.now`) that stamps ``recorded_at``;
* **verification** (:meth:`Database.verify`, ``storage.integrity``: the chain, anchors given from outside,
  the free-text index) and the free-text index's upkeep (:meth:`Database.rebuild_search_index`).

Each noun is a manager reached as an attribute, built on this public API only (after Anki's
``col.decks``): ``db.passages``, ``db.gates``, ``db.operators``, ``db.shifts``, ``db.audit``,
``db.passes``, ``db.watchlists``, ``db.residents``, ``db.retention``, ``db.anchors``. One module each.

It is safe to share between threads: each call uses its own Session, and writes are serialised by a lock
here and by the chain-head row in the database (``BEGIN IMMEDIATE`` on SQLite, ``SELECT ... FOR UPDATE``
elsewhere), so the sequence stays gapless even when two processes write to one SQLite file.

**The seam for the district sync** (DESIGN.md, "Many stations"). Sync is not built here; what it needs is:

* *up*: :meth:`Database.chained_records` gives this station's chained records after a seq, in seq order
  and in batches, each with its kind, uuid, ``prev_hash``, ``hash`` and exactly the fields its hash covers,
  so the server can check that a batch continues the chain. The station's cursor (what the server
  acknowledged) is for the sync to keep.
* *down*: a signed feed (watchlists, pass revocations, gate profiles) is applied atomically by calling the
  managers inside one ``with db.writing():`` block. Units nest on a thread: a manager call inside an
  open unit joins it, so everything commits together or, if anything raises, nothing does. (A nested call
  has no savepoint of its own: an exception inside the block must end the block.)

Every public method raises :class:`StorageError` for database trouble and :class:`InvalidRecordError` (a
``ValueError``) for input the records do not allow. Times go in timezone-aware and come back aware UTC.
"""

from __future__ import annotations

import itertools
import logging
import threading
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, NoReturn, cast

from sqlalchemy import ColumnElement, Engine, Table, TextClause, bindparam, insert, or_, select, text, update
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool

from checkpoint.domain.anchor import Anchor
from checkpoint.domain.chain import GENESIS
from checkpoint.domain.records import AuditAction
from checkpoint.storage import _records as rec
from checkpoint.storage import _sealed as sealed
from checkpoint.storage import fts, integrity, keys
from checkpoint.storage._models import (
    audit_t,
    chain_head_t,
    data_key_t,
    household_t,
    issued_pass_t,
    passage_t,
    person_check_t,
    resident_t,
    station_t,
    watchlist_entry_t,
)
from checkpoint.storage._types import PLAIN_NOTE_CONDITION, PLAIN_PII_CONDITION
from checkpoint.storage.anchors import AnchorManager
from checkpoint.storage.audit import AuditManager
from checkpoint.storage.chain import CHAINED_TABLES, WriteUnit
from checkpoint.storage.engine import BULK_OPTION, WRITE_OPTION, database_folder, migrated_engine
from checkpoint.storage.errors import DB_ERRORS, StorageError, StorageErrorKind, on_full_disk, translated
from checkpoint.storage.gates import GateManager
from checkpoint.storage.integrity import Link, VerifyReport
from checkpoint.storage.operators import OperatorManager
from checkpoint.storage.overrides import OverrideManager
from checkpoint.storage.passages import PassageManager
from checkpoint.storage.passes import PassManager
from checkpoint.storage.pii import MissingKeyCipher, PiiCipher, PiiKind, mask
from checkpoint.storage.residents import ResidentManager
from checkpoint.storage.retention import RetentionManager
from checkpoint.storage.shifts import ShiftManager
from checkpoint.storage.watchlists import WatchlistManager

_log = logging.getLogger(__name__)

_ANALYSIS_LIMIT = 400  # rows ANALYZE samples per index
_SEAL_BATCH = 2000  # plain-era rows sealed per transaction on open


def open_database(
    url: str,
    *,
    busy_timeout: float = 5.0,
    station_id: uuid.UUID | None = None,
    clock: Callable[[], datetime] | None = None,
    data_key: bytes | None = None,
    need_data_key: bool = True,
) -> Database:
    """Open the database at ``url`` (``sqlite:///path`` or ``postgresql://...``), migrating it to this
    program's schema. A new database gets its own station id (or ``station_id`` when given) and a
    ``database_created`` audit entry.

    ``data_key`` seals and opens ID numbers and phones (``storage.pii``); by default it is read from the
    keys folder, and made there (logged and audited) when missing and this database has never been sealed
    with one. A database sealed with a key that is missing or another one raises ``StorageError``
    (``DATA_KEY``) and nothing is written. Personal data an older schema stored in plain text (ID numbers
    and phones before 0006, names, households, code texts and notes before 0012) is sealed now.
    With ``need_data_key=False`` (``db verify``) a missing key is no error and no key is made: whatever
    needs it raises ``StorageError`` (``DATA_KEY``) when asked, and ``data_key_missing`` says so.

    ``busy_timeout`` (seconds) is how long a write waits for another writer before failing ``LOCKED``.
    ``clock`` gives ``recorded_at`` times (default: now, UTC).
    """
    folder = database_folder(url)
    try:
        engine = migrated_engine(url, busy_timeout)
    except StorageError as error:
        _raise_refined(error, folder)
    try:
        return Database(
            engine, url, station_id=station_id, clock=clock, data_key=data_key, need_data_key=need_data_key
        )
    except StorageError as error:
        engine.dispose()
        _raise_refined(error, folder)
    except BaseException:
        engine.dispose()
        raise


def _raise_refined(error: StorageError, folder: Path | None) -> NoReturn:
    """Raises ``error``, as DISK_FULL when it is an I/O error on a full disk (``errors.on_full_disk``)."""
    refined = on_full_disk(error, folder)
    if refined is error:
        raise error
    raise refined from error


class Database:
    """One station's records. Build it with :func:`open_database`; the nouns are its managers."""

    passages: PassageManager
    gates: GateManager
    operators: OperatorManager
    shifts: ShiftManager
    audit: AuditManager
    passes: PassManager
    watchlists: WatchlistManager
    residents: ResidentManager
    retention: RetentionManager
    overrides: OverrideManager
    anchors: AnchorManager

    def __init__(
        self,
        engine: Engine,
        url: str,
        *,
        station_id: uuid.UUID | None = None,
        clock: Callable[[], datetime] | None = None,
        data_key: bytes | None = None,
        need_data_key: bool = True,
    ) -> None:
        self._engine = engine
        self._write_engine = engine.execution_options(**{WRITE_OPTION: True})
        self._bulk_engine = engine.execution_options(**{WRITE_OPTION: True, BULK_OPTION: True})
        self._lock = threading.RLock()
        self._open_unit = threading.local()  # .unit: the write unit this thread is inside, if any
        self._clock = clock or (lambda: datetime.now(UTC))
        self._is_sqlite = engine.dialect.name == "sqlite"
        self._folder = database_folder(url)
        self.url = url
        self.passages = PassageManager(self)
        self.gates = GateManager(self)
        self.operators = OperatorManager(self)
        self.shifts = ShiftManager(self)
        self.audit = AuditManager(self)
        self.passes = PassManager(self)
        self.watchlists = WatchlistManager(self)
        self.residents = ResidentManager(self)
        self.retention = RetentionManager(self)
        self.overrides = OverrideManager(self)
        self.anchors = AnchorManager(self)
        self._pii = self._data_cipher(data_key, need_data_key)
        self.station_id = self._ensure_station(station_id)
        if not self.data_key_missing:
            self._seal_plain_rows()
        with self.reading() as session:
            self._has_fts = fts.has_index(session.connection())
            broken = fts.needs_repair(session.connection())
        if broken:  # a bulk load was cut off with the search index suspended
            with self._lock, self._write_engine.begin() as connection:
                fts.repair(connection)
        self.refresh_statistics()

    # -- what the managers build on ------------------------------------------------------------------

    @property
    def pii(self) -> PiiCipher:
        """The cipher that seals, opens, hashes and masks this database's personal data."""
        return self._pii

    @property
    def data_key_missing(self) -> bool:
        """Opened without its data key (``need_data_key=False``): sealed personal data cannot be opened."""
        return isinstance(self._pii, MissingKeyCipher)

    @property
    def data_key_problem(self) -> str:
        """Why the data key is not there (missing, unreadable, another deployment's); "" when it is."""
        return self._pii.reason if isinstance(self._pii, MissingKeyCipher) else ""

    @property
    def is_sqlite(self) -> bool:
        return self._is_sqlite

    @property
    def has_search_index(self) -> bool:
        """Whether the passages' free-text index is there (SQLite with FTS5 trigrams; see ``storage.fts``)."""
        return self._has_fts

    @property
    def reads_beside_writes(self) -> bool:
        """Whether a long read may run on another thread while the writer writes (a file under WAL, or a
        server); an in-memory SQLite database is one shared connection, so its reads must queue instead."""
        return not isinstance(self._engine.pool, StaticPool)

    def now(self) -> datetime:
        """The clock's time (aware UTC): what ``recorded_at`` says."""
        return rec.utc(self._clock(), "clock time")

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A Session for one read (errors become ``StorageError``)."""
        with translated(), Session(self._engine) as session:
            yield session

    @contextmanager
    def writing(self, *, bulk: bool = False) -> Iterator[WriteUnit]:
        """One write transaction with the station's chain head (see ``chain.WriteUnit``), committed as the
        block ends; nothing of it is stored if the block raises.

        Inside a unit already open on this thread, the inner block joins the outer unit (and ``bulk`` is
        the outer one's): how one district feed is applied atomically across managers. What a block reads
        should go through ``unit.session``: :meth:`reading` does not see the unit's uncommitted records.
        ``bulk`` (a bulk load) commits without waiting for the disk on SQLite.
        """
        joined: WriteUnit | None = getattr(self._open_unit, "unit", None)
        if joined is not None:
            yield joined
            return
        engine = self._bulk_engine if bulk else self._write_engine
        try:
            with self._lock, translated(), Session(engine) as session, session.begin():
                unit = WriteUnit.begin(session, self.station_id, self.now)
                self._open_unit.unit = unit
                try:
                    yield unit
                    unit.store()
                finally:
                    self._open_unit.unit = None
        except StorageError as error:
            _raise_refined(error, self._folder)

    def chained_records(self, after_seq: int = 0, limit: int | None = None) -> list[Link]:
        """This station's chained records with a seq above ``after_seq``, in seq order, at most ``limit``:
        each with its kind, uuid, ``prev_hash``, ``hash`` and the fields its hash covers (the sync's *up*).

        Records a retention purge removed are absent; their ``purge`` record (in the sequence) vouches for
        the run. For rows hashed before schema 0006 (0012) the fields hold the opened ID number and phone
        (name, household, code text, note...), as their hash does; what of those may travel is the sync's
        decision. Rows written since hold the sealed forms only.
        """
        with self.reading() as session:
            return list(itertools.islice(integrity.links(self, session, after_seq), limit))

    # -- the database as a whole ---------------------------------------------------------------------

    def close(self) -> None:
        self._engine.dispose()

    def refresh_statistics(self) -> None:
        """Refresh SQLite's planner statistics (sampled, milliseconds even on millions of rows).

        Without them SQLite walks the whole log in seq order for a plate or ID search instead of using
        the plate or ID index. Done at open and after bulk appends. Statistics are only a hint, so a
        failure (another writer holds the lock) is logged and otherwise ignored.
        """
        if not self.is_sqlite:
            return
        with self._lock:
            try:
                raw = self._engine.raw_connection()
                try:
                    cursor = raw.cursor()
                    cursor.execute(f"PRAGMA analysis_limit={_ANALYSIS_LIMIT}")
                    cursor.execute("ANALYZE")
                    cursor.close()
                finally:
                    raw.close()
            except DB_ERRORS as exc:
                _log.info("planner statistics not refreshed: %s", exc)

    @contextmanager
    def search_index_suspended(self) -> Iterator[None]:
        """For a bulk load: the free-text index is not kept in step row by row, and is rebuilt once at the
        end (also when the load fails; if the process dies, the next ``open_database`` rebuilds it)."""
        if not self._has_fts:
            yield
            return
        with self._lock, translated(), self._write_engine.begin() as connection:
            fts.suspend(connection)
        try:
            yield
        finally:
            with self._lock, translated(), self._write_engine.begin() as connection:
                fts.repair(connection)

    def latest_recorded_at(self) -> datetime | None:
        """When this station's newest record (any chained kind, by seq) was written; None when empty.

        One indexed look-up per record kind (station, seq), so it is cheap on millions of passages. The
        clock guard compares the system clock with it at start.
        """
        latest: tuple[int, datetime] | None = None
        with self.reading() as session:
            for table in CHAINED_TABLES.values():
                row = session.execute(
                    select(table.c.seq, table.c.recorded_at)
                    .where(table.c.station_id == self.station_id)
                    .order_by(table.c.seq.desc())
                    .limit(1)
                ).first()
                if row is not None and (latest is None or row[0] > latest[0]):
                    latest = (row[0], row[1])
        return latest[1] if latest is not None else None

    def verify(
        self, on_progress: Callable[[int, int], None] | None = None, anchors: Sequence[Anchor] = ()
    ) -> VerifyReport:
        """Integrity check (SQLite), a walk over the station's whole chain recomputing every hash, each of
        ``anchors`` against the log, and the free-text index against the records; all in one read
        transaction (the database as it was when the check began).

        ``on_progress(checked, head_seq)`` is called as the walk starts and every few thousand records;
        an exception it raises ends the verification (how a closing station stops a long one). Needs no
        data key: records whose hash covers plain personal data are counted as unchecked without it.
        """
        with self.reading() as session:
            messages: list[str] = []
            if self.is_sqlite:
                rows = session.connection().exec_driver_sql("PRAGMA integrity_check").all()
                messages = [str(row[0]) for row in rows]
            integrity_ok = messages in ([], ["ok"])
            walked = integrity.walk(self, session, on_progress)
            checked_anchors = integrity.check_anchors(self, session, anchors, walked.head_seq)
            index = fts.check_index(session.connection()) if self._has_fts else None
        return VerifyReport(
            integrity_ok,
            [] if integrity_ok else messages,
            walked.checked,
            walked.first_break,
            anchors=checked_anchors,
            search_index=index,
            unchecked_without_key=walked.unchecked_without_key,
            data_key=not self.data_key_missing,
            head_seq=walked.head_seq,
            head_hash=walked.head_hash,
            purged=walked.purged,
        )

    def rebuild_search_index(self, at: datetime, operator_id: uuid.UUID | None = None) -> int:
        """Rebuild the free-text index from the records, with an audit entry (``search_index_rebuilt``)
        in the same transaction; returns the index rows written. ``db verify`` names an index that no
        longer matches its records; this is the repair. Raises ``StorageError`` (``UNSUPPORTED``-free:
        a database without the index rebuilds nothing and says 0)."""
        at = rec.utc(at, "rebuild time")
        with self.writing() as unit:
            self.operators.check(unit.session, operator_id)
            rows = 0
            if self._has_fts:
                connection = unit.session.connection()
                fts.repair(connection)
                rows = int(connection.exec_driver_sql(f"SELECT count(*) FROM {fts.FTS_TABLE}").scalar_one())
            self.audit.append_in(
                unit, AuditAction.SEARCH_INDEX_REBUILT, f"search index rebuilt: {rows} rows", at, operator_id
            )
        return rows

    # -- opening: the station, its data key, personal data sealed since schema 0006 ----------------------

    def _ensure_station(self, wanted: uuid.UUID | None) -> uuid.UUID:
        query = select(station_t.c.uuid)
        query = query.where(station_t.c.uuid == wanted) if wanted else query.where(station_t.c.is_home)
        with self.reading() as session:  # the usual case: no write lock needed to open
            found = session.execute(query).scalar_one_or_none()
        if found is not None:
            return cast(uuid.UUID, found)
        with self._lock, translated(), Session(self._write_engine) as session, session.begin():
            found = session.execute(query).scalar_one_or_none()
            if found is not None:
                return cast(uuid.UUID, found)
            station = wanted or uuid.uuid4()
            has_home = session.execute(select(station_t.c.id).where(station_t.c.is_home)).first()
            now = self.now()
            session.execute(insert(station_t).values(uuid=station, created_at=now, is_home=has_home is None))
            session.execute(insert(chain_head_t).values(station_id=station, seq=0, hash=GENESIS))
            unit = WriteUnit(session, station, 0, GENESIS, self.now)
            values: dict[str, Any] = {
                "uuid": uuid.uuid4(),
                "recorded_at": now,
                "at": now,
                "action": AuditAction.DATABASE_CREATED.value,
                "operator_id": None,
                "detail": f"station {station}",
            }
            unit.seal(rec.AUDIT, values)
            session.execute(insert(audit_t).values(values))
            unit.store()
            return station

    def _data_cipher(self, data_key: bytes | None, need_data_key: bool = True) -> PiiCipher:
        """The cipher for this database's personal data (a key made here is logged by ``keys``); without
        ``need_data_key`` a missing, unreadable or wrong key gives a ``MissingKeyCipher`` instead."""
        try:
            return self._open_cipher(data_key, make=need_data_key)
        except StorageError as error:
            if need_data_key or error.kind is not StorageErrorKind.DATA_KEY:
                raise
            _log.warning("opened without the data key: %s", error)
            return MissingKeyCipher(error.detail)

    def _open_cipher(self, data_key: bytes | None, *, make: bool) -> PiiCipher:
        with self.reading() as session:
            known = list(session.execute(select(data_key_t.c.key_id)).scalars())
        if data_key is None:
            path = keys.data_key_path()
            try:
                data_key = keys.load_data_key()
            except keys.DataKeyMissingError as exc:
                if known or not make:
                    raise StorageError(
                        StorageErrorKind.DATA_KEY,
                        f"this database's data key is missing: restore {path} from your backup "
                        f"(key id {known[0]})"
                        if known
                        else f"no data key at {path}",
                    ) from exc
                try:
                    data_key = keys.create_data_key()
                except keys.KeyExistsError:  # another process made it meanwhile
                    data_key = self._load_key()
                except keys.KeyFileError as error:
                    raise StorageError(StorageErrorKind.DATA_KEY, str(error)) from error
            except keys.KeyFileError as exc:
                raise StorageError(StorageErrorKind.DATA_KEY, str(exc)) from exc
        try:
            cipher = PiiCipher(data_key)
        except ValueError as exc:
            raise StorageError(StorageErrorKind.DATA_KEY, str(exc)) from exc
        if known and cipher.key_id not in known:
            raise StorageError(
                StorageErrorKind.DATA_KEY,
                f"the data key given (key id {cipher.key_id}) is not this database's (key id "
                f"{', '.join(known)}): restore this database's {keys.DATA_KEY_FILE} from your backup",
            )
        if not known:
            with self._lock, translated(), Session(self._write_engine) as session, session.begin():
                if session.execute(select(data_key_t.c.key_id)).first() is None:
                    session.execute(insert(data_key_t).values(key_id=cipher.key_id, created_at=self.now()))
        return cipher

    @staticmethod
    def _load_key() -> bytes:
        try:
            return keys.load_data_key()
        except keys.KeyFileError as exc:
            raise StorageError(StorageErrorKind.DATA_KEY, str(exc)) from exc

    def _seal_plain_rows(self) -> None:
        """Seal personal data stored in plain text by an older schema (ID numbers and phones before 0006;
        names, households, code texts, notes, pass summaries and household details before 0012), a batch
        per transaction (an interrupted run resumes at the next open), then one audit entry saying how many.

        The one in-place change to stored records: ``pii_form``, and so every canonical form and hash,
        stays as it was (``_records``: such rows are verified by opening them with the key).
        """
        counts = {label: self._seal_table(table, kind, plain) for label, table, kind, plain in _LEGACY_TABLES}
        if not any(counts.values()):
            return
        if self.is_sqlite:  # the WAL still holds page images from before: write them back and empty it
            with self._lock, translated():
                raw = self._engine.raw_connection()
                try:
                    raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
                finally:
                    raw.close()
        detail = ", ".join(f"{count} {label}" for label, count in counts.items() if count or label in _ALWAYS)
        _log.warning("sealed the personal data of %s", detail)
        self.audit.append_audit(
            AuditAction.DATA_SEALED, f"{detail} (data key {self._pii.key_id})", self.now()
        )

    def _seal_table(self, table: Table, kind: str, plain: ColumnElement[bool] | TextClause) -> int:
        """Seal the plain-text rows of one table (see :meth:`_seal_plain_rows`); returns how many."""
        fields = _legacy_fields(kind)
        with self.reading() as session:  # the usual case: nothing to seal, and no write lock taken
            if session.execute(select(table.c.id).where(plain).limit(1)).first() is None:
                return 0
        keys = [table.c.passage_uuid, table.c.position] if kind == sealed.PERSON else [table.c.uuid]
        stored = [f"{field}_{part}" for field, (_, parts) in fields.items() for part in parts]
        columns = [*fields, *stored]
        statement = (
            update(table)
            .where(table.c.id == bindparam("row_pk"))
            .values({name: bindparam(f"new_{name}") for name in columns})
        )
        done = 0
        while True:
            with self._lock, translated(), Session(self._write_engine) as session, session.begin():
                rows = (
                    session.execute(
                        select(table.c.id, *keys, *(table.c[name] for name in columns))
                        .where(plain)
                        .limit(_SEAL_BATCH)
                    )
                    .mappings()
                    .all()
                )
                if not rows:
                    return done
                session.execute(statement, [self._sealed_row(kind, fields, row) for row in rows])
                done += len(rows)

    def _sealed_row(
        self, kind: str, fields: dict[str, tuple[PiiKind | None, tuple[str, ...]]], row: Any
    ) -> dict[str, Any]:
        """The update parameters that seal one row's plain fields (fields sealed before stay as stored)."""
        row_id = sealed.text_row_id(kind, row)
        params: dict[str, Any] = {"row_pk": row["id"]}
        for field, (pii_kind, parts) in fields.items():
            value = row[field]
            for part in parts:
                params[f"new_{field}_{part}"] = row[f"{field}_{part}"]
            params[f"new_{field}"] = ""
            if not value:
                continue
            params[f"new_{field}_sealed"] = self._pii.seal(value, row_id, field)
            if pii_kind is not None and "hmac" in parts:
                params[f"new_{field}_hmac"] = self._pii.keyed_hash(pii_kind, value)
            if pii_kind is not None and "masked" in parts:
                params[f"new_{field}_masked"] = mask(pii_kind, value)
        return params


_PII_SPEC = {field: (PiiKind(field), ("hmac", "masked", "sealed")) for field in sealed.PII_FIELDS}


def _legacy_fields(kind: str) -> dict[str, tuple[PiiKind | None, tuple[str, ...]]]:
    """The fields of ``kind`` an older schema may have left in plain text, with their stored parts."""
    with_pii = kind in (sealed.PERSON, rec.WATCHLIST_ENTRY)
    return {**(_PII_SPEC if with_pii else {}), **sealed.SEALED_TEXT[kind]}


def _plain(table: Table, kind: str) -> ColumnElement[bool]:
    return or_(*(table.c[field] != "" for field in _legacy_fields(kind)))


_ALWAYS = ("person checks", "watchlist entries")  # named in the audit entry even when none (as since 0006)
_LEGACY_TABLES: tuple[tuple[str, Table, str, ColumnElement[bool] | TextClause], ...] = (
    ("person checks", person_check_t, sealed.PERSON, text(PLAIN_PII_CONDITION)),  # partial indexes
    (
        "watchlist entries",
        watchlist_entry_t,
        rec.WATCHLIST_ENTRY,
        _plain(watchlist_entry_t, rec.WATCHLIST_ENTRY),
    ),
    ("passage notes", passage_t, rec.PASSAGE, text(PLAIN_NOTE_CONDITION)),
    ("residents", resident_t, rec.RESIDENT, _plain(resident_t, rec.RESIDENT)),
    ("households", household_t, rec.HOUSEHOLD, _plain(household_t, rec.HOUSEHOLD)),
    ("issued passes", issued_pass_t, rec.ISSUED_PASS, _plain(issued_pass_t, rec.ISSUED_PASS)),
)
