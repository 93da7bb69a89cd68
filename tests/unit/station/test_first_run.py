"""The first-run service the wizard writes through: it says a refused write or an unusable key file with
its own errors (the wizard words them without a storage name)."""

from __future__ import annotations

from pathlib import Path
from typing import cast

import pytest
from PySide6.QtCore import QSettings

from checkpoint.domain.roles import OperatorAccount
from checkpoint.station.first_run import (
    FirstRunService,
    FirstRunSetup,
    KeysNotWrittenError,
    SetupRefusedError,
)
from checkpoint.storage.database import Database, open_database
from checkpoint.storage.errors import StorageError, StorageErrorKind
from checkpoint.storage.keys import PRIVATE_KEY_FILE, keys_dir
from tests.station_clock import TickingClock

SETUP = FirstRunSetup(
    gate_name="北门", profile="highway-exit", admin_name="赵管理", pin="2468", pin_again="2468"
)


class _LockedOperators:
    def operator_accounts(self) -> list[OperatorAccount]:
        raise StorageError(StorageErrorKind.LOCKED, "database is locked")


class _LockedDatabase:
    """A database another program holds locked: every read is refused."""

    operators = _LockedOperators()


def _settings(folder: Path) -> QSettings:
    return QSettings(str(folder / "settings.ini"), QSettings.Format.IniFormat)


def test_a_refused_write_comes_back_in_words(qapp: object, tmp_path: Path, clock: TickingClock) -> None:
    service = FirstRunService(cast(Database, _LockedDatabase()), _settings(tmp_path), clock=clock)
    with pytest.raises(SetupRefusedError) as refused:
        service.complete(SETUP)
    assert refused.value.reason == "The database is busy (locked by another program)."


def test_a_key_file_that_cannot_be_used_is_said_with_its_reason(tmp_path: Path, clock: TickingClock) -> None:
    key = keys_dir() / PRIVATE_KEY_FILE
    key.write_bytes(b"not a key")
    key.chmod(0o600)
    database = open_database(f"sqlite:///{tmp_path / 'station.sqlite3'}")
    try:
        with pytest.raises(KeysNotWrittenError, match="is not an unencrypted PEM private key"):
            FirstRunService(database, _settings(tmp_path), clock=clock).complete(SETUP)
    finally:
        database.close()
