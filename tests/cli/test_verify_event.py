"""``checkpoint db verify`` as an event: a broken database is written to the audit trail (naming the first
broken record), told in one line with exit code 1; a signed-in check that passes is audited too."""

from __future__ import annotations

import io
import json
import sqlite3
import sys
from pathlib import Path

import pytest

from checkpoint.cli import main
from checkpoint.domain.records import AuditAction
from checkpoint.storage.database import open_database
from tests.cli.cli_staff import LEADER, OPERATOR, add_staff, as_, audit_actions


@pytest.fixture
def db_file(tmp_path: Path) -> Path:
    """A small database: its creation, three operators with PINs, their audit entries (a dozen records)."""
    path = tmp_path / "station.sqlite3"
    add_staff(f"sqlite:///{path}")
    return path


def url(path: Path) -> str:
    return f"sqlite:///{path}"


def entries(path: Path, action: AuditAction) -> list[tuple[str, str | None]]:
    """(detail, operator name) of each audit entry with ``action``."""
    database = open_database(url(path))
    try:
        names = {op.id: op.name for op in database.operators.all()}
        return [
            (e.detail, names.get(e.operator_id) if e.operator_id else None)
            for e in database.audit.audit_entries()
            if e.action is action
        ]
    finally:
        database.close()


def tamper(path: Path, sql: str) -> int:
    """Runs ``sql`` on the fifth record of the audit table (outside the application); returns its seq."""
    con = sqlite3.connect(path)
    with con:
        seq = con.execute("SELECT seq FROM audit ORDER BY seq LIMIT 1 OFFSET 4").fetchone()[0]
        con.execute(sql, (seq,))
    con.close()
    return int(seq)


def test_an_edited_record_is_an_audited_event_named_in_one_line(
    db_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seq = tamper(db_file, "UPDATE audit SET detail = 'nothing happened' WHERE seq = ?")
    assert main(["db", "verify", "--db", url(db_file)]) == 1
    out, err = capsys.readouterr()
    assert f"hash chain: BROKEN at record #{seq} (audit " in out
    assert err.count("\n") == 1 and err.startswith(
        f"checkpoint: error: the database failed verification: record #{seq} (audit "
    )
    assert "was edited outside the application; written to the audit trail" in err
    assert "call the administrator" in err
    [(detail, who)] = entries(db_file, AuditAction.VERIFY_FAILED)
    assert f"hash chain BROKEN at record #{seq} (audit " in detail and detail.endswith("hash_mismatch")
    assert who is None  # nobody signed in: the event is still recorded

    # The new entry does not hide the break: the next check finds the same record, and says so again.
    assert main(["db", "verify", "--json", "--db", url(db_file)]) == 1
    report = json.loads(capsys.readouterr().out)
    assert (report["first_break"]["seq"], report["audited"]) == (seq, True)
    assert len(entries(db_file, AuditAction.VERIFY_FAILED)) == 2


def test_a_deleted_record_is_named_by_its_missing_number(
    db_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    seq = tamper(db_file, "DELETE FROM audit WHERE seq = ?")
    assert main(["db", "verify", "--db", url(db_file)]) == 1
    err = capsys.readouterr().err
    assert f"record #{seq} was missing (deleted outside the application)" in err
    [(detail, _who)] = entries(db_file, AuditAction.VERIFY_FAILED)
    assert detail.endswith(f"hash chain BROKEN at record #{seq}: seq_gap")


def test_a_check_that_passes_is_audited_only_when_signed_in(
    db_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = audit_actions(url(db_file))
    assert main(["db", "verify", "--db", url(db_file)]) == 0  # open to anyone, leaves no trace
    assert audit_actions(url(db_file)) == before
    assert main(["db", "verify", "--db", url(db_file), *as_(monkeypatch, OPERATOR)]) == 0
    assert "hash chain: ok" in capsys.readouterr().out
    [(detail, who)] = entries(db_file, AuditAction.VERIFY_OK)
    assert who == OPERATOR and detail.endswith("integrity ok, hash chain ok")

    monkeypatch.setattr(sys, "stdin", io.StringIO("0000\n"))
    assert main(["db", "verify", "--db", url(db_file), "--operator", LEADER, "--pin-stdin"]) == 1
    out, err = capsys.readouterr()
    assert (out, err) == ("", "checkpoint: error: refused: wrong PIN\n")  # refused before checking
    assert len(entries(db_file, AuditAction.VERIFY_OK)) == 1


def test_a_signed_in_check_of_a_broken_database_names_who_found_it(
    db_file: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    tamper(db_file, "UPDATE audit SET at = '2020-01-01 00:00:00' WHERE seq = ?")
    assert main(["db", "verify", "--db", url(db_file), *as_(monkeypatch, LEADER)]) == 1
    [(_detail, who)] = entries(db_file, AuditAction.VERIFY_FAILED)
    assert who == LEADER
    assert entries(db_file, AuditAction.VERIFY_OK) == []
