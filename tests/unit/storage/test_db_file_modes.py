"""The database file, its WAL and shared-memory files and its folder are private to the station's user:
made 0600/0700, and tightened (with a log line) when an older version or a copy left them open."""

from __future__ import annotations

import logging
import os
import stat
import sys
from pathlib import Path

import pytest

from checkpoint import paths
from checkpoint.domain.records import AuditAction
from checkpoint.storage.database import open_database
from tests.unit.storage.storage_helpers import T0

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _side(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def test_a_new_database_and_the_folders_made_for_it_are_private(tmp_path: Path) -> None:
    path = tmp_path / "new" / "deeper" / "checkpoint.sqlite3"
    saved = os.umask(0o022)  # the usual umask, which gave 0644 files in 0755 folders
    try:
        database = open_database(f"sqlite:///{path}")
    finally:
        os.umask(saved)
    try:
        database.audit.append_audit(AuditAction.SETTINGS_CHANGED, "a write, so the WAL is in use", T0)
        assert _side(path, "-wal").exists() and _side(path, "-shm").exists()
        assert {_mode(p) for p in (path, _side(path, "-wal"), _side(path, "-shm"))} == {0o600}
        assert _mode(path.parent) == 0o700 and _mode(path.parent.parent) == 0o700
    finally:
        database.close()
    assert _mode(path) == 0o600


def test_an_open_database_is_tightened_with_a_log_line(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "old" / "checkpoint.sqlite3"
    database = open_database(f"sqlite:///{path}")
    database.audit.append_audit(AuditAction.SETTINGS_CHANGED, "a write, so the WAL is in use", T0)
    wal, shm = _side(path, "-wal"), _side(path, "-shm")
    for item in (path, wal, shm):
        item.chmod(0o644)  # as an earlier version left them
    database.close()
    path.chmod(0o644)
    for item in (wal, shm):
        if item.exists():
            item.chmod(0o666)
    with caplog.at_level(logging.WARNING, logger="checkpoint.storage.engine"):
        database = open_database(f"sqlite:///{path}")
    try:
        assert _mode(path) == 0o600
        for item in (wal, shm):
            assert not item.exists() or _mode(item) == 0o600
        assert any(
            str(path) in r.getMessage() and "made private" in r.getMessage() for r in caplog.records
        ), caplog.text
    finally:
        database.close()


@pytest.mark.expected_log  # tightening left-over files is a warning
def test_left_over_wal_and_shared_memory_files_are_tightened(tmp_path: Path) -> None:
    path = tmp_path / "checkpoint.sqlite3"
    open_database(f"sqlite:///{path}").close()
    wal, shm = _side(path, "-wal"), _side(path, "-shm")
    for item in (wal, shm):
        item.write_bytes(b"")  # an empty WAL and index are what a clean close may leave
        item.chmod(0o644)
    database = open_database(f"sqlite:///{path}")
    try:
        assert all(_mode(item) == 0o600 for item in (wal, shm) if item.exists())
    finally:
        database.close()


def test_the_stations_data_folder_is_tightened(caplog: pytest.LogCaptureFixture) -> None:
    folder = paths.data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o755)  # as the keys' folder left its parent, before the first database
    with caplog.at_level(logging.INFO, logger="checkpoint.storage.engine"):
        open_database(f"sqlite:///{folder / paths.DB_FILENAME}").close()
    assert _mode(folder) == 0o700
    assert [r.levelno for r in caplog.records if "made private" in r.getMessage()] == [logging.INFO]
    caplog.clear()
    folder.chmod(0o755)  # as an earlier version left it, with the database in it: a warning
    with caplog.at_level(logging.INFO, logger="checkpoint.storage.engine"):
        open_database(f"sqlite:///{folder / paths.DB_FILENAME}").close()
    assert _mode(folder) == 0o700
    assert [r.levelno for r in caplog.records if "made private" in r.getMessage()] == [logging.WARNING]


def test_a_folder_chosen_by_the_administrator_is_not_changed_but_logged(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    folder = tmp_path / "shared"
    folder.mkdir()
    folder.chmod(0o755)
    with caplog.at_level(logging.INFO, logger="checkpoint.storage.engine"):
        open_database(f"sqlite:///{folder / 'db.sqlite3'}").close()
    assert _mode(folder) == 0o755
    assert _mode(folder / "db.sqlite3") == 0o600
    assert "open to other users" in caplog.text
