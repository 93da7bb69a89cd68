"""The station's database: append-only records in a per-station hash chain, on SQLite or PostgreSQL.

``open_database(url)`` opens (creating and migrating as needed) and returns a :class:`Database`. It is safe
to share between threads: each call uses its own Session, and writes are serialised by a lock here and by
the chain-head row in the database (``BEGIN IMMEDIATE`` on SQLite, ``SELECT ... FOR UPDATE`` elsewhere), so
the sequence stays gapless even when two processes write to one SQLite file.

Every public method raises :class:`StorageError` for database trouble and :class:`InvalidRecordError` (a
``ValueError``) for input the records do not allow. Times go in timezone-aware and come back aware UTC.
"""

from __future__ import annotations

import heapq
import json
import logging
import os
import sqlite3
import threading
import uuid
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from functools import partial
from pathlib import Path
from typing import Any, NamedTuple, cast

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import (
    ColumnElement,
    Engine,
    Integer,
    Select,
    Table,
    bindparam,
    create_engine,
    event,
    exists,
    func,
    insert,
    inspect,
    literal_column,
    or_,
    select,
    text,
    union,
    update,
)
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session
from sqlalchemy.pool import StaticPool

from checkpoint.domain.chain import GENESIS, chain_hash
from checkpoint.domain.masking import WHOLE_NUMBER_MIN
from checkpoint.domain.records import (
    AuditAction,
    AuditEntry,
    Direction,
    Gate,
    Operator,
    Outcome,
    Passage,
    PassageDraft,
    PersonCheck,
    Role,
    Shift,
)
from checkpoint.domain.watchlist import WatchlistEntry
from checkpoint.storage import _records as rec
from checkpoint.storage import fts, keys
from checkpoint.storage._models import (
    FLAGGED_CONDITION,
    PLAIN_PII_CONDITION,
    AuditRow,
    ChainHeadRow,
    DataKeyRow,
    GateProfileRow,
    GateRow,
    HouseholdRow,
    IssuedPassRow,
    OperatorRow,
    PassageRow,
    PassageSummaryRow,
    PassRevocationRow,
    PersonCheckRow,
    PurgeGapRow,
    PurgeRow,
    ResidentRow,
    ShiftCloseRow,
    ShiftDetailRow,
    ShiftReconciliationRow,
    ShiftRow,
    StationRow,
    VehicleRow,
    WatchlistEndRow,
    WatchlistEntryRow,
)
from checkpoint.storage.errors import (
    InvalidRecordError,
    StorageError,
    StorageErrorKind,
    storage_error,
)
from checkpoint.storage.operators import OperatorStore, operator_pin_t, operator_status_t
from checkpoint.storage.pii import PiiCipher, PiiKind, normalise

__all__ = [
    "ChainBreak",
    "ChainProblem",
    "Database",
    "InvalidRecordError",
    "IssuedPass",
    "PassUse",
    "PassageFilter",
    "StorageError",
    "StorageErrorKind",
    "VerifyReport",
    "open_database",
]

_log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

_WRITE_OPTION = "checkpoint_write"  # execution option: this transaction writes (SQLite: BEGIN IMMEDIATE)
_BULK_OPTION = "checkpoint_bulk"  # execution option: a bulk load (SQLite: no fsync per commit)
_IN_CHUNK = 900  # bound parameters per IN (...) list, below SQLite's old 999 limit
_READ_BATCH = 1000  # passages per round trip when streaming
_PROGRESS_EVERY = 5000  # records a verification walks between two progress reports
_ANALYSIS_LIMIT = 400  # rows ANALYZE samples per index
_CACHE_KIB = 32 * 1024  # SQLite page cache per connection: random-uuid indexes need room as the log grows
_BULK_CACHE_KIB = 1024 * 1024  # a bulk load's connection (it keeps this larger cache afterwards)

_station_t: Table = StationRow.__table__  # type: ignore[assignment]
_head_t: Table = ChainHeadRow.__table__  # type: ignore[assignment]
_gate_t: Table = GateRow.__table__  # type: ignore[assignment]
_gate_profile_t: Table = GateProfileRow.__table__  # type: ignore[assignment]
_operator_t: Table = OperatorRow.__table__  # type: ignore[assignment]
_shift_t: Table = ShiftRow.__table__  # type: ignore[assignment]
_close_t: Table = ShiftCloseRow.__table__  # type: ignore[assignment]
_passage_t: Table = PassageRow.__table__  # type: ignore[assignment]
_person_t: Table = PersonCheckRow.__table__  # type: ignore[assignment]
_vehicle_t: Table = VehicleRow.__table__  # type: ignore[assignment]
_audit_t: Table = AuditRow.__table__  # type: ignore[assignment]
_issued_t: Table = IssuedPassRow.__table__  # type: ignore[assignment]
_revocation_t: Table = PassRevocationRow.__table__  # type: ignore[assignment]
_watch_t: Table = WatchlistEntryRow.__table__  # type: ignore[assignment]
_watch_end_t: Table = WatchlistEndRow.__table__  # type: ignore[assignment]
_shift_detail_t: Table = ShiftDetailRow.__table__  # type: ignore[assignment]
_shift_reconciliation_t: Table = ShiftReconciliationRow.__table__  # type: ignore[assignment]
_household_t: Table = HouseholdRow.__table__  # type: ignore[assignment]
_resident_t: Table = ResidentRow.__table__  # type: ignore[assignment]
_data_key_t: Table = DataKeyRow.__table__  # type: ignore[assignment]
_SEAL_BATCH = 2000  # plain-era person checks sealed per transaction on open
_purge_t: Table = PurgeRow.__table__  # type: ignore[assignment]
_gap_t: Table = PurgeGapRow.__table__  # type: ignore[assignment]
_summary_t: Table = PassageSummaryRow.__table__  # type: ignore[assignment]

_CHAINED_TABLES: dict[str, Table] = {
    rec.GATE: _gate_t,
    rec.GATE_PROFILE: _gate_profile_t,
    rec.OPERATOR: _operator_t,
    rec.SHIFT: _shift_t,
    rec.SHIFT_CLOSE: _close_t,
    rec.PASSAGE: _passage_t,
    rec.AUDIT: _audit_t,
    rec.ISSUED_PASS: _issued_t,
    rec.PASS_REVOCATION: _revocation_t,
    rec.WATCHLIST_ENTRY: _watch_t,
    rec.WATCHLIST_END: _watch_end_t,
    rec.SHIFT_DETAIL: _shift_detail_t,
    rec.SHIFT_RECONCILIATION: _shift_reconciliation_t,
    rec.HOUSEHOLD: _household_t,  # the residents registry: written by storage.residents
    rec.RESIDENT: _resident_t,
    rec.OPERATOR_PIN: operator_pin_t,
    rec.OPERATOR_STATUS: operator_status_t,
    rec.PURGE: _purge_t,
    rec.PASSAGE_SUMMARY: _summary_t,
}


# --- public value types -----------------------------------------------------------------------------


@dataclass(frozen=True)
class PassageFilter:
    """Which passages a query returns. All given conditions must hold.

    ``since``/``until`` bound the passage time as ``since <= at < until``. ``text`` is a case-insensitive
    substring of the plate, a person's name or the note, or a whole ID number or phone (never a fragment
    of those: they are personal data, stored sealed and matched exactly through their keyed hashes).
    ``plate``, ``id_number``, ``phone`` and ``name`` are exact matches that use indexes (tracing; ID number
    and phone through their keyed hashes, so case, spaces and separators do not matter); the plate is
    compared upper-cased without surrounding spaces. ``flagged`` keeps only passages with a person check
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
    """A filter's count with what the log held when it was taken (``Database.passage_count_snapshot``)."""

    matching: int
    newest_seq: int  # 0: no passage at all
    first_at: datetime | None  # the earliest and latest passage times on record (None: no passage)
    last_at: datetime | None


@dataclass(frozen=True)
class PassUse:
    """One passage in which a person showed a given pass (or belonged to a given household)."""

    at: datetime
    direction: Direction
    passage_uuid: uuid.UUID
    outcome: Outcome


@dataclass(frozen=True)
class IssuedPass:
    """A pass in the registry of issued passes, with its revocation when there is one."""

    pass_id: str
    kind: str
    summary: str
    household: str
    at: datetime
    operator_id: uuid.UUID | None
    revoked_at: datetime | None = None
    revocation_reason: str = ""


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


# --- errors -----------------------------------------------------------------------------------------

_DB_ERRORS = (sa_exc.SQLAlchemyError, sqlite3.Error)


@contextmanager
def _translated() -> Iterator[None]:
    """Turn driver and SQLAlchemy errors into :class:`StorageError`; let InvalidRecordError through."""
    try:
        yield
    except StorageError:
        raise
    except _DB_ERRORS as exc:
        raise storage_error(exc) from exc


# --- opening ----------------------------------------------------------------------------------------


def _alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    return config


