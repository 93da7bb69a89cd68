"""Opening a database: creation, migration, connection settings, and refusing what we must not touch."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from checkpoint.domain.records import AuditAction, PassageDraft
from checkpoint.storage._models import Base
from checkpoint.storage.database import Database, open_database
from checkpoint.storage.engine import schema_head
from checkpoint.storage.errors import StorageError, StorageErrorKind
from checkpoint.storage.fts import include_name
from checkpoint.storage.passage_filter import PassageFilter


def _file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_fresh_database_is_created_with_wal_and_full_sync(db_path: Path) -> None:
    assert not db_path.parent.exists()
    database = open_database(f"sqlite:///{db_path}")
    try:
        assert db_path.is_file()
        with database._engine.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
            assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
            assert connection.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
            assert (
                connection.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
                == schema_head()
            )
        created = database.audit.audit_entries()
        assert [e.action for e in created] == [AuditAction.DATABASE_CREATED]
        assert created[0].seq == 1
        assert str(database.station_id) in created[0].detail
        assert database.url == f"sqlite:///{db_path}"
    finally:
        database.close()


def test_station_id_is_created_once_and_kept(db_path: Path) -> None:
    first = open_database(f"sqlite:///{db_path}")
    station = first.station_id
    first.close()
    again = open_database(f"sqlite:///{db_path}")
    try:
        assert again.station_id == station
        assert len(again.audit.audit_entries()) == 1  # no second "database created"
    finally:
        again.close()


def test_migrations_build_exactly_the_models(db: Database) -> None:
    with db._engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": include_name})
        differences = compare_metadata(context, Base.metadata)
    assert differences == []


def test_newer_schema_is_refused_and_left_untouched(db_path: Path) -> None:
    open_database(f"sqlite:///{db_path}").close()
    with sqlite3.connect(db_path) as raw:
        raw.execute("UPDATE alembic_version SET version_num = 'fffffffffff9'")
    raw.close()
    before = _file_digest(db_path)
    with pytest.raises(StorageError) as caught:
        open_database(f"sqlite:///{db_path}")
    assert caught.value.kind is StorageErrorKind.NEWER_SCHEMA
    assert "fffffffffff9" in caught.value.detail
    assert _file_digest(db_path) == before
    with sqlite3.connect(db_path) as raw:
        assert raw.execute("SELECT version_num FROM alembic_version").fetchall() == [("fffffffffff9",)]
    raw.close()


def test_folder_that_cannot_be_created_is_unwritable(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be")
    with pytest.raises(StorageError) as caught:
        open_database(f"sqlite:///{blocker / 'data' / 'checkpoint.sqlite3'}")
    assert caught.value.kind is StorageErrorKind.UNWRITABLE_FOLDER


@pytest.mark.expected_log  # a file others may read is tightened: a warning
def test_file_that_is_not_a_database_is_corrupt(tmp_path: Path) -> None:
    path = tmp_path / "checkpoint.sqlite3"
    path.write_bytes(b"this is a spreadsheet, not a database\n" * 50)
    with pytest.raises(StorageError) as caught:
        open_database(f"sqlite:///{path}")
    assert caught.value.kind is StorageErrorKind.CORRUPT


@pytest.mark.expected_log  # a file others may read is tightened: a warning
def test_someone_elses_sqlite_file_is_refused_without_changes(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite3"
    with sqlite3.connect(path) as raw:
        raw.execute("CREATE TABLE contacts (name TEXT)")
        raw.execute("INSERT INTO contacts VALUES ('x')")
    raw.close()
    before = _file_digest(path)
    with pytest.raises(StorageError) as caught:
        open_database(f"sqlite:///{path}")
    assert caught.value.kind is StorageErrorKind.CORRUPT
    assert "contacts" in caught.value.detail
    assert _file_digest(path) == before


def test_bad_url_is_invalid_input() -> None:
    with pytest.raises(ValueError):
        open_database("definitely not a url")


def test_locked_database_reports_locked_and_works_once_released(
    db_path: Path, post: object, draft: Callable[..., PassageDraft]
) -> None:
    blocked = draft(1)
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        impatient = open_database(f"sqlite:///{db_path}", busy_timeout=0.2)  # WAL: opening only reads
        with pytest.raises(StorageError) as caught:
            impatient.passages.append_passage(blocked)
        assert caught.value.kind is StorageErrorKind.LOCKED
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    try:
        assert impatient.passages.passage(blocked.uuid) is None
        stored = impatient.passages.append_passage(blocked)
        assert impatient.passages.passage(blocked.uuid) == stored
        assert impatient.verify().ok
    finally:
        impatient.close()


def test_two_threads_writing_keep_one_gapless_chain(
    db: Database, post: object, draft: Callable[..., PassageDraft]
) -> None:
    errors: list[BaseException] = []

    def writer(offset: int) -> None:
        try:
            for i in range(40):
                db.passages.append_passage(draft(offset + i))
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n * 100,)) for n in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    report = db.verify()
    assert report.ok, report
    keys = db.passages.passage_keys(PassageFilter())
    assert len(keys) == 80
    assert keys == sorted(set(keys), reverse=True)
