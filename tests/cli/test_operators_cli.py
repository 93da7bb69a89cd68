"""``checkpoint operators``: the first administrator, adding with a PIN, refusals and the lock-out."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from checkpoint.cli import main
from checkpoint.domain.records import AuditAction
from checkpoint.storage.database import open_database


def cli(monkeypatch: pytest.MonkeyPatch, stdin: str, *args: str) -> int:
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    return main(list(args))


def test_operators_are_managed_by_an_administrator_with_a_pin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = f"sqlite:///{tmp_path / 'station.sqlite3'}"
    first = ("operators", "add", "赵管理", "--role", "administrator", "--pin-stdin", "--db", db)
    assert cli(monkeypatch, "2468\n", *first) == 0  # the first administrator needs nobody's PIN
    admin = ("--operator", "赵管理", "--pin-stdin", "--db", db)
    assert cli(monkeypatch, "2468\n1357\n", "operators", "add", "小王", "--role", "operator", *admin) == 0
    capsys.readouterr()

    # A wrong PIN, the wrong role, a bad new PIN: one line each, nothing changed.
    assert cli(monkeypatch, "0000\n1111\n", "operators", "add", "小李", "--role", "operator", *admin) == 1
    assert capsys.readouterr().err == "checkpoint: error: refused: wrong PIN\n"
    as_operator = ("--operator", "小王", "--pin-stdin", "--db", db)
    assert cli(monkeypatch, "1357\n", "operators", "disable", "赵管理", *as_operator) == 1
    assert capsys.readouterr().err == (
        "checkpoint: error: refused: 小王 is operator: this needs an administrator or above\n"
    )
    assert cli(monkeypatch, "2468\n12\n", "operators", "set-pin", "小王", *admin) == 1
    assert "PIN refused: too short" in capsys.readouterr().err
    assert cli(monkeypatch, "", "operators", "list", "--operator", "赵管理", "--db", db) == 1
    assert "--pin-stdin" in capsys.readouterr().err  # no terminal to ask on

    assert cli(monkeypatch, "2468\n", "operators", "list", *admin) == 0
    assert capsys.readouterr().out.splitlines() == [
        "赵管理\tadministrator\tPIN\tenabled",
        "小王\toperator\tPIN\tenabled",
    ]
    database = open_database(db)
    try:
        actions = [e.action for e in database.audit.audit_entries()]
        assert AuditAction.ACCESS_REFUSED in actions and actions.count(AuditAction.OPERATOR_ADDED) == 2
        assert database.verify().ok
    finally:
        database.close()


def test_five_wrong_pins_lock_the_command_line_out_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = f"sqlite:///{tmp_path / 'station.sqlite3'}"
    assert (
        cli(
            monkeypatch,
            "2468\n",
            "operators",
            "add",
            "赵管理",
            "--role",
            "administrator",
            "--pin-stdin",
            "--db",
            db,
        )
        == 0
    )
    admin = ("--operator", "赵管理", "--pin-stdin", "--db", db)
    for _ in range(5):
        assert cli(monkeypatch, "9999\n", "operators", "list", *admin) == 1
    capsys.readouterr()
    assert cli(monkeypatch, "2468\n", "operators", "list", *admin) == 1
    assert "locked out after wrong PINs until" in capsys.readouterr().err
