"""The command line with the data key missing: ``db verify`` still checks everything that needs no key and
says which key to restore; a command that needs the key refuses in one line. No key is ever made for it."""

from __future__ import annotations

from pathlib import Path

import pytest

from checkpoint.cli import main
from checkpoint.storage.keys import data_key_path


@pytest.mark.expected_log  # opening without the data key warns, by design
def test_without_the_data_key_verify_runs_and_says_to_restore_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'station.sqlite3'}"
    assert main(["db", "verify", "--db", url]) == 0
    capsys.readouterr()
    data_key_path().unlink()

    assert main(["db", "verify", "--db", url]) == 0
    out = capsys.readouterr().out
    assert "hash chain: ok" in out
    assert "data key is missing" in out and f"restore {data_key_path()}" in out
    assert not data_key_path().exists()

    assert main(["purge", "--dry-run", "--db", url]) == 1
    error = capsys.readouterr().err.strip()
    assert len(error.splitlines()) == 1
    assert "data key is missing" in error and f"restore {data_key_path()}" in error
    assert not data_key_path().exists()
