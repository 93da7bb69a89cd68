"""``checkpoint operators``: the first administrator, adding with a PIN, refusals and the lock-out."""

from __future__ import annotations

import io
import re
import sys
from pathlib import Path

import pytest
from sqlalchemy import text

from checkpoint.cli import main
from checkpoint.domain.records import AuditAction, Role
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


def _first_administrator(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], db: str) -> str:
    """Adds 赵管理 (PIN 2468) as the first administrator; returns the recovery code it printed."""
    first = ("operators", "add", "赵管理", "--role", "administrator", "--pin-stdin", "--db", db)
    assert cli(monkeypatch, "2468\n", *first) == 0
    out = capsys.readouterr().out
    match = re.search(r"recovery code of 赵管理: ([0-9A-Z-]+)", out)
    assert match is not None, out
    return match.group(1)


def test_a_new_pin_is_refused_when_trivial_with_the_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = f"sqlite:///{tmp_path / 'station.sqlite3'}"
    # The attack: the administrator's PIN is the one every guesser tries first.
    first = ("operators", "add", "赵管理", "--role", "administrator", "--pin-stdin", "--db", db)
    assert cli(monkeypatch, "1234\n", *first) == 1
    assert "PIN refused: sequence" in capsys.readouterr().err
    _first_administrator(monkeypatch, capsys, db)
    admin = ("--operator", "赵管理", "--pin-stdin", "--db", db)
    assert cli(monkeypatch, "2468\n1111\n", "operators", "add", "小王", "--role", "operator", *admin) == 1
    assert "PIN refused: repeated" in capsys.readouterr().err
    assert cli(monkeypatch, "2468\n2580\n", "operators", "add", "小王", "--role", "operator", *admin) == 1
    assert "PIN refused: common" in capsys.readouterr().err


def test_add_without_operator_makes_no_administrator_once_one_exists(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = f"sqlite:///{tmp_path / 'station.sqlite3'}"
    database = open_database(db)
    database.operators.ensure_operator("老管理", Role.ADMINISTRATOR)  # on record, from before PINs
    database.close()

    # The attack: no administrator can sign in, so the command line is asked for a new one.
    sneak = ("operators", "add", "黑客", "--role", "administrator", "--pin-stdin", "--db", db)
    assert cli(monkeypatch, "5821\n", *sneak) == 1
    assert "this needs --operator NAME" in capsys.readouterr().err
    database = open_database(db)
    try:
        assert [a.operator.name for a in database.operators.operator_accounts()] == ["老管理"]
        refused = [e.detail for e in database.audit.audit_entries() if e.action is AuditAction.ACCESS_REFUSED]
        assert len(refused) == 1 and "nobody" in refused[0]
    finally:
        database.close()


def test_a_locked_out_administrator_recovers_with_the_code_shown_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = f"sqlite:///{tmp_path / 'station.sqlite3'}"
    code = _first_administrator(monkeypatch, capsys, db)
    admin = ("--operator", "赵管理", "--pin-stdin", "--db", db)
    # The attack: five wrong PINs at the keypad lock the only administrator out.
    for _ in range(5):
        assert cli(monkeypatch, "9999\n", "operators", "list", *admin) == 1
    assert cli(monkeypatch, "2468\n", "operators", "list", *admin) == 1
    assert "locked out" in capsys.readouterr().err

    recover = ("operators", "recover", "赵管理", "--pin-stdin", "--db", db)
    assert cli(monkeypatch, "WRONG-CODE-AAAA-BBBB-CCCC\n7315\n", *recover) == 1  # a guess is refused
    assert "wrong recovery code" in capsys.readouterr().err
    assert cli(monkeypatch, f"{code.lower()}\n1234\n", *recover) == 1  # the new PIN follows the rules
    assert "PIN refused: sequence" in capsys.readouterr().err
    assert cli(monkeypatch, f"{code.lower()}\n7315\n", *recover) == 0
    out = capsys.readouterr().out
    new_code = re.search(r"recovery code of 赵管理: ([0-9A-Z-]+)", out)
    assert new_code is not None and new_code.group(1) != code
    assert cli(monkeypatch, "7315\n", "operators", "list", *admin) == 0  # signed in again
    capsys.readouterr()
    assert cli(monkeypatch, f"{code}\n8264\n", *recover) == 1  # a code works once
    assert "wrong recovery code" in capsys.readouterr().err

    database = open_database(db)
    try:
        actions = [e.action for e in database.audit.audit_entries()]
        assert actions.count(AuditAction.RECOVERY_FAILED) == 2
        assert actions.count(AuditAction.RECOVERED) == 1
        assert actions.count(AuditAction.RECOVERY_CODE_SET) == 2
        with database.reading() as session:  # the code is kept only as its argon2id hash
            stored = session.execute(text("SELECT code_hash FROM operator_recovery")).scalars().all()
        assert all(h.startswith("$argon2id$") for h in stored)
        assert not any(code.replace("-", "") in h for h in stored)
        assert database.verify().ok
    finally:
        database.close()


def test_a_disabled_administrator_cannot_undo_it_with_their_recovery_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = f"sqlite:///{tmp_path / 'station.sqlite3'}"
    _first_administrator(monkeypatch, capsys, db)
    admin = ("--operator", "赵管理", "--pin-stdin", "--db", db)
    assert (
        cli(monkeypatch, "2468\n5821\n", "operators", "add", "钱管理", "--role", "administrator", *admin) == 0
    )
    code = re.search(r"recovery code of 钱管理: ([0-9A-Z-]+)", capsys.readouterr().out)
    assert code is not None
    assert cli(monkeypatch, "2468\n", "operators", "disable", "钱管理", *admin) == 0
    recover = ("operators", "recover", "钱管理", "--pin-stdin", "--db", db)
    assert cli(monkeypatch, f"{code.group(1)}\n7315\n", *recover) == 1
    assert "钱管理 is disabled" in capsys.readouterr().err
    database = open_database(db)
    try:
        assert not {a.operator.name: a for a in database.operators.operator_accounts()}["钱管理"].enabled
    finally:
        database.close()
