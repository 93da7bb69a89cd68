"""Attacks that race real processes against one SQLite file: the last administrator, the PIN lock-out
and the first administrator are decided inside the write transaction, so racing does not beat them."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from checkpoint.domain.records import AuditAction, Role
from checkpoint.domain.roles import LOCKOUT_FAILURES, SignInOutcome
from checkpoint.storage.database import open_database
from tests.unit.storage.storage_helpers import T0

WORKER = Path(__file__).with_name("race_worker.py")


def race(url: str, jobs: Sequence[Sequence[str]], stdin: str = "") -> list[str]:
    """Start one worker per job, wait until every one has opened the database, then let them all go at
    once; the last line each printed, in job order."""
    children = [
        subprocess.Popen(
            [sys.executable, str(WORKER), url, T0.isoformat(), *job],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for job in jobs
    ]
    try:
        for child in children:
            assert child.stdout is not None
            line = child.stdout.readline()
            assert line == "ready\n", child.communicate(timeout=60)[1]
        for child in children:
            assert child.stdin is not None
            child.stdin.write("go\n" + stdin)
            child.stdin.close()  # every one is on its way before any is waited for
        results = []
        for child in children:
            assert child.stdout is not None
            out = child.stdout.read()
            assert child.wait(timeout=120) == 0, child.stderr.read() if child.stderr else ""
            results.append(out.strip().splitlines()[-1])
        return results
    finally:
        for child in children:
            if child.poll() is None:
                child.kill()
                child.wait(timeout=30)


@pytest.mark.slow
def test_administrators_disabling_each_other_at_once_leave_one_who_can_sign_in(db_path: Path) -> None:
    url = f"sqlite:///{db_path}"
    db = open_database(url)
    names = [f"管理{i}" for i in range(6)]
    for name in names:
        db.operators.add_operator(name, Role.ADMINISTRATOR, T0, None, pin="5821")
    db.close()

    # The attack: every administrator disables the next one at the same moment (a ring).
    results = race(url, [("disable", names[(i + 1) % len(names)], name) for i, name in enumerate(names)])

    assert sorted(results) == ["done"] * (len(names) - 1) + ["refused:last_administrator"]
    db = open_database(url)
    try:
        assert db.operators.has_administrator()
        able = [a for a in db.operators.operator_accounts() if a.can_sign_in]
        assert len(able) == 1 and able[0].operator.role is Role.ADMINISTRATOR
        assert db.verify().ok
    finally:
        db.close()


@pytest.mark.slow
def test_pin_guesses_sent_at_once_from_many_processes_meet_the_lock_out(db_path: Path) -> None:
    url = f"sqlite:///{db_path}"
    db = open_database(url)
    db.operators.add_operator("赵管理", Role.ADMINISTRATOR, T0, None, pin="5821")
    db.close()

    # The attack: eight processes each try a PIN for the same operator in the same instant.
    guesses = [f"{7000 + i * 37}" for i in range(8)]
    results = race(url, [("guess", "赵管理", pin) for pin in guesses])

    assert results.count(SignInOutcome.WRONG_PIN.value) == LOCKOUT_FAILURES - 1
    assert results.count(SignInOutcome.LOCKED_OUT.value) == len(guesses) - (LOCKOUT_FAILURES - 1)
    db = open_database(url)
    try:
        checked = [
            e
            for e in db.audit.audit_entries()
            if e.action is AuditAction.SIGN_IN_FAILED and e.detail.endswith("wrong PIN")
        ]
        assert len(checked) == LOCKOUT_FAILURES  # no more PINs were looked at than the lock-out allows
        assert db.verify().ok
    finally:
        db.close()


@pytest.mark.slow
def test_two_first_administrators_at_once_make_one(db_path: Path) -> None:
    url = f"sqlite:///{db_path}"
    open_database(url).close()

    # The attack: two command lines claim the empty station's first administrator at the same moment.
    jobs = [
        ("cli", "operators", "add", name, "--role", "administrator", "--pin-stdin", "--db", url)
        for name in ("甲", "乙", "丙")
    ]
    results = race(url, jobs, stdin="5821\n")

    assert sorted(results) == ["exit 0", "exit 1", "exit 1"]
    db = open_database(url)
    try:
        assert [a.operator.role for a in db.operators.operator_accounts()] == [Role.ADMINISTRATOR]
    finally:
        db.close()
