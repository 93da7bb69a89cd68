"""Opening a database URL: the engine (SQLite's pragmas and transactions), the schema check and Alembic.

``migrated_engine(url)`` gives an engine on a database at this program's schema: a new database is
created, an older one migrated, a newer or foreign one refused (``StorageError``) without being touched.
A file database runs in WAL mode with ``synchronous=FULL``; a write transaction (the execution option
:data:`WRITE_OPTION`) begins with ``BEGIN IMMEDIATE``, so writers queue on the database lock instead of
failing half-way. :class:`~checkpoint.storage.database.Database` builds on the engine.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy import exc as sa_exc
from sqlalchemy.engine import make_url
from sqlalchemy.pool import StaticPool

from checkpoint.storage.errors import InvalidRecordError, StorageError, StorageErrorKind, translated

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"

WRITE_OPTION = "checkpoint_write"  # execution option: this transaction writes (SQLite: BEGIN IMMEDIATE)
BULK_OPTION = "checkpoint_bulk"  # execution option: a bulk load (SQLite: no fsync per commit)
_CACHE_KIB = 32 * 1024  # SQLite page cache per connection: random-uuid indexes need room as the log grows
_BULK_CACHE_KIB = 1024 * 1024  # a bulk load's connection (it keeps this larger cache afterwards)


def database_folder(url: str) -> Path | None:
    """The folder of a SQLite file database (where a full disk shows); None for anything else."""
    try:
        parsed = make_url(url)
    except sa_exc.ArgumentError:
        return None
    if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
        return None
    return Path(parsed.database).expanduser().resolve().parent


def alembic_config() -> Config:
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
        writing = options.get(WRITE_OPTION, False)
        if writing:
            # A bulk load (demo data, imports of history) trades durability of its last batches for
            # speed; every other write syncs before it returns. Set per transaction: connections are
            # pooled, so a bulk setting must not outlive its load.
            bulk = options.get(BULK_OPTION, False)
            connection.exec_driver_sql("PRAGMA synchronous=OFF" if bulk else "PRAGMA synchronous=FULL")
            if bulk:  # the random-uuid indexes of millions of rows: keep them in memory while loading
                connection.exec_driver_sql(f"PRAGMA cache_size=-{_BULK_CACHE_KIB}")
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writing else "BEGIN")

    return engine


def schema_head() -> str:
    """The newest schema revision this program knows (what ``open_database`` migrates to)."""
    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
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


def migrated_engine(url: str, busy_timeout: float) -> Engine:
    """An engine on the database at ``url`` (``sqlite:///path`` or ``postgresql://...``), created or
    migrated to this program's schema; ``busy_timeout`` (seconds) is how long a write waits for another
    writer before failing ``LOCKED``. Raises ``InvalidRecordError`` for a URL that is none, ``StorageError``
    for a database that cannot be opened or is newer than this program."""
    try:
        parsed = make_url(url)
    except sa_exc.ArgumentError as exc:
        raise InvalidRecordError(f"not a database URL: {url!r}") from exc
    is_sqlite = parsed.get_backend_name() == "sqlite"
    file_db = is_sqlite and bool(parsed.database) and parsed.database != ":memory:"
    if file_db:
        assert parsed.database is not None
        _prepare_sqlite_folder(parsed.database)
    with translated():
        try:
            engine = _sqlite_engine(url, parsed.database, busy_timeout) if is_sqlite else create_engine(url)
        except ModuleNotFoundError as exc:
            raise StorageError(StorageErrorKind.OTHER, f"no driver for {parsed.drivername}: {exc}") from exc
    try:
        with translated():
            config = alembic_config()
            needs_upgrade = _check_schema(engine, config)
            if file_db:
                _enable_wal(engine)
            if needs_upgrade:
                with engine.begin() as connection:
                    config.attributes["connection"] = connection
                    command.upgrade(config, "head")
    except BaseException:
        engine.dispose()
        raise
    return engine
