"""The command line with the data key missing: a one-line error that says what to restore, exit 1."""

from __future__ import annotations

from pathlib import Path

import pytest

from checkpoint.cli import main
from checkpoint.storage.keys import data_key_path


def test_verify_without_the_data_key_says_to_restore_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'station.sqlite3'}"
    assert main(["db", "verify", "--db", url]) == 0
    capsys.readouterr()
    data_key_path().unlink()
    assert main(["db", "verify", "--db", url]) == 1
    error = capsys.readouterr().err.strip()
    assert len(error.splitlines()) == 1
    assert "data key is missing" in error and f"restore {data_key_path()}" in error
    assert not data_key_path().exists()
