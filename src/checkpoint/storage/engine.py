"""Opening a database URL: the engine (SQLite's pragmas and transactions), the schema check and Alembic.

``migrated_engine(url)`` gives an engine on a database at this program's schema: a new database is
created, an older one migrated, a newer or foreign one refused (``StorageError``) without being touched.
A file database runs in WAL mode with ``synchronous=FULL``; a write transaction (the execution option
:data:`WRITE_OPTION`) begins with ``BEGIN IMMEDIATE``, so writers queue on the database lock instead of
failing half-way. :class:`~checkpoint.storage.database.Database` builds on the engine.

The file and its WAL and shared-memory files are private to the station's user (0600), the folders made
for it too (0700), like the keys and exports: a database left open to others by an earlier version is
tightened when opened, and the log says so.
"""

from __future__ import annotations

import logging
import os
import stat
import sys
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

from checkpoint import paths
from checkpoint.storage.errors import InvalidRecordError, StorageError, StorageErrorKind, translated

_log = logging.getLogger(__name__)
_POSIX = sys.platform != "win32"

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


_SIDE_FILES = ("-wal", "-shm", "-journal")  # SQLite's files beside the database


def _prepare_sqlite_folder(database: str) -> None:
    """Create the database's folder (and any missing parent) private to this user (0700), and tighten
    the station's own data folder if it was left open to others. A folder the administrator chose for
    ``--db`` that others may enter is only logged: the files in it are private (see below)."""
    folder = Path(database).expanduser().resolve().parent
    missing = [folder, *folder.parents]
    missing = [path for path in missing if not path.exists()]
    try:
        for path in reversed(missing):
            path.mkdir(mode=0o700)
            if _POSIX:
                path.chmod(0o700)  # whatever the umask left
    except FileExistsError:  # made meanwhile by another process
        pass
    except OSError as exc:
        raise StorageError(
            StorageErrorKind.UNWRITABLE_FOLDER, f"cannot create the folder {folder}: {exc}"
        ) from exc
    if not os.access(folder, os.W_OK | os.X_OK):
        raise StorageError(StorageErrorKind.UNWRITABLE_FOLDER, f"cannot write in the folder {folder}")
    if _POSIX and folder not in missing:
        mode = stat.S_IMODE(folder.stat().st_mode)
        if mode & 0o077:
            if folder == paths.data_dir().expanduser().resolve():
                # a new station's data folder (made 0755 beside the keys) is routine; one that held the
                # database open to others is worth a warning
                _tighten(folder, 0o700, logging.WARNING if Path(database).exists() else logging.INFO)
            else:
                _log.info(  # not a warning: the files in it are private, the folder is the admin's choice
                    "the database folder %s is open to other users (mode %o); the database files in it "
                    "are kept private (0600), but consider: chmod 700 %s",
                    folder,
                    mode,
                    folder,
                )


def _tighten(path: Path, wanted: int, level: int = logging.WARNING) -> None:
    """Give ``path`` mode ``wanted`` if it allows more, and say so in the log (at ``level``)."""
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & ~wanted & 0o777:
        try:
            path.chmod(wanted)
        except OSError as exc:
            raise StorageError(
                StorageErrorKind.UNWRITABLE_FOLDER,
                f"{path} is open to other users (mode {mode:o}) and cannot be made private: {exc}",
            ) from exc
        _log.log(level, "%s was open to other users (mode %o): made private (mode %o)", path, mode, wanted)


def protect_sqlite_files(database: str) -> None:
    """Make the database file private to this user (0600) before SQLite opens it, and tighten it and its
    WAL, shared-memory and journal files if an earlier version (or a copy) left them readable by others.

    SQLite creates a new database 0644 (less the umask) and its WAL and shared-memory files with the
    database file's mode, so creating the file 0600 first (an empty file is an empty database) keeps all
    of them private from the start.
    """
    if not _POSIX:
        return
    path = Path(database).expanduser()
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass
    except OSError as exc:
        raise StorageError(StorageErrorKind.UNWRITABLE_FOLDER, f"cannot create {path}: {exc}") from exc
    else:
        os.close(fd)
    for item in (path, *(path.with_name(path.name + suffix) for suffix in _SIDE_FILES)):
        if item.exists():
            _tighten(item, 0o600)


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
        protect_sqlite_files(parsed.database)
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
