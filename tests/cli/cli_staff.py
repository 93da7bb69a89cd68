"""Staff with PINs for the command line: every command that exports, reveals personal data or changes
the deployment signs its operator in (``--operator NAME --pin-stdin``). The fixture is in conftest.py."""

from __future__ import annotations

import io
import sys
from datetime import UTC, datetime

import pytest

from checkpoint.domain.records import AuditAction, Role
from checkpoint.storage.database import open_database

ADMIN = "周管理"
LEADER = "吴带班"
OPERATOR = "郑值守"
PINS = {ADMIN: "2468", LEADER: "1357", OPERATOR: "9753"}
_ROLES = {ADMIN: Role.ADMINISTRATOR, LEADER: Role.SHIFT_LEADER, OPERATOR: Role.OPERATOR}


def add_staff(db: str) -> None:
    """An administrator, a shift leader and an operator, each with a PIN, in the database at ``db``."""
    database = open_database(db)
    try:
        known = {account.operator.name for account in database.operators.operator_accounts()}
        for name, role in _ROLES.items():
            if name not in known:
                database.operators.add_operator(name, role, datetime.now(UTC), None, pin=PINS[name])
    finally:
        database.close()


def signed_in(name: str) -> list[str]:
    """The arguments that sign ``name`` in; their PIN goes on stdin (:func:`pin_line`)."""
    return ["--operator", name, "--pin-stdin"]


def pin_line(name: str) -> str:
    return PINS[name] + "\n"


def as_(monkeypatch: pytest.MonkeyPatch, name: str) -> list[str]:
    """For an in-process ``main``: ``name``'s PIN on stdin, and the arguments that sign them in."""
    monkeypatch.setattr(sys, "stdin", io.StringIO(pin_line(name)))
    return signed_in(name)


def audit_actions(db: str) -> list[AuditAction]:
    database = open_database(db)
    try:
        return [entry.action for entry in database.audit.audit_entries()]
    finally:
        database.close()


def refusals(db: str) -> list[str]:
    """The ``access_refused`` entries' details, oldest first."""
    database = open_database(db)
    try:
        return [e.detail for e in database.audit.audit_entries() if e.action is AuditAction.ACCESS_REFUSED]
    finally:
        database.close()