def _prepare_sqlite_folder(database: str) -> None:
    folder = Path(database).expanduser().resolve().parent
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StorageError(
            StorageErrorKind.UNWRITABLE_FOLDER, f"cannot create the folder {folder}: {exc}"
        ) from exc
    if not os.access(folder, os.W_OK | os.X_OK):
        raise StorageError(StorageErrorKind.UNWRITABLE_FOLDER, f"cannot write in the folder {folder}")


def _sqlite_engine(url: str, database: str | None, busy_timeout: float) -> Engine:
    in_memory = not database or database == ":memory:"
    engine = create_engine(
        url,
        connect_args={"timeout": busy_timeout, "check_same_thread": False},
        poolclass=StaticPool if in_memory else None,
    )
    busy_ms = max(0, int(busy_timeout * 1000))

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        # We issue BEGIN ourselves (below): pysqlite's implicit transactions are not what we want.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA synchronous=FULL")
            # freed space is zeroed: plain ID numbers sealed on open (and purged rows) leave no trace
            cursor.execute("PRAGMA secure_delete=ON")
            cursor.execute(f"PRAGMA busy_timeout={busy_ms}")
            cursor.execute(f"PRAGMA cache_size=-{_CACHE_KIB}")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection: Any) -> None:
        options = connection.get_execution_options()
        writing = options.get(_WRITE_OPTION, False)
        if writing:
            # A bulk load (demo data, imports of history) trades durability of its last batches for
            # speed; every other write syncs before it returns. Set per transaction: connections are
            # pooled, so a bulk setting must not outlive its load.
            bulk = options.get(_BULK_OPTION, False)
            connection.exec_driver_sql("PRAGMA synchronous=OFF" if bulk else "PRAGMA synchronous=FULL")
            if bulk:  # the random-uuid indexes of millions of rows: keep them in memory while loading
                connection.exec_driver_sql(f"PRAGMA cache_size=-{_BULK_CACHE_KIB}")
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")

    return engine


def schema_head() -> str:
    """The newest schema revision this program knows (what ``open_database`` migrates to)."""
    heads = ScriptDirectory.from_config(_alembic_config()).get_heads()
    assert len(heads) == 1, heads
    return heads[0]


def _check_schema(engine: Engine, config: Config) -> bool:
    """Whether the schema needs migrating; refuses a newer or foreign database without touching it."""
    script = ScriptDirectory.from_config(config)
    known = {revision.revision for revision in script.walk_revisions()}
    with engine.connect() as connection:
        current = set(MigrationContext.configure(connection).get_current_heads())
        tables = set(inspect(connection).get_table_names()) - {"alembic_version"}
    unknown = current - known
    if unknown:
        raise StorageError(
            StorageErrorKind.NEWER_SCHEMA,
            f"schema revision {', '.join(sorted(unknown))} is newer than this program knows "
            f"(it knows up to {', '.join(script.get_heads())})",
        )
    if not current and tables:
        raise StorageError(
            StorageErrorKind.CORRUPT,
            f"not a Checkpoint Station database: it has tables ({', '.join(sorted(tables)[:5])}) "
            "but no schema version",
        )
    return current != set(script.get_heads())


def _enable_wal(engine: Engine) -> None:
    raw = engine.raw_connection()
    try:
        cursor = raw.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        row = cursor.fetchone()
        cursor.close()
    finally:
        raw.close()
    mode = str(row[0]).lower() if row else ""
    if mode not in ("wal", "memory"):
        raise StorageError(StorageErrorKind.OTHER, f"could not switch the journal to WAL (got {mode!r})")


def open_database(
    url: str,
    *,
    busy_timeout: float = 5.0,
    station_id: uuid.UUID | None = None,
    clock: Callable[[], datetime] | None = None,
    data_key: bytes | None = None,
) -> Database:
    """Open the database at ``url`` (``sqlite:///path`` or ``postgresql://...``), migrating it to this
    program's schema. A new database gets its own station id (or ``station_id`` when given) and a
    ``database_created`` audit entry.

    ``data_key`` seals and opens ID numbers and phones (``storage.pii``); by default it is read from the
    keys folder, and made there (logged and audited) when missing and this database has never been sealed
    with one. A database sealed with a key that is missing or another one raises ``StorageError``
    (``DATA_KEY``) and nothing is written. ID numbers and phones stored before schema 0006 are sealed now.

    ``busy_timeout`` (seconds) is how long a write waits for another writer before failing ``LOCKED``.
    ``clock`` gives ``recorded_at`` times (default: now, UTC).
    """
    try:
        parsed = make_url(url)
    except sa_exc.ArgumentError as exc:
        raise InvalidRecordError(f"not a database URL: {url!r}") from exc
    is_sqlite = parsed.get_backend_name() == "sqlite"
    file_db = is_sqlite and bool(parsed.database) and parsed.database != ":memory:"
    if file_db:
        assert parsed.database is not None
        _prepare_sqlite_folder(parsed.database)
    with _translated():
        try:
            engine = _sqlite_engine(url, parsed.database, busy_timeout) if is_sqlite else create_engine(url)
        except ModuleNotFoundError as exc:
            raise StorageError(StorageErrorKind.OTHER, f"no driver for {parsed.drivername}: {exc}") from exc
    try:
        with _translated():
            config = _alembic_config()
            needs_upgrade = _check_schema(engine, config)
            if file_db:
                _enable_wal(engine)
            if needs_upgrade:
                with engine.begin() as connection:
                    config.attributes["connection"] = connection
                    command.upgrade(config, "head")
        return Database(engine, url, station_id=station_id, clock=clock, data_key=data_key)
    except BaseException:
        engine.dispose()
        raise


# --- the database -----------------------------------------------------------------------------------


def _unindexed(column: Any, when: bool = True) -> Any:
    """``column`` written ``+table.column`` (SQLite: no index can serve a condition on it) when ``when``,
    else the column itself: how a query is steered to the one index that should drive it."""
    if not when:
        return column
    return literal_column(f"+{column.table.name}.{column.name}", type_=column.type)


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


class _Link(NamedTuple):
    seq: int
    kind: str
    uuid: str
    prev_hash: str
    hash: str
    fields: dict[str, object] | None  # None: the stored content cannot even be read back


class _Chain:
    """The station's chain head during one write transaction."""

    def __init__(self, station_id: uuid.UUID, seq: int, head: str) -> None:
        self.station_id = station_id
        self.seq = seq
        self.head = head

    @classmethod
    def load(cls, session: Session, station_id: uuid.UUID) -> _Chain:
        row = session.execute(
            select(_head_t.c.seq, _head_t.c.hash).where(_head_t.c.station_id == station_id).with_for_update()
        ).one()
        return cls(station_id, row.seq, row.hash)

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

    def store(self, session: Session) -> None:
        session.execute(
            update(_head_t)
            .where(_head_t.c.station_id == self.station_id)
            .values(seq=self.seq, hash=self.head)
        )


