"""Operator accounts, PINs (argon2id), disabling, sign-in attempts and the lock-out, across a reopen."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from checkpoint.domain.records import AuditAction, Role
from checkpoint.domain.roles import LOCKOUT_DURATION, PinProblem, SignInOutcome
from checkpoint.storage.database import Database, open_database
from checkpoint.storage.operators import OperatorRefusedError, PinRejectedError
from tests.unit.storage.storage_helpers import T0


def actions(db: Database) -> list[AuditAction]:
    return [e.action for e in db.audit.audit_entries()][1:]  # without "database created"


def test_a_pin_is_stored_only_as_an_argon2id_hash_and_signs_in(db: Database, db_path: Path) -> None:
    admin = db.operators.add_operator("赵管理", Role.ADMINISTRATOR, T0, None, pin="2468")
    con = sqlite3.connect(db_path)
    stored = con.execute("SELECT pin_hash FROM operator_pin").fetchall()
    con.close()
    assert len(stored) == 1 and stored[0][0].startswith("$argon2id$") and "2468" not in stored[0][0]

    result = db.operators.sign_in("赵管理", "2468", T0)
    assert result.ok and result.operator == admin
    assert db.operators.has_administrator()
    assert actions(db) == [AuditAction.OPERATOR_ADDED, AuditAction.PIN_SET, AuditAction.SIGNED_IN]
    assert db.verify().ok


def test_bad_pins_and_names_are_refused_and_nothing_is_written(db: Database) -> None:
    with pytest.raises(PinRejectedError) as refused:
        db.operators.add_operator("李明", Role.OPERATOR, T0, None, pin="12")
    assert refused.value.problem is PinProblem.TOO_SHORT
    assert db.operators.operator_accounts() == []
    db.operators.add_operator("李明", Role.OPERATOR, T0, None)
    with pytest.raises(OperatorRefusedError, match="already exists"):
        db.operators.add_operator(" 李明 ", Role.SHIFT_LEADER, T0, None)


def test_wrong_pins_lock_out_and_a_reopen_does_not_reset_the_count(db_path: Path) -> None:
    url = f"sqlite:///{db_path}"
    db = open_database(url)
    operator = db.operators.add_operator("李明", Role.OPERATOR, T0, None, pin="1357")
    for i in range(3):
        result = db.operators.sign_in("李明", "0000", T0 + timedelta(seconds=i))
        assert result.outcome is SignInOutcome.WRONG_PIN and result.failures_left == 4 - i
    db.close()

    db = open_database(url)  # the station restarted
    assert db.operators.sign_in("李明", "0000", T0 + timedelta(seconds=3)).failures_left == 1
    fifth = db.operators.sign_in("李明", "0000", T0 + timedelta(seconds=4))
    assert fifth.outcome is SignInOutcome.LOCKED_OUT
    assert fifth.locked_until == T0 + timedelta(seconds=4) + LOCKOUT_DURATION
    # Locked: even the right PIN is refused, without being checked, and the refusal is audited.
    right = db.operators.sign_in("李明", "1357", T0 + timedelta(minutes=2))
    assert right.outcome is SignInOutcome.LOCKED_OUT
    db.close()

    db = open_database(url)
    assert db.operators.lockout_state(operator.id, T0 + timedelta(minutes=3)).locked_until is not None
    assert db.operators.sign_in("李明", "1357", T0 + timedelta(minutes=6)).ok  # the lock ended
    assert actions(db).count(AuditAction.LOCKED_OUT) == 2
    assert actions(db).count(AuditAction.SIGN_IN_FAILED) == 5
    assert db.verify().ok
    db.close()


def test_a_new_pin_lifts_a_lock_out(db: Database) -> None:
    admin = db.operators.add_operator("赵管理", Role.ADMINISTRATOR, T0, None, pin="2468")
    operator = db.operators.add_operator("李明", Role.OPERATOR, T0, admin.id, pin="1357")
    for i in range(5):
        db.operators.sign_in("李明", "9999", T0 + timedelta(seconds=i))
    assert (
        db.operators.sign_in("李明", "1357", T0 + timedelta(seconds=30)).outcome is SignInOutcome.LOCKED_OUT
    )
    db.operators.set_operator_pin(operator.id, "8642", T0 + timedelta(minutes=1), admin.id)
    assert db.operators.sign_in("李明", "1357", T0 + timedelta(minutes=1)).outcome is SignInOutcome.WRONG_PIN
    assert db.operators.sign_in("李明", "8642", T0 + timedelta(minutes=1)).ok


def test_unknown_disabled_and_pinless_operators_cannot_sign_in(db: Database) -> None:
    admin = db.operators.add_operator("赵管理", Role.ADMINISTRATOR, T0, None, pin="2468")
    operator = db.operators.add_operator("李明", Role.OPERATOR, T0, admin.id, pin="1357")
    db.operators.add_operator("新人", Role.OPERATOR, T0, admin.id)
    assert db.operators.sign_in("nobody", "1357", T0).outcome is SignInOutcome.UNKNOWN_OPERATOR
    assert db.operators.sign_in("新人", "1357", T0).outcome is SignInOutcome.NO_PIN
    db.operators.set_operator_enabled(operator.id, False, T0, admin.id)
    assert db.operators.sign_in("李明", "1357", T0).outcome is SignInOutcome.DISABLED
    accounts = {a.operator.name: a for a in db.operators.operator_accounts()}
    assert not accounts["李明"].enabled and accounts["李明"].has_pin and not accounts["新人"].has_pin
    db.operators.set_operator_enabled(operator.id, True, T0, admin.id)
    assert db.operators.sign_in("李明", "1357", T0).ok
    failed = [e for e in db.audit.audit_entries() if e.action is AuditAction.SIGN_IN_FAILED]
    assert [e.detail for e in failed] == ["unknown operator 'nobody'", "新人: no PIN set", "李明: disabled"]
    assert db.verify().ok


def test_the_last_administrator_cannot_be_disabled(db: Database) -> None:
    admin = db.operators.add_operator("赵管理", Role.ADMINISTRATOR, T0, None, pin="2468")
    with pytest.raises(OperatorRefusedError, match="last administrator"):
        db.operators.set_operator_enabled(admin.id, False, T0, admin.id)
    second = db.operators.add_operator("钱管理", Role.ADMINISTRATOR, T0, admin.id, pin="5821")
    db.operators.set_operator_enabled(admin.id, False, T0, second.id)
    assert db.operators.has_administrator()  # 钱管理 still is one
    assert not {a.operator.name: a for a in db.operators.operator_accounts()}["赵管理"].enabled


def test_a_pin_hash_edited_outside_the_application_breaks_the_chain(db: Database, db_path: Path) -> None:
    db.operators.add_operator("赵管理", Role.ADMINISTRATOR, T0, None, pin="2468")
    other = db.operators.add_operator("李明", Role.OPERATOR, T0, None, pin="1357")
    con = sqlite3.connect(db_path)
    with con:  # someone copies a known hash over the administrator's
        known = con.execute(
            "SELECT pin_hash FROM operator_pin WHERE operator_id = ?", (str(other.id),)
        ).fetchone()
        con.execute("UPDATE operator_pin SET pin_hash = ? WHERE operator_id <> ?", (known[0], str(other.id)))
    con.close()
    report = db.verify()
    assert not report.ok
    assert report.first_break is not None and report.first_break.kind == "operator_pin"