class Database(OperatorStore):
    """One station's records. Build it with :func:`open_database`. PINs and sign-in: ``OperatorStore``."""

    def __init__(
        self,
        engine: Engine,
        url: str,
        *,
        station_id: uuid.UUID | None = None,
        clock: Callable[[], datetime] | None = None,
        data_key: bytes | None = None,
    ) -> None:
        self._engine = engine
        self._write_engine = engine.execution_options(**{_WRITE_OPTION: True})
        self._bulk_engine = engine.execution_options(**{_WRITE_OPTION: True, _BULK_OPTION: True})
        self._lock = threading.RLock()
        self._clock = clock or (lambda: datetime.now(UTC))
        self._is_sqlite = engine.dialect.name == "sqlite"
        self._known_gates: set[uuid.UUID] = set()
        self._known_operators: set[uuid.UUID] = set()
        self._known_shifts: set[uuid.UUID] = set()
        self.url = url
        self._pii = self._data_cipher(data_key)
        self.station_id = self._ensure_station(station_id)
        self._seal_plain_rows()
        with self._reading() as session:
            self._has_fts = fts.has_index(session.connection())
            broken = fts.needs_repair(session.connection())
        if broken:  # a bulk load was cut off with the search index suspended
            with self._lock, self._write_engine.begin() as connection:
                fts.repair(connection)
        self.refresh_statistics()

    # -- plumbing ------------------------------------------------------------------------------------

    def close(self) -> None:
        self._engine.dispose()

    def refresh_statistics(self) -> None:
        """Refresh SQLite's planner statistics (sampled, milliseconds even on millions of rows).

        Without them SQLite walks the whole log in seq order for a plate or ID search instead of using
        the plate or ID index. Done at open and after bulk appends. Statistics are only a hint, so a
        failure (another writer holds the lock) is logged and otherwise ignored.
        """
        if not self._is_sqlite:
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
            except _DB_ERRORS as exc:
                _log.info("planner statistics not refreshed: %s", exc)

    def _now(self) -> datetime:
        return rec.utc(self._clock(), "clock time")

    @contextmanager
    def _reading(self) -> Iterator[Session]:
        with _translated(), Session(self._engine) as session:
            yield session

    @contextmanager
    def _writing(self, *, bulk: bool = False) -> Iterator[tuple[Session, _Chain]]:
        engine = self._bulk_engine if bulk else self._write_engine
        with self._lock, _translated(), Session(engine) as session, session.begin():
            chain = _Chain.load(session, self.station_id)
            yield session, chain
            chain.store(session)

    def _ensure_station(self, wanted: uuid.UUID | None) -> uuid.UUID:
        query = select(_station_t.c.uuid)
        query = query.where(_station_t.c.uuid == wanted) if wanted else query.where(_station_t.c.is_home)
        with self._reading() as session:  # the usual case: no write lock needed to open
            found = session.execute(query).scalar_one_or_none()
        if found is not None:
            return cast(uuid.UUID, found)
        with self._lock, _translated(), Session(self._write_engine) as session, session.begin():
            found = session.execute(query).scalar_one_or_none()
            if found is not None:
                return cast(uuid.UUID, found)
            station = wanted or uuid.uuid4()
            has_home = session.execute(select(_station_t.c.id).where(_station_t.c.is_home)).first()
            now = self._now()
            session.execute(insert(_station_t).values(uuid=station, created_at=now, is_home=has_home is None))
            session.execute(insert(_head_t).values(station_id=station, seq=0, hash=GENESIS))
            chain = _Chain(station, 0, GENESIS)
            values: dict[str, Any] = {
                "uuid": uuid.uuid4(),
                "recorded_at": now,
                "at": now,
                "action": AuditAction.DATABASE_CREATED.value,
                "operator_id": None,
                "detail": f"station {station}",
            }
            chain.seal(rec.AUDIT, values)
            session.execute(insert(_audit_t).values(values))
            chain.store(session)
            return station

    def _append(self, session: Session, chain: _Chain, kind: str, values: dict[str, Any]) -> dict[str, Any]:
        values.setdefault("uuid", uuid.uuid4())
        values["recorded_at"] = self._now()
        chain.seal(kind, values)
        session.execute(insert(_CHAINED_TABLES[kind]).values(values))
        return values

    def _exists(self, session: Session, table: Table, key: uuid.UUID, cache: set[uuid.UUID]) -> bool:
        if key in cache:
            return True
        found = session.execute(
            select(table.c.id).where(table.c.uuid == key, table.c.station_id == self.station_id)
        ).first()
        if found is not None:
            cache.add(key)
        return found is not None

    # -- personal data at rest (see storage/pii.py and the _records docstring) -------------------------

    def _data_cipher(self, data_key: bytes | None) -> PiiCipher:
        """The cipher for this database's personal data (a key made here is logged by ``keys``)."""
        with self._reading() as session:
            known = list(session.execute(select(_data_key_t.c.key_id)).scalars())
        if data_key is None:
            path = keys.data_key_path()
            try:
                data_key = keys.load_data_key()
            except keys.DataKeyMissingError as exc:
                if known:
                    raise StorageError(
                        StorageErrorKind.DATA_KEY,
                        f"this database's data key is missing: restore {path} from your backup "
                        f"(key id {known[0]})",
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
            with self._lock, _translated(), Session(self._write_engine) as session, session.begin():
                if session.execute(select(_data_key_t.c.key_id)).first() is None:
                    session.execute(insert(_data_key_t).values(key_id=cipher.key_id, created_at=self._now()))
        return cipher

    @staticmethod
    def _load_key() -> bytes:
        try:
            return keys.load_data_key()
        except keys.KeyFileError as exc:
            raise StorageError(StorageErrorKind.DATA_KEY, str(exc)) from exc

    def _seal_plain_rows(self) -> None:
        """Seal ID numbers and phones stored in plain text before schema 0006, a batch per transaction
        (an interrupted run resumes at the next open), then one audit entry saying how many.

        The one in-place change to stored records: canonical forms and hashes stay as they were.
        """
        pc, wc = _person_t.c, _watch_t.c
        plain_watch = or_(wc.id_number != "", wc.phone != "")
        with self._reading() as session:  # the usual case: nothing to seal, and no write lock taken
            plain_person = session.execute(select(pc.id).where(text(PLAIN_PII_CONDITION)).limit(1)).first()
            plain_entry = session.execute(select(wc.id).where(plain_watch).limit(1)).first()
        if plain_person is None and plain_entry is None:
            return
        persons = watch = 0
        person_update = (
            update(_person_t)
            .where(pc.id == bindparam("row_pk"))
            .values({name: bindparam(f"new_{name}") for name in self._sealed_columns()})
        )
        while True:
            with self._lock, _translated(), Session(self._write_engine) as session, session.begin():
                rows = session.execute(
                    select(pc.id, pc.passage_uuid, pc.position, pc.id_number, pc.phone)
                    .where(text(PLAIN_PII_CONDITION))
                    .limit(_SEAL_BATCH)
                ).all()
                if not rows:
                    break
                session.execute(
                    person_update,
                    [
                        self._sealed_values(
                            row.id,
                            rec.person_row_id(row.passage_uuid, row.position),
                            row.id_number,
                            row.phone,
                        )
                        for row in rows
                    ],
                )
                persons += len(rows)
        with self._lock, _translated(), Session(self._write_engine) as session, session.begin():
            entries = session.execute(select(wc.id, wc.uuid, wc.id_number, wc.phone).where(plain_watch)).all()
            if entries:
                session.execute(
                    update(_watch_t)
                    .where(wc.id == bindparam("row_pk"))
                    .values({name: bindparam(f"new_{name}") for name in self._sealed_columns()}),
                    [self._sealed_values(e.id, e.uuid, e.id_number, e.phone) for e in entries],
                )
                watch = len(entries)
        if self._is_sqlite:  # the WAL still holds page images from before: write them back and empty it
            with self._lock, _translated():
                raw = self._engine.raw_connection()
                try:
                    raw.cursor().execute("PRAGMA wal_checkpoint(TRUNCATE)").close()
                finally:
                    raw.close()
        if persons or watch:
            _log.warning(
                "sealed the ID numbers and phones of %d person checks, %d watchlist entries", persons, watch
            )
            self.append_audit(
                AuditAction.DATA_SEALED,
                f"{persons} person checks, {watch} watchlist entries (data key {self._pii.key_id})",
                self._now(),
            )

    @staticmethod
    def _sealed_columns() -> list[str]:
        return [f"{field}_{part}" for field in rec.PII_FIELDS for part in ("sealed", "hmac", "masked")] + [
            field for field in rec.PII_FIELDS
        ]

    def _sealed_values(self, pk: int, row_id: uuid.UUID | str, id_number: str, phone: str) -> dict[str, Any]:
        """The update parameters that seal one plain-era row (``pii_form`` stays 0: its hash is plain)."""
        values: dict[str, Any] = {"id_number": id_number, "phone": phone}
        rec.seal_pii(values, self._pii, row_id)
        params = {f"new_{name}": values[name] for name in self._sealed_columns()}
        params["row_pk"] = pk
        return params

    def _open_person(self, row: Mapping[Any, Any]) -> dict[str, Any]:
        return rec.open_pii(row, self._pii, rec.person_row_id(row["passage_uuid"], row["position"]))

    def _person(self, row: Mapping[Any, Any], personal_data: bool = True) -> PersonCheck:
        """A stored person check; without ``personal_data`` its ID number and phone stay masked."""
        if personal_data:
            row_id = rec.person_row_id(row["passage_uuid"], row["position"])
            return rec.to_person(row, *rec.opened_pii(row, self._pii, row_id))
        return rec.to_person(row, *rec.masked_pii(row))

    def person_seen_in_shift(
        self, shift_id: uuid.UUID, *, id_number: str = "", phone: str = ""
    ) -> datetime | None:
        """When a passage of this shift last recorded a person with this ID number (or, without one, this
        phone), if any: the gate's "this person passed already" warning. Compares keyed hashes (indexed);
        the plain values are never stored."""
        id_number = rec.as_text(id_number, "ID number")
        phone = rec.as_text(phone, "phone")
        if normalise(PiiKind.ID_NUMBER, id_number):
            wanted = _person_t.c.id_number_hmac == self._pii.keyed_hash(PiiKind.ID_NUMBER, id_number)
        elif normalise(PiiKind.PHONE, phone):
            wanted = _person_t.c.phone_hmac == self._pii.keyed_hash(PiiKind.PHONE, phone)
        else:
            return None
        p = _passage_t
        query = select(func.max(p.c.at)).where(
            p.c.station_id == self.station_id,
            p.c.shift_id == shift_id,
            p.c.uuid.in_(select(_person_t.c.passage_uuid).where(wanted)),
        )
        with self._reading() as session:
            found = session.execute(query).scalar_one_or_none()
        return rec.utc(found, "passage time") if found is not None else None

    # -- gates and operators -------------------------------------------------------------------------

    def ensure_gate(self, name: str, profile: str) -> Gate:
        """The gate called ``name`` with its current profile, appending it with ``profile`` if new.

        An existing gate keeps its profile whatever ``profile`` says: switching is
        :meth:`set_gate_profile`, which is recorded and audited.
        """
        name = rec.as_text(name, "gate name").strip()
        if not name:
            raise InvalidRecordError("a gate needs a name")
        profile = rec.as_text(profile, "gate profile").strip()
        with self._writing() as (session, chain):
            row = (
                session.execute(
                    select(_gate_t).where(_gate_t.c.station_id == self.station_id, _gate_t.c.name == name)
                )
                .mappings()
                .first()
            )
            if row is not None:
                return rec.to_gate(row, self._latest_profiles(session, [row["uuid"]]).get(row["uuid"]))
            values = self._append(session, chain, rec.GATE, {"name": name, "profile": profile})
            return rec.to_gate(values)

    def gates(self) -> list[Gate]:
        """This station's gates in the order they were recorded, each with its current profile."""
        with self._reading() as session:
            rows = list(
                session.execute(
                    select(_gate_t).where(_gate_t.c.station_id == self.station_id).order_by(_gate_t.c.seq)
                ).mappings()
            )
            latest = self._latest_profiles(session, [row["uuid"] for row in rows])
            return [rec.to_gate(row, latest.get(row["uuid"])) for row in rows]

    def _latest_profiles(self, session: Session, gate_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, str]:
        """The profile of each gate's latest ``gate_profile`` record (gates never switched are absent).

        Switches are rare (a handful per gate over its life), so reading them all in seq order is cheap;
        the (gate_id, seq) index keeps it so.
        """
        latest: dict[uuid.UUID, str] = {}
        g = _gate_profile_t.c
        for start in range(0, len(gate_ids), _IN_CHUNK):
            found = session.execute(
                select(g.gate_id, g.profile)
                .where(g.station_id == self.station_id, g.gate_id.in_(gate_ids[start : start + _IN_CHUNK]))
                .order_by(g.gate_id, g.seq)
            )
            for gate_id, profile in found:
                latest[gate_id] = profile
        return latest

    def set_gate_profile(
        self, gate_id: uuid.UUID, profile: str, at: datetime, operator_id: uuid.UUID | None
    ) -> Gate:
        """Switch the gate to ``profile`` from ``at`` on: a chained ``gate_profile`` record and an audit
        ``settings_changed`` entry ("gate <name>: profile a -> b"). Returns the gate as it is now.

        The gate row is never changed. Asking for the profile the gate already has appends nothing. The
        profile name is not checked against the profile files here (storage does not know them); the
        caller checks it.
        """
        profile = rec.as_text(profile, "gate profile").strip()
        if not profile:
            raise InvalidRecordError("a gate profile needs a name")
        at = rec.utc(at, "profile switch time")
        with self._writing() as (session, chain):
            self._check_operator(session, operator_id)
            row = (
                session.execute(
                    select(_gate_t).where(_gate_t.c.uuid == gate_id, _gate_t.c.station_id == self.station_id)
                )
                .mappings()
                .first()
            )
            if row is None:
                raise InvalidRecordError(f"no gate {gate_id}")
            gate = rec.to_gate(row, self._latest_profiles(session, [gate_id]).get(gate_id))
            if gate.profile == profile:
                return gate
            self._append(
                session,
                chain,
                rec.GATE_PROFILE,
                {"gate_id": gate_id, "profile": profile, "at": at, "operator_id": operator_id},
            )
            self._append(
                session,
                chain,
                rec.AUDIT,
                {
                    "at": at,
                    "action": AuditAction.SETTINGS_CHANGED.value,
                    "operator_id": operator_id,
                    "detail": f"gate {gate.name}: profile {gate.profile} -> {profile}",
                },
            )
            return rec.to_gate(row, profile)

    def ensure_operator(self, name: str, role: Role) -> Operator:
        """The operator called ``name``, appending one with ``role`` if new.

        Raises InvalidRecordError if that name is already on record with another role (a role is not changed
        by asking again).
        """
        name = rec.as_text(name, "operator name").strip()
        if not name:
            raise InvalidRecordError("an operator needs a name")
        role = rec.as_enum(Role, role, "role")
        with self._writing() as (session, chain):
            row = (
                session.execute(
                    select(_operator_t).where(
                        _operator_t.c.station_id == self.station_id, _operator_t.c.name == name
                    )
                )
                .mappings()
                .first()
            )
            if row is not None:
                operator = rec.to_operator(row)
                if operator.role is not role:
                    raise InvalidRecordError(
                        f"operator {name!r} is on record as {operator.role.value}, not {role.value}"
                    )
                return operator
            values = self._append(session, chain, rec.OPERATOR, {"name": name, "role": role.value})
            return rec.to_operator(values)

    def operators(self) -> list[Operator]:
        with self._reading() as session:
            rows = session.execute(
                select(_operator_t)
                .where(_operator_t.c.station_id == self.station_id)
                .order_by(_operator_t.c.seq)
            ).mappings()
            return [rec.to_operator(row) for row in rows]

    # -- shifts --------------------------------------------------------------------------------------

    def _shift_query(self) -> Any:
        return (
            select(_shift_t, _close_t.c.closed_at)
            .select_from(_shift_t.outerjoin(_close_t, _close_t.c.shift_id == _shift_t.c.uuid))
            .where(_shift_t.c.station_id == self.station_id)
        )

    @staticmethod
    def _to_shift(row: Mapping[Any, Any]) -> Shift:
        return rec.to_shift(row, row["closed_at"])

    def open_shift(self, gate_id: uuid.UUID, leader_id: uuid.UUID, at: datetime, label: str = "") -> Shift:
        """Append a shift at ``gate_id`` led by ``leader_id``. A gate has at most one open shift."""
        at = rec.utc(at, "shift opening time")
        label = rec.as_text(label, "shift label")
        with self._writing() as (session, chain):
            if not self._exists(session, _gate_t, gate_id, self._known_gates):
                raise InvalidRecordError(f"no gate {gate_id}")
            if not self._exists(session, _operator_t, leader_id, self._known_operators):
                raise InvalidRecordError(f"no operator {leader_id}")
            open_one = session.execute(
                self._shift_query().where(_shift_t.c.gate_id == gate_id, _close_t.c.id.is_(None)).limit(1)
            ).first()
            if open_one is not None:
                raise InvalidRecordError(
                    f"gate {gate_id} already has an open shift {open_one.uuid}: close it first"
                )
            values = self._append(
                session,
                chain,
                rec.SHIFT,
                {"gate_id": gate_id, "leader_id": leader_id, "opened_at": at, "label": label},
            )
            self._known_shifts.add(values["uuid"])
            return rec.to_shift(values, None)

    def close_shift(self, shift_id: uuid.UUID, at: datetime) -> Shift:
        """Close an open shift by appending a shift-close record (the shift row is never changed)."""
        at = rec.utc(at, "shift closing time")
        with self._writing() as (session, chain):
            row = session.execute(self._shift_query().where(_shift_t.c.uuid == shift_id)).mappings().first()
            if row is None:
                raise InvalidRecordError(f"no shift {shift_id}")
            if row["closed_at"] is not None:
                raise InvalidRecordError(
                    f"shift {shift_id} was already closed at {row['closed_at'].isoformat()}"
                )
            if at < row["opened_at"]:
                raise InvalidRecordError("a shift cannot close before it opened")
            self._append(session, chain, rec.SHIFT_CLOSE, {"shift_id": shift_id, "closed_at": at})
            return rec.to_shift(row, at)

    def current_shift(self, gate_id: uuid.UUID) -> Shift | None:
        """The latest open shift at the gate, if any."""
        with self._reading() as session:
            row = (
                session.execute(
                    self._shift_query()
                    .where(_shift_t.c.gate_id == gate_id, _close_t.c.id.is_(None))
                    .order_by(_shift_t.c.opened_at.desc(), _shift_t.c.seq.desc())
                    .limit(1)
                )
                .mappings()
                .first()
            )
            return None if row is None else self._to_shift(row)

    def shifts(self, since: datetime | None = None) -> list[Shift]:
        """Shifts oldest first; with ``since``, those still open or closed at or after it."""
        query = self._shift_query()
        if since is not None:
            rec.require_aware(since, "since")
            query = query.where(or_(_close_t.c.id.is_(None), _close_t.c.closed_at >= since))
        with self._reading() as session:
            rows = session.execute(query.order_by(_shift_t.c.opened_at, _shift_t.c.seq)).mappings()
            return [self._to_shift(row) for row in rows]

    def shift(self, shift_id: uuid.UUID) -> Shift | None:
        with self._reading() as session:
            row = session.execute(self._shift_query().where(_shift_t.c.uuid == shift_id)).mappings().first()
            return None if row is None else self._to_shift(row)

    # -- passages ------------------------------------------------------------------------------------

    def append_passage(self, draft: PassageDraft) -> Passage:
        """Record one passage in one transaction; it is on disk when this returns.

        Idempotent on ``draft.uuid``: sending the same draft again returns the stored passage.
        """
        with self._writing() as (session, chain):
            inserted = self._insert_passages(session, chain, [draft])
            if inserted:
                row, persons, vehicle = inserted[0]
                return rec.to_passage(row, [self._person(p) for p in persons], vehicle)
        stored = self.passage(draft.uuid)
        if stored is None:  # another station's passage with this uuid, or removed meanwhile
            raise InvalidRecordError(
                f"passage {draft.uuid} exists but does not belong to station {self.station_id}"
            )
        return stored

    @contextmanager
    def search_index_suspended(self) -> Iterator[None]:
        """For a bulk load: the free-text index is not kept in step row by row, and is rebuilt once at the
        end (also when the load fails; if the process dies, the next ``open_database`` rebuilds it)."""
        if not self._has_fts:
            yield
            return
        with self._lock, _translated(), self._write_engine.begin() as connection:
            fts.suspend(connection)
        try:
            yield
        finally:
            with self._lock, _translated(), self._write_engine.begin() as connection:
                fts.repair(connection)

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
            self.refresh_statistics()
        return total

    def _append_batch(self, drafts: Sequence[PassageDraft], bulk: bool) -> int:
        with self._writing(bulk=bulk) as (session, chain):
            return len(self._insert_passages(session, chain, drafts, raw=bulk and self._is_sqlite))

    def _insert_passages(
        self, session: Session, chain: _Chain, drafts: Sequence[PassageDraft], raw: bool = False
    ) -> list[tuple[dict[str, Any], list[dict[str, Any]], dict[str, Any] | None]]:
        uuids = [d.uuid for d in drafts]
        stored: set[uuid.UUID] = set()
        for start in range(0, len(uuids), _IN_CHUNK):
            chunk = uuids[start : start + _IN_CHUNK]
            stored.update(
                session.execute(select(_passage_t.c.uuid).where(_passage_t.c.uuid.in_(chunk))).scalars()
            )
        built: list[tuple[dict[str, Any], list[dict[str, Any]], dict[str, Any] | None]] = []
        in_batch: set[uuid.UUID] = set()
        recorded_at = self._now()
        for draft in drafts:
            if draft.uuid in stored or draft.uuid in in_batch:
                continue
            row, persons, vehicle = rec.passage_rows(draft)
            self._check_references(session, draft, in_batch)
            row["uuid"] = draft.uuid
            row["recorded_at"] = recorded_at
            for person in persons:
                rec.seal_pii(person, self._pii, rec.person_row_id(draft.uuid, person["position"]))
            chain.seal(rec.PASSAGE, row, partial(rec.passage_fields, persons=persons, vehicle=vehicle))
            built.append((row, persons, vehicle))
            in_batch.add(draft.uuid)
        if built:
            store = partial(_insert_raw, session) if raw else (lambda t, r: session.execute(insert(t), r))
            store(_passage_t, [b[0] for b in built])
            people = [p for b in built for p in b[1]]
            if people:
                store(_person_t, people)
            vehicles = [b[2] for b in built if b[2] is not None]
            if vehicles:
                store(_vehicle_t, vehicles)
        return built

    def _check_references(self, session: Session, draft: PassageDraft, in_batch: set[uuid.UUID]) -> None:
        if not self._exists(session, _gate_t, draft.gate_id, self._known_gates):
            raise InvalidRecordError(f"passage {draft.uuid}: no gate {draft.gate_id}")
        if not self._exists(session, _operator_t, draft.operator_id, self._known_operators):
            raise InvalidRecordError(f"passage {draft.uuid}: no operator {draft.operator_id}")
        if draft.shift_id is not None and not self._exists(
            session, _shift_t, draft.shift_id, self._known_shifts
        ):
            raise InvalidRecordError(f"passage {draft.uuid}: no shift {draft.shift_id}")
        if draft.corrects is not None and draft.corrects not in in_batch:
            found = session.execute(
                select(_passage_t.c.id).where(_passage_t.c.uuid == draft.corrects)
            ).first()
            if found is None:
                raise InvalidRecordError(
                    f"passage {draft.uuid} corrects {draft.corrects}, which is not on record"
                )

    # -- passage queries -----------------------------------------------------------------------------

    def _conditions(self, f: PassageFilter, *, walk: bool = False) -> list[ColumnElement[bool]]:
        """The filter as conditions on ``passage``. With ``walk`` (SQLite) every condition is written so
        that no index can serve it (``+column``): the query must walk the (station, seq) index, which is
        what a page of a large result wants (``passage_key_page``)."""
        p = _passage_t
        walk = walk and self._is_sqlite
        # With a search term on the index, the station and the time bounds are written ``+passage.at``
        # (not indexable) so SQLite drives the query from the index hits, whatever its statistics say,
        # never from a window that may span the whole log.
        searching = self._has_fts and len(f.text.strip()) >= fts.MIN_FRAGMENT
        station = _unindexed(p.c.station_id, searching and not walk)
        conditions: list[ColumnElement[bool]] = [station == self.station_id]
        at = _unindexed(p.c.at, walk or searching)
        uuid_column = _unindexed(p.c.uuid, walk)
        shift_column = _unindexed(p.c.shift_id, walk)
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
            conditions.append(
                uuid_column.in_(select(_vehicle_t.c.passage_uuid).where(_vehicle_t.c.plate == plate))
            )
        for column, wanted in (
            (_person_t.c.id_number_hmac, self._pii.keyed_hash(PiiKind.ID_NUMBER, f.id_number)),
            (_person_t.c.phone_hmac, self._pii.keyed_hash(PiiKind.PHONE, f.phone)),
            (_person_t.c.name, f.name.strip()),
        ):
            if wanted:
                conditions.append(uuid_column.in_(select(_person_t.c.passage_uuid).where(column == wanted)))
        if f.flagged:
            # spelled exactly as the partial index's condition, so SQLite reads that small index alone
            conditions.append(
                uuid_column.in_(select(_person_t.c.passage_uuid).where(text(FLAGGED_CONDITION)))
            )
        needle = f.text.strip()
        if needle:
            conditions.append(self._text_condition(needle, uuid_column, walk=walk))
        return conditions

    def _text_condition(self, needle: str, uuid_column: Any, *, walk: bool) -> ColumnElement[bool]:
        """The free-text filter: a substring of a plate, a person's name or the note, or a whole ID number
        or phone (compared exactly, by index: those are never substring-searched or indexed as text).

        With the FTS5 trigram index (SQLite, see ``storage.fts``) a fragment of three characters or more
        is looked up in the index; shorter fragments, and PostgreSQL, use a ``LIKE`` scan (bounded by the
        other conditions, e.g. the log view's time window).
        """
        p = _passage_t
        person = _person_t.c
        # ID numbers and phones are sealed: a whole number matches its keyed hash (indexed)
        whole = [
            select(person.passage_uuid).where(column == self._pii.keyed_hash(kind, needle))
            for column, kind in (
                (person.id_number_hmac, PiiKind.ID_NUMBER),
                (person.phone_hmac, PiiKind.PHONE),
            )
            if len(normalise(kind, needle)) >= WHOLE_NUMBER_MIN
        ]
        exact = [uuid_column.in_(query) for query in whole]
        if self._has_fts and len(needle) >= fts.MIN_FRAGMENT:
            hits = text(
                f"SELECT passage_id FROM {fts.FTS_TABLE} WHERE {fts.FTS_TABLE} MATCH :fts_phrase"
            ).bindparams(fts_phrase=fts.match_phrase(needle))
            id_column = _unindexed(p.c.id, walk)
            # Only indexable alternatives (no constant "OR 0 = 1"): SQLite then reads the few hits by
            # rowid (and uuid) instead of walking all of the station's passages to test each one.
            found = id_column.in_(hits.columns(passage_id=Integer()))
            return or_(found, *exact) if exact else found
        lowered = needle.lower()
        escaped = lowered.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        pattern = f"%{escaped}%"

        def like(column: Any) -> ColumnElement[bool]:
            return func.lower(column).like(pattern, escape="\\")

        person_hit = exists().where(person.passage_uuid == p.c.uuid, like(person.name))
        vehicle_hit = exists().where(_vehicle_t.c.passage_uuid == p.c.uuid, like(_vehicle_t.c.plate))
        return or_(like(p.c.note), person_hit, vehicle_hit, *exact)

    @staticmethod
    def _seq_order(f: PassageFilter) -> Any:
        """The seq column to order by. With a narrowing condition (a time window, a plate, a search...)
        it is written ``+passage.seq`` so SQLite cannot walk the seq index to avoid a sort: it would scan
        millions of rows for a window at the log's end. It uses the narrowing index and sorts the few."""
        narrowed = f.searches or f.since is not None or f.until is not None
        return _unindexed(_passage_t.c.seq, narrowed)

    def passage_keys(
        self, f: PassageFilter, *, up_to: int | None = None, limit: int | None = None
    ) -> list[int]:
        """The matching passages' seq numbers, newest first; with ``up_to``, only those at or below it;
        with ``limit``, at most that many (the newest)."""
        seq = self._seq_order(f)
        query = select(_passage_t.c.seq).where(*self._conditions(f)).order_by(seq.desc())
        if up_to is not None:
            query = query.where(seq <= up_to)
        if limit is not None:
            query = query.limit(limit)
        with self._reading() as session:
            # Plain integers straight from the driver, not a SQLAlchemy row each.
            return [row[0] for row in session.execute(query).cursor.fetchall()]  # type: ignore[attr-defined]

    def count_passages(self, f: PassageFilter) -> int:
        query = select(func.count()).select_from(_passage_t).where(*self._conditions(f))
        with self._reading() as session:
            return int(session.execute(query).scalar_one())

    def _newest_passage_seq(self) -> Select[Any]:
        p = _passage_t
        return select(func.coalesce(func.max(p.c.seq), 0)).where(p.c.station_id == self.station_id)

    def newest_passage_seq(self) -> int:
        """This station's newest passage seq (0 when none): one index look-up."""
        with self._reading() as session:
            return int(session.execute(self._newest_passage_seq()).scalar_one())

    def passage_count_snapshot(self, f: PassageFilter) -> PassageCount:
        """How many passages match, with this station's newest passage seq and the time span of its
        passages, read together in one statement (one snapshot): the count is of the matching passages
        at or below that seq.

        The count is what a large log view opens with (``passage_key_page`` then reads what is shown);
        it reads one index and never a row, so it stays quick on millions of passages.
        """
        p = _passage_t
        station = p.c.station_id == self.station_id
        newest = self._newest_passage_seq()
        first_at = select(func.min(p.c.at)).where(station)
        last_at = select(func.max(p.c.at)).where(station)
        count = select(func.count()).select_from(p).where(*self._conditions(f))
        query = select(*(q.scalar_subquery() for q in (count, newest, first_at, last_at)))
        with self._reading() as session:
            row = session.execute(query).one()
        first, last = (None if v is None else rec.utc(v, "passage time") for v in (row[2], row[3]))
        return PassageCount(int(row[0]), int(row[1]), first, last)

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
        seq = _passage_t.c.seq
        newest_first = below is not None
        # One upper bound only: given "seq <= up_to AND seq < below", SQLite seeks to the first and
        # tests the second on every entry on the way down (a page deep in the log cost 0.15 s).
        bounds = [seq < min(below, up_to + 1)] if below is not None else [seq <= up_to]
        if above is not None:
            bounds.append(seq > above)
        query = (
            select(seq)
            .where(*self._conditions(f, walk=True), *bounds)
            .order_by(seq.desc() if newest_first else seq)
            .limit(limit)
            .offset(skip)
        )
        with self._reading() as session:
            return [row[0] for row in session.execute(query).cursor.fetchall()]  # type: ignore[attr-defined]

    def fetch_passages(self, keys: Sequence[int]) -> list[Passage]:
        """The passages with these seq numbers, in the order given (numbers not on record are skipped)."""
        found: dict[int, Passage] = {}
        wanted = list(dict.fromkeys(keys))
        with self._reading() as session:
            for start in range(0, len(wanted), _IN_CHUNK):
                chunk = wanted[start : start + _IN_CHUNK]
                rows = session.execute(
                    select(_passage_t).where(
                        _passage_t.c.station_id == self.station_id, _passage_t.c.seq.in_(chunk)
                    )
                ).mappings()
                for passage in self._complete(session, list(rows)):
                    found[passage.seq] = passage
        return [found[k] for k in keys if k in found]

    def passage(self, passage_id: uuid.UUID) -> Passage | None:
        """One of this station's passages by uuid."""
        with self._reading() as session:
            rows = session.execute(
                select(_passage_t).where(
                    _passage_t.c.uuid == passage_id, _passage_t.c.station_id == self.station_id
                )
            ).mappings()
            found = self._complete(session, list(rows))
        return found[0] if found else None

    def code_seen_in_shift(self, code_text: str, shift_id: uuid.UUID) -> datetime | None:
        """When a passage of this shift last recorded a person check with exactly this code text, if any.

        The gate's duplicate-token warning ("scanned before at HH:MM"). The shift index narrows the search
        to one shift's passages, so the exact comparison on ``code_text`` needs no index of its own.
        """
        code_text = rec.as_text(code_text, "code text")
        if not code_text:
            return None
        p = _passage_t
        query = select(func.max(p.c.at)).where(
            p.c.station_id == self.station_id,
            p.c.shift_id == shift_id,
            p.c.uuid.in_(select(_person_t.c.passage_uuid).where(_person_t.c.code_text == code_text)),
        )
        with self._reading() as session:
            found = session.execute(query).scalar_one_or_none()
        return rec.utc(found, "passage time") if found is not None else None

    def iter_passages(
        self, f: PassageFilter, oldest_first: bool = True, *, personal_data: bool = True
    ) -> Iterator[Passage]:
        """Stream the matching passages in seq order, a batch per round trip (for exports).

        Passages appended after the iteration started are not included. Without ``personal_data`` the
        persons' ID numbers and phones are their masked forms and nothing is decrypted (a report that
        never shows them reads a long window faster).
        """
        conditions = self._conditions(f)
        with self._reading() as session:
            top = session.execute(
                select(_head_t.c.seq).where(_head_t.c.station_id == self.station_id)
            ).scalar_one()
        cursor = 0 if oldest_first else top + 1
        if f.since is not None or f.until is not None:
            # Start at the window's first (last) seq, found by the time index: otherwise the first page
            # walks the seq index from the very start of a long log to the window.
            p = _passage_t.c
            window = [p.station_id == self.station_id]
            if f.since is not None:
                window.append(p.at >= f.since)
            if f.until is not None:
                window.append(p.at < f.until)
            edge = func.min(p.seq) if oldest_first else func.max(p.seq)
            with self._reading() as session:
                found = session.execute(select(edge).where(*window)).scalar_one_or_none()
            if found is None:
                return
            cursor = found - 1 if oldest_first else found + 1
        seq = self._seq_order(f)  # the paging bounds too: an indexable seq range would win the plan
        while True:
            page = seq > cursor if oldest_first else seq < cursor
            query = (
                select(_passage_t)
                .where(*conditions, page, seq <= top)
                .order_by(seq if oldest_first else seq.desc())
                .limit(_READ_BATCH)
            )
            with self._reading() as session:
                batch = self._complete(session, session.execute(query).mappings().all(), personal_data)
            if not batch:
                return
            yield from batch
            cursor = batch[-1].seq

    def _children(
        self, session: Session, passage_uuids: Sequence[uuid.UUID]
    ) -> tuple[dict[uuid.UUID, list[Mapping[Any, Any]]], dict[uuid.UUID, Mapping[Any, Any]]]:
        persons: dict[uuid.UUID, list[Mapping[Any, Any]]] = {}
        vehicles: dict[uuid.UUID, Mapping[Any, Any]] = {}
        for start in range(0, len(passage_uuids), _IN_CHUNK):
            chunk = passage_uuids[start : start + _IN_CHUNK]
            for person in (
                session.execute(
                    select(_person_t)
                    .where(_person_t.c.passage_uuid.in_(chunk))
                    .order_by(_person_t.c.passage_uuid, _person_t.c.position)
                )
                .mappings()
                .all()
            ):  # all(): one fetch, not a round through the result per row
                persons.setdefault(person["passage_uuid"], []).append(person)
            for vehicle in (
                session.execute(select(_vehicle_t).where(_vehicle_t.c.passage_uuid.in_(chunk)))
                .mappings()
                .all()
            ):
                vehicles[vehicle["passage_uuid"]] = vehicle
        return persons, vehicles

    def _complete(
        self, session: Session, rows: Sequence[Mapping[Any, Any]], personal_data: bool = True
    ) -> list[Passage]:
        persons, vehicles = self._children(session, [row["uuid"] for row in rows])
        return [
            rec.to_passage(
                row,
                [self._person(p, personal_data) for p in persons.get(row["uuid"], [])],
                vehicles.get(row["uuid"]),
            )
            for row in rows
        ]

    # -- audit ---------------------------------------------------------------------------------------

    def append_audit(
        self, action: AuditAction, detail: str, at: datetime, operator_id: uuid.UUID | None = None
    ) -> AuditEntry:
        at = rec.utc(at, "audit time")
        action = rec.as_enum(AuditAction, action, "audit action")
        detail = rec.as_text(detail, "audit detail")
        with self._writing() as (session, chain):
            if operator_id is not None and not self._exists(
                session, _operator_t, operator_id, self._known_operators
            ):
                raise InvalidRecordError(f"no operator {operator_id}")
            values = self._append(
                session,
                chain,
                rec.AUDIT,
                {"at": at, "action": action.value, "operator_id": operator_id, "detail": detail},
            )
            return rec.to_audit(values)

    def audit_entries(self, since: datetime | None = None) -> list[AuditEntry]:
        """The audit trail in seq order; with ``since``, entries at or after it."""
        query = select(_audit_t).where(_audit_t.c.station_id == self.station_id)
        if since is not None:
            rec.require_aware(since, "since")
            query = query.where(_audit_t.c.at >= since)
        with self._reading() as session:
            return [rec.to_audit(row) for row in session.execute(query.order_by(_audit_t.c.seq)).mappings()]

    def latest_recorded_at(self) -> datetime | None:
        """When this station's newest record (any chained kind, by seq) was written; None when empty.

        One indexed look-up per record kind (station, seq), so it is cheap on millions of passages. The
        clock guard compares the system clock with it at start.
        """
        latest: tuple[int, datetime] | None = None
        with self._reading() as session:
            for table in _CHAINED_TABLES.values():
                row = session.execute(
                    select(table.c.seq, table.c.recorded_at)
                    .where(table.c.station_id == self.station_id)
                    .order_by(table.c.seq.desc())
                    .limit(1)
                ).first()
                if row is not None and (latest is None or row[0] > latest[0]):
                    latest = (row[0], row[1])
        return latest[1] if latest is not None else None

    def acknowledge_alarm(
        self, kind: str, subject: str, detail: str, at: datetime, operator_id: uuid.UUID | None
    ) -> AuditEntry:
        """Record that the operator acknowledged an alarm (audit ``alarm_acknowledged``, chained).

        ``kind`` says which alarm (e.g. ``home_quarantine``, ``watchlist``, ``overdue``, ``over_quota``),
        ``subject`` whom or what it was about (a masked name, a plate, a pass id), ``detail`` anything else.
        The audit detail is a JSON object with these three keys.
        """
        kind = rec.as_text(kind, "alarm kind").strip()
        subject = rec.as_text(subject, "alarm subject").strip()
        detail = rec.as_text(detail, "alarm detail")
        if not kind:
            raise InvalidRecordError("an alarm acknowledgement needs the alarm's kind")
        document = json.dumps(
            {"kind": kind, "subject": subject, "detail": detail}, ensure_ascii=False, sort_keys=True
        )
        return self.append_audit(AuditAction.ALARM_ACKNOWLEDGED, document, at, operator_id)

    # -- passes: registry, revocations, uses -----------------------------------------------------------

    def _check_operator(self, session: Session, operator_id: uuid.UUID | None) -> None:
        if operator_id is not None and not self._exists(
            session, _operator_t, operator_id, self._known_operators
        ):
            raise InvalidRecordError(f"no operator {operator_id}")

    @staticmethod
    def _pass_id(pass_id: str) -> str:
        pass_id = rec.as_text(pass_id, "pass id").strip()
        if not pass_id:
            raise InvalidRecordError("a pass id must not be empty")
        return pass_id

    def record_pass_issued(
        self,
        pass_id: str,
        kind: str,
        summary: str,
        at: datetime,
        operator_id: uuid.UUID | None,
        household: str = "",
    ) -> IssuedPass:
        """Add a pass to the registry of issued passes (chained) with an audit ``pass_issued`` entry.

        ``household`` is the household id an exit slip names (see :meth:`household_uses`). Recording the
        same pass id again with the same kind, summary and household returns the stored pass and appends
        nothing; with different content it is refused.
        """
        pass_id = self._pass_id(pass_id)
        kind = rec.as_text(kind, "pass kind").strip()
        if not kind:
            raise InvalidRecordError("a pass needs its kind")
        summary = rec.as_text(summary, "pass summary")
        household = rec.as_text(household, "household").strip()
        at = rec.utc(at, "issue time")
        with self._writing() as (session, chain):
            self._check_operator(session, operator_id)
            row = (
                session.execute(
                    select(_issued_t).where(
                        _issued_t.c.station_id == self.station_id, _issued_t.c.pass_id == pass_id
                    )
                )
                .mappings()
                .first()
            )
            if row is not None:
                if (row["kind"], row["summary"], row["household"]) != (kind, summary, household):
                    raise InvalidRecordError(f"pass {pass_id} is already on record with other content")
                return self._issued(session, [row])[0]
            values = self._append(
                session,
                chain,
                rec.ISSUED_PASS,
                {
                    "pass_id": pass_id,
                    "kind": kind,
                    "summary": summary,
                    "household": household,
                    "at": at,
                    "operator_id": operator_id,
                },
            )
            self._append(
                session,
                chain,
                rec.AUDIT,
                {
                    "at": at,
                    "action": AuditAction.PASS_ISSUED.value,
                    "operator_id": operator_id,
                    "detail": f"{kind} {pass_id}",
                },
            )
            return self._issued(session, [values])[0]

    def _issued(self, session: Session, rows: Sequence[Mapping[Any, Any]]) -> list[IssuedPass]:
        ids = list({row["pass_id"] for row in rows})
        first: dict[str, tuple[datetime, str]] = {}
        for start in range(0, len(ids), _IN_CHUNK):
            found = session.execute(
                select(_revocation_t.c.pass_id, _revocation_t.c.at, _revocation_t.c.reason)
                .where(_revocation_t.c.pass_id.in_(ids[start : start + _IN_CHUNK]))
                .order_by(_revocation_t.c.at, _revocation_t.c.seq)
            )
            for pass_id, at, reason in found:
                first.setdefault(pass_id, (at, reason))
        return [
            IssuedPass(
                pass_id=row["pass_id"],
                kind=row["kind"],
                summary=row["summary"],
                household=row["household"],
                at=row["at"],
                operator_id=row["operator_id"],
                revoked_at=first[row["pass_id"]][0] if row["pass_id"] in first else None,
                revocation_reason=first[row["pass_id"]][1] if row["pass_id"] in first else "",
            )
            for row in rows
        ]

    def issued_passes(self, household: str = "") -> list[IssuedPass]:
        """The registry of issued passes (all stations in this database), oldest first; with
        ``household``, that household's passes only."""
        query = select(_issued_t)
        if household.strip():
            query = query.where(_issued_t.c.household == household.strip())
        with self._reading() as session:
            rows = list(session.execute(query.order_by(_issued_t.c.at, _issued_t.c.seq)).mappings())
            return self._issued(session, rows)

    def revoke_pass(self, pass_id: str, reason: str, at: datetime, operator_id: uuid.UUID | None) -> None:
        """Revoke a pass (issued here or anywhere in the deployment): a chained revocation record and an
        audit ``pass_revoked`` entry. Revoking a pass that is already revoked appends nothing."""
        pass_id = self._pass_id(pass_id)
        reason = rec.as_text(reason, "revocation reason").strip()
        if not reason:
            raise InvalidRecordError("a revocation needs its reason")
        at = rec.utc(at, "revocation time")
        with self._writing() as (session, chain):
            self._check_operator(session, operator_id)
            already = session.execute(
                select(_revocation_t.c.id).where(_revocation_t.c.pass_id == pass_id).limit(1)
            ).first()
            if already is not None:
                return
            self._append(
                session,
                chain,
                rec.PASS_REVOCATION,
                {"pass_id": pass_id, "reason": reason, "at": at, "operator_id": operator_id},
            )
            self._append(
                session,
                chain,
                rec.AUDIT,
                {
                    "at": at,
                    "action": AuditAction.PASS_REVOKED.value,
                    "operator_id": operator_id,
                    "detail": f"{pass_id}: {reason}",
                },
            )

    def revoked_pass_ids(self, at: datetime | None = None) -> frozenset[str]:
        """Every revoked pass id; with ``at``, those revoked at or before that time."""
        query = select(_revocation_t.c.pass_id).distinct()
        if at is not None:
            query = query.where(_revocation_t.c.at <= rec.utc(at, "time"))
        with self._reading() as session:
            return frozenset(session.execute(query).scalars())

    def _uses(self, holders: Any, since: datetime | None) -> list[PassUse]:
        """Passages whose uuid is in ``holders`` (a select of passage uuids), oldest first.

        Passages that a later correction replaces are left out (the correction counts instead). Records of
        every station in the database count: a pass used at another gate of the deployment counts too.
        """
        p = _passage_t
        superseded = select(p.c.corrects).where(p.c.corrects.is_not(None))
        query = select(p.c.at, p.c.direction, p.c.uuid, p.c.outcome).where(
            p.c.uuid.in_(holders), p.c.uuid.not_in(superseded)
        )
        if since is not None:
            query = query.where(p.c.at >= rec.utc(since, "since"))
        with self._reading() as session:
            rows = session.execute(query.order_by(p.c.at, p.c.seq)).all()
        try:
            return [PassUse(at, Direction(d), uid, Outcome(o)) for at, d, uid, o in rows]
        except ValueError as exc:
            raise StorageError(StorageErrorKind.CORRUPT, f"unreadable passage: {exc}") from exc

    def pass_uses(self, pass_id: str, since: datetime | None = None) -> list[PassUse]:
        """Every passage in which someone showed pass ``pass_id`` (at or after ``since``), oldest first,
        whatever its outcome (a turned-back exit is a use too; quotas count only ``pass``)."""
        pass_id = self._pass_id(pass_id)
        return self._uses(select(_person_t.c.passage_uuid).where(_person_t.c.pass_id == pass_id), since)

    def household_uses(self, household: str, since: datetime | None = None) -> list[PassUse]:
        """Every passage of a household, oldest first.

        The household key is the household id the exit slip carries (e.g. ``3-2-501``, whatever the
        registry uses), compared exactly after trimming. A passage belongs to the household when one of its
        person checks names the household (the gate copies it from the verified slip) or shows a pass the
        registry lists for that household. Quotas and return deadlines use these, so a slip issued at one
        gate and used at another counts once the records meet in one database.
        """
        household = rec.as_text(household, "household").strip()
        if not household:
            raise InvalidRecordError("a household id must not be empty")
        pc = _person_t.c
        holders = union(
            select(pc.passage_uuid).where(pc.household == household),
            select(pc.passage_uuid).where(
                pc.pass_id.in_(select(_issued_t.c.pass_id).where(_issued_t.c.household == household))
            ),
        )
        return self._uses(holders, since)

    def count_exits(self, household: str, since: datetime) -> int:
        """How many times the household went out (outcome ``pass``, direction ``out``) at or after
        ``since``: the "one exit per N days" quota counts these with ``since = now - N days``."""
        return sum(
            1
            for use in self.household_uses(household, since)
            if use.direction is Direction.OUT and use.outcome is Outcome.PASS
        )

    def last_exit_without_return(self, *, pass_id: str = "", household: str = "") -> datetime | None:
        """When the pass holder (or the household) last went out, if nobody has come back in since.

        Give exactly one of ``pass_id`` and ``household``. Only passages with outcome ``pass`` count. The
        gate compares the result with "back within H hours" to raise the overdue alarm; None means no exit
        is open (never out, or back in after the last exit).
        """
        if bool(pass_id.strip()) == bool(household.strip()):
            raise InvalidRecordError("give exactly one of pass_id and household")
        uses = self.pass_uses(pass_id) if pass_id.strip() else self.household_uses(household)
        open_exit: datetime | None = None
        for use in uses:
            if use.outcome is not Outcome.PASS:
                continue
            open_exit = use.at if use.direction is Direction.OUT else None
        return open_exit

    # -- watchlists ----------------------------------------------------------------------------------

    def add_watchlist_entries(
        self, entries: Iterable[WatchlistEntry], at: datetime, operator_id: uuid.UUID | None
    ) -> int:
        """Append watchlist entries (chained, one transaction) and an audit ``watchlist_imported``
        entry; returns how many were new. Entries whose id is already stored are skipped (a re-import or
        a re-sent sync changes nothing)."""
        at = rec.utc(at, "import time")
        rows = [rec.watchlist_row(entry) for entry in entries]
        with self._writing() as (session, chain):
            self._check_operator(session, operator_id)
            ids = [row["uuid"] for row in rows]
            stored: set[uuid.UUID] = set()
            for start in range(0, len(ids), _IN_CHUNK):
                stored.update(
                    session.execute(
                        select(_watch_t.c.uuid).where(_watch_t.c.uuid.in_(ids[start : start + _IN_CHUNK]))
                    ).scalars()
                )
            fresh: list[dict[str, Any]] = []
            recorded_at = self._now()
            for row in rows:
                if row["uuid"] in stored:
                    continue
                stored.add(row["uuid"])
                row["operator_id"] = operator_id
                row["recorded_at"] = recorded_at
                rec.seal_pii(row, self._pii, row["uuid"])
                chain.seal(rec.WATCHLIST_ENTRY, row, rec.watchlist_fields)
                fresh.append(row)
            if not fresh:
                return 0
            session.execute(insert(_watch_t), fresh)
            sources = sorted({row["source"] for row in fresh if row["source"]})
            self._append(
                session,
                chain,
                rec.AUDIT,
                {
                    "at": at,
                    "action": AuditAction.WATCHLIST_IMPORTED.value,
                    "operator_id": operator_id,
                    "detail": f"{len(fresh)} entries" + (f" from {', '.join(sources)}" if sources else ""),
                },
            )
            return len(fresh)

    def watchlist_entries(self, at: datetime) -> list[WatchlistEntry]:
        """The entries in force at ``at`` (valid then and not ended by then), in the order added."""
        at = rec.utc(at, "time")
        w = _watch_t.c
        ended = select(_watch_end_t.c.entry_id).where(_watch_end_t.c.ended_at <= at)
        query = (
            select(_watch_t)
            .where(
                or_(w.valid_from.is_(None), w.valid_from <= at),
                or_(w.valid_until.is_(None), w.valid_until > at),
                w.uuid.not_in(ended),
            )
            .order_by(w.recorded_at, w.seq)
        )
        with self._reading() as session:
            return [
                rec.to_watchlist_entry(rec.open_pii(row, self._pii, row["uuid"]))
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
        with self._writing() as (session, chain):
            self._check_operator(session, operator_id)
            found = session.execute(select(_watch_t.c.id).where(_watch_t.c.uuid == entry_id)).first()
            if found is None:
                raise InvalidRecordError(f"no watchlist entry {entry_id}")
            ended = session.execute(
                select(_watch_end_t.c.ended_at).where(_watch_end_t.c.entry_id == entry_id)
            ).scalar_one_or_none()
            if ended is not None:
                raise InvalidRecordError(
                    f"watchlist entry {entry_id} was already ended at {ended.isoformat()}"
                )
            self._append(
                session,
                chain,
                rec.WATCHLIST_END,
                {"entry_id": entry_id, "ended_at": at, "reason": reason, "operator_id": operator_id},
            )

    # -- verification --------------------------------------------------------------------------------

    @property
    def reads_beside_writes(self) -> bool:
        """Whether a long read may run on another thread while the writer writes (a file under WAL, or a
        server); an in-memory SQLite database is one shared connection, so its reads must queue instead."""
        return not isinstance(self._engine.pool, StaticPool)

    def verify(self, on_progress: Callable[[int, int], None] | None = None) -> VerifyReport:
        """Integrity check (SQLite) and a walk over the station's whole chain, recomputing every hash.

        ``on_progress(checked, head_seq)`` is called as the walk starts and every few thousand records;
        an exception it raises ends the verification (how a closing station stops a long one).
        """
        with self._reading() as session:
            messages: list[str] = []
            if self._is_sqlite:
                rows = session.connection().exec_driver_sql("PRAGMA integrity_check").all()
                messages = [str(row[0]) for row in rows]
            integrity_ok = messages in ([], ["ok"])
            checked, first_break = self._walk(session, on_progress)
        return VerifyReport(integrity_ok, [] if integrity_ok else messages, checked, first_break)

    def _walk(
        self, session: Session, on_progress: Callable[[int, int], None] | None = None
    ) -> tuple[int, ChainBreak | None]:
        head = session.execute(
            select(_head_t.c.seq, _head_t.c.hash).where(_head_t.c.station_id == self.station_id)
        ).one()
        streams = [self._stream(session, kind) for kind in _CHAINED_TABLES]
        # Runs of seq numbers a retention purge removed (vouched for by its chained purge record): the
        # chain goes on from the run's last hash. A gap no purge recorded is still a deletion.
        gaps = {
            row.first_seq: row
            for row in session.execute(select(_gap_t).where(_gap_t.c.station_id == self.station_id))
        }
        expected, prev, checked = 1, GENESIS, 0
        last: _Link | None = None
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

    def _plain_era(
        self, row: Mapping[Any, Any], opener: Callable[[Mapping[Any, Any]], dict[str, Any]]
    ) -> Mapping[Any, Any]:
        """A row as its hash sees it: rows hashed over their plain ID number and phone (written before
        0006) are opened, and their keyed hash and mask must still belong to them; sealed-form rows are
        hashed over what is stored and need no key. Raises ``StorageError`` when they do not hold."""
        if row["pii_form"] != rec.PII_PLAIN_FORM:
            return row
        opened = opener(row)
        if not rec.legacy_pii_consistent(opened, self._pii):
            raise StorageError(StorageErrorKind.CORRUPT, "keyed hash or mask does not match")
        return opened

    def _stream(self, session: Session, kind: str) -> Iterator[_Link]:
        """One kind's records in seq order, read a batch at a time."""
        table = _CHAINED_TABLES[kind]
        cursor: int | None = None
        while True:
            query = select(table).where(table.c.station_id == self.station_id)
            if cursor is not None:
                query = query.where(table.c.seq > cursor)
            rows = list(session.execute(query.order_by(table.c.seq).limit(_READ_BATCH)).mappings())
            if not rows:
                return
            if kind == rec.PASSAGE:
                persons, vehicles = self._children(session, [row["uuid"] for row in rows])
            if kind == rec.PURGE:
                gaps: dict[uuid.UUID, list[Mapping[Any, Any]]] = {}
                for gap in session.execute(
                    select(_gap_t).where(_gap_t.c.purge_uuid.in_([row["uuid"] for row in rows]))
                ).mappings():
                    gaps.setdefault(gap["purge_uuid"], []).append(gap)
            for row in rows:
                fields: dict[str, object] | None
                try:
                    if kind == rec.PASSAGE:
                        uid = row["uuid"]
                        children = [self._plain_era(p, self._open_person) for p in persons.get(uid, [])]
                        fields = rec.passage_fields(row, children, vehicles.get(uid))
                    elif kind == rec.WATCHLIST_ENTRY:
                        opened = self._plain_era(row, lambda r: rec.open_pii(r, self._pii, r["uuid"]))
                        fields = rec.watchlist_fields(opened)
                    elif kind == rec.PURGE:
                        fields = rec.purge_fields(row, gaps.get(row["uuid"], []))
                    else:
                        fields = rec.record_fields(kind, row)
                except (ValueError, TypeError, StorageError):  # e.g. a JSON column edited into garbage
                    fields = None
                yield _Link(row["seq"], kind, str(row["uuid"]), row["prev_hash"], row["hash"], fields)
            cursor = rows[-1]["seq"]
