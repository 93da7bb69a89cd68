"""Operators: who may work at the station, their PINs, their enabled state and their sign-in attempts.

A PIN is stored only as its argon2id hash, in an ``operator_pin`` record (chained: who set it and when);
disabling and enabling are ``operator_status`` records. Nothing is edited: the newest record counts.

Sign-in attempts are audit entries (``signed_in``, ``sign_in_failed``, ``locked_out``) in the operator's
name, and the lock-out (``domain.roles.lockout``) is computed from them, so restarting the station does
not reset a count; setting a new PIN does (only attempts after the newest PIN record are read).
"""

from __future__ import annotations

import enum
import uuid
from collections.abc import Iterator
from datetime import datetime
from typing import TYPE_CHECKING, Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session

from checkpoint.domain.records import AuditAction, Operator, Role
from checkpoint.domain.roles import (
    Attempt,
    Lockout,
    OperatorAccount,
    PinProblem,
    RecoveryOutcome,
    SignInOutcome,
    SignInResult,
    lockout,
    normal_recovery_code,
    pin_problem,
)
from checkpoint.storage import _records as rec
from checkpoint.storage._models import (
    audit_t,
    operator_pin_t,
    operator_recovery_t,
    operator_status_t,
    operator_t,
)
from checkpoint.storage.chain import WriteUnit, is_recorded
from checkpoint.storage.errors import InvalidRecordError

if TYPE_CHECKING:
    from checkpoint.storage.database import Database

_hasher = PasswordHasher()  # argon2id, the library's current defaults (about 50 ms on the station PC)


class PinRejectedError(InvalidRecordError):
    """A new PIN that the rules do not allow; ``problem`` says why (for a translated message)."""

    def __init__(self, problem: PinProblem) -> None:
        super().__init__(f"PIN refused: {problem.value}")
        self.problem = problem


class OperatorRefusal(enum.StrEnum):
    """Why an operator change was refused: the code the station turns into words."""

    NO_NAME = "no_name"
    NAME_TAKEN = "name_taken"
    UNKNOWN_OPERATOR = "unknown_operator"
    LAST_ADMINISTRATOR = "last_administrator"
    ADMINISTRATOR_EXISTS = "administrator_exists"  # a first administrator, when the station has one


class OperatorRefusedError(InvalidRecordError):
    """An operator change the records do not allow (unknown name, name taken, the last administrator);
    ``reason`` says which."""

    def __init__(self, reason: OperatorRefusal, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason


def hash_pin(pin: str) -> str:
    """The argon2id hash of a PIN the rules allow (else :class:`PinRejectedError`)."""
    problem = pin_problem(pin)
    if problem is not None:
        raise PinRejectedError(problem)
    return _hasher.hash(pin)


def pin_matches(pin_hash: str, pin: str) -> bool:
    try:
        return _hasher.verify(pin_hash, pin)
    except (VerificationError, InvalidHashError):
        return False


def hash_recovery_code(code: str) -> str:
    """The argon2id hash of a recovery code (in its normal form); the code itself is never stored."""
    normal = normal_recovery_code(code)
    if len(normal) < 16:
        raise InvalidRecordError("a recovery code has at least 16 letters and digits")
    return _hasher.hash(normal)


class OperatorManager:
    """This station's operators, their PINs and sign-in attempts (``db.operators``)."""

    def __init__(self, db: Database) -> None:
        self._db = db
        self._known: set[uuid.UUID] = set()

    def exists(self, session: Session, operator_id: uuid.UUID) -> bool:
        """Whether this station has the operator (read in ``session``; found ones are remembered)."""
        return is_recorded(session, operator_t, operator_id, self._db.station_id, self._known)

    def check(self, session: Session, operator_id: uuid.UUID | None) -> None:
        """Raise ``InvalidRecordError`` unless ``operator_id`` is None or one of this station's operators."""
        if operator_id is not None and not self.exists(session, operator_id):
            raise InvalidRecordError(f"no operator {operator_id}")

    def ensure_operator(self, name: str, role: Role) -> Operator:
        """The operator called ``name``, appending one with ``role`` if new.

        Raises InvalidRecordError if that name is already on record with another role (a role is not changed
        by asking again).
        """
        name = rec.as_text(name, "operator name").strip()
        if not name:
            raise InvalidRecordError("an operator needs a name")
        role = rec.as_enum(Role, role, "role")
        with self._db.writing() as unit:
            session = unit.session
            row = (
                session.execute(
                    select(operator_t).where(
                        operator_t.c.station_id == self._db.station_id, operator_t.c.name == name
                    )
                )
                .mappings()
                .first()
            )
            if row is not None:
                operator = rec.to_operator(row)
                if operator.role is not role:
                    raise InvalidRecordError(
                        f"operator {name!r} is on record as {operator.role.value}, not {role.value}"
                    )
                return operator
            values = unit.append(rec.OPERATOR, {"name": name, "role": role.value})
            return rec.to_operator(values)

    def all(self) -> list[Operator]:
        """This station's operators in the order they were recorded."""
        with self._db.reading() as session:
            rows = session.execute(
                select(operator_t)
                .where(operator_t.c.station_id == self._db.station_id)
                .order_by(operator_t.c.seq)
            ).mappings()
            return [rec.to_operator(row) for row in rows]

    def _operator_row(self, session: Session, *, name: str = "", operator_id: uuid.UUID | None = None) -> Any:
        query = select(operator_t).where(operator_t.c.station_id == self._db.station_id)
        query = (
            query.where(operator_t.c.uuid == operator_id)
            if operator_id
            else query.where(operator_t.c.name == name)
        )
        return session.execute(query).mappings().first()

    def _newest(self, session: Session, table: Table, operator_id: uuid.UUID) -> Any:
        return (
            session.execute(
                select(table)
                .where(table.c.station_id == self._db.station_id, table.c.operator_id == operator_id)
                .order_by(table.c.seq.desc())
                .limit(1)
            )
            .mappings()
            .first()
        )

    def _attempts(
        self, session: Session, operator_id: uuid.UUID, after_seq: int
    ) -> Iterator[tuple[datetime, Attempt]]:
        rows = session.execute(
            select(audit_t.c.at, audit_t.c.action)
            .where(
                audit_t.c.station_id == self._db.station_id,
                audit_t.c.operator_id == operator_id,
                audit_t.c.seq > after_seq,
                audit_t.c.action.in_((AuditAction.SIGNED_IN.value, AuditAction.SIGN_IN_FAILED.value)),
            )
            .order_by(audit_t.c.seq)
        )
        for at, action in rows:
            yield at, Attempt.SUCCEEDED if action == AuditAction.SIGNED_IN.value else Attempt.FAILED

    def _lockout(self, session: Session, operator_id: uuid.UUID, now: datetime) -> Lockout:
        pin = self._newest(session, operator_pin_t, operator_id)
        return lockout(self._attempts(session, operator_id, pin["seq"] if pin else 0), now)

    def lockout_state(self, operator_id: uuid.UUID, now: datetime) -> Lockout:
        """Wrong PINs in a row and the lock, if any, of an operator now."""
        with self._db.reading() as session:
            return self._lockout(session, operator_id, rec.utc(now, "time"))

    def operator_accounts(self) -> list[OperatorAccount]:
        """Every operator of this station, oldest first, with whether they have a PIN and are enabled."""
        with self._db.reading() as session:
            return self._accounts(session)

    def _accounts(self, session: Session) -> list[OperatorAccount]:
        operators = [
            rec.to_operator(row)
            for row in session.execute(
                select(operator_t)
                .where(operator_t.c.station_id == self._db.station_id)
                .order_by(operator_t.c.seq)
            ).mappings()
        ]
        with_pin = set(
            session.execute(
                select(operator_pin_t.c.operator_id).where(operator_pin_t.c.station_id == self._db.station_id)
            ).scalars()
        )
        newest_status = (
            select(operator_status_t.c.operator_id, func.max(operator_status_t.c.seq).label("seq"))
            .where(operator_status_t.c.station_id == self._db.station_id)
            .group_by(operator_status_t.c.operator_id)
            .subquery()
        )
        disabled = set(
            session.execute(
                select(operator_status_t.c.operator_id)
                .join(
                    newest_status,
                    (operator_status_t.c.operator_id == newest_status.c.operator_id)
                    & (operator_status_t.c.seq == newest_status.c.seq),
                )
                .where(operator_status_t.c.enabled.is_(False))
            ).scalars()
        )
        return [OperatorAccount(op, op.id in with_pin, op.id not in disabled) for op in operators]

    def has_administrator(self) -> bool:
        """Whether an enabled administrator with a PIN exists (else the first-run wizard is due)."""
        return any(a.can_sign_in and a.operator.role is Role.ADMINISTRATOR for a in self.operator_accounts())

    def has_any_administrator(self) -> bool:
        """Whether an administrator is on record at all (enabled or not, with a PIN or not)."""
        with self._db.reading() as session:
            return self._any_administrator(session) is not None

    def _any_administrator(self, session: Session) -> str | None:
        name: str | None = session.execute(
            select(operator_t.c.name)
            .where(
                operator_t.c.station_id == self._db.station_id,
                operator_t.c.role == Role.ADMINISTRATOR.value,
            )
            .order_by(operator_t.c.seq)
            .limit(1)
        ).scalar_one_or_none()
        return name

    def _check_by(self, session: Session, by: uuid.UUID | None) -> None:
        if by is not None and not self.exists(session, by):
            raise OperatorRefusedError(OperatorRefusal.UNKNOWN_OPERATOR, f"no operator {by}")

    def add_operator(
        self,
        name: str,
        role: Role,
        at: datetime,
        by: uuid.UUID | None,
        pin: str | None = None,
        *,
        recovery_code: str | None = None,
    ) -> Operator:
        """Appends a new operator (audited ``operator_added``), with their PIN when ``pin`` is given and,
        for an administrator, their recovery code when ``recovery_code`` is (all in one transaction).

        Raises :class:`OperatorRefusedError` when the name is taken, :class:`PinRejectedError` for a PIN the
        rules do not allow (nothing is written then).
        """
        name = rec.as_text(name, "operator name").strip()
        if not name:
            raise OperatorRefusedError(OperatorRefusal.NO_NAME, "an operator needs a name")
        role = rec.as_enum(Role, role, "role")
        at = rec.utc(at, "time")
        pin_hash = hash_pin(pin) if pin is not None else None  # before the write lock: argon2 takes a while
        if recovery_code is not None and role is not Role.ADMINISTRATOR:
            raise InvalidRecordError("only administrators hold a recovery code")
        code_hash = hash_recovery_code(recovery_code) if recovery_code is not None else None
        with self._db.writing() as unit:
            session = unit.session
            self._check_by(session, by)
            if self._operator_row(session, name=name) is not None:
                raise OperatorRefusedError(
                    OperatorRefusal.NAME_TAKEN, f"an operator named {name!r} already exists"
                )
            values = unit.append(rec.OPERATOR, {"name": name, "role": role.value})
            operator = rec.to_operator(values)
            self._db.audit.append_in(unit, AuditAction.OPERATOR_ADDED, f"{name} ({role.value})", at, by)
            if pin_hash is not None:
                self._store_pin(unit, operator, pin_hash, at, by)
            if code_hash is not None:
                self._store_recovery(unit, operator, code_hash, at, by)
            return operator

    def add_first_administrator(self, name: str, pin: str, at: datetime, *, recovery_code: str) -> Operator:
        """Appends the station's first administrator with their PIN and recovery code, on nobody's
        authority (audited ``operator_added``, ``pin_set``, ``recovery_code_set``).

        Only while the station has no administrator on record at all (enabled or not, with a PIN or not):
        else :class:`OperatorRefusedError` (``ADMINISTRATOR_EXISTS``) and nothing is written. Decided
        inside the write transaction, so two processes asking at once make one administrator, and
        administrators disabled (or locked out) never open this door again.
        """
        name = rec.as_text(name, "operator name").strip()
        if not name:
            raise OperatorRefusedError(OperatorRefusal.NO_NAME, "an operator needs a name")
        at = rec.utc(at, "time")
        pin_hash = hash_pin(pin)  # before the write lock: argon2 takes a while
        code_hash = hash_recovery_code(recovery_code)
        with self._db.writing() as unit:
            session = unit.session
            administrator = self._any_administrator(session)
            if administrator is not None:
                raise OperatorRefusedError(
                    OperatorRefusal.ADMINISTRATOR_EXISTS,
                    f"this station has an administrator ({administrator}): only an administrator adds "
                    "operators",
                )
            if self._operator_row(session, name=name) is not None:
                raise OperatorRefusedError(
                    OperatorRefusal.NAME_TAKEN, f"an operator named {name!r} already exists"
                )
            values = unit.append(rec.OPERATOR, {"name": name, "role": Role.ADMINISTRATOR.value})
            operator = rec.to_operator(values)
            detail = f"{name} ({Role.ADMINISTRATOR.value}, the first)"
            self._db.audit.append_in(unit, AuditAction.OPERATOR_ADDED, detail, at, None)
            self._store_pin(unit, operator, pin_hash, at, None)
            self._store_recovery(unit, operator, code_hash, at, None)
            return operator

    def _store_recovery(
        self, unit: WriteUnit, operator: Operator, code_hash: str, at: datetime, by: uuid.UUID | None
    ) -> None:
        unit.append(
            rec.OPERATOR_RECOVERY,
            {"operator_id": operator.id, "code_hash": code_hash, "at": at, "set_by": by},
        )
        self._db.audit.append_in(
            unit, AuditAction.RECOVERY_CODE_SET, f"recovery code of {operator.name}", at, by
        )

    def set_recovery_code(
        self, operator_id: uuid.UUID, code: str, at: datetime, by: uuid.UUID | None
    ) -> None:
        """Gives an administrator a new recovery code (audited ``recovery_code_set``); the old one ends.

        ``code`` (from ``domain.roles.new_recovery_code``) is stored only as its argon2id hash: the
        caller shows it once. Only administrators hold one (else ``OperatorRefusedError``).
        """
        at = rec.utc(at, "time")
        code_hash = hash_recovery_code(code)
        with self._db.writing() as unit:
            session = unit.session
            self._check_by(session, by)
            row = self._operator_row(session, operator_id=operator_id)
            if row is None or rec.to_operator(row).role is not Role.ADMINISTRATOR:
                raise OperatorRefusedError(
                    OperatorRefusal.UNKNOWN_OPERATOR, f"no administrator {operator_id}"
                )
            self._store_recovery(unit, rec.to_operator(row), code_hash, at, by)

    def has_recovery_code(self, operator_id: uuid.UUID) -> bool:
        with self._db.reading() as session:
            return self._newest(session, operator_recovery_t, operator_id) is not None

    def recover(self, name: str, code: str, new_pin: str, at: datetime, *, new_code: str) -> RecoveryOutcome:
        """A locked-out administrator's way back: with their recovery code, ``new_pin`` becomes their PIN
        (which ends a lock-out) and ``new_code`` replaces the code used (a code works once). Audited
        ``recovered`` or ``recovery_failed``. A disabled administrator is refused (``DISABLED``): another
        administrator disabled them, and a code they kept must not undo that.

        Raises :class:`PinRejectedError` for a PIN the rules do not allow (nothing is written then).
        Decided in one write transaction, like a sign-in.
        """
        name = rec.as_text(name, "operator name").strip()
        at = rec.utc(at, "time")
        pin_hash = hash_pin(new_pin)  # before the write lock: argon2 takes a while
        code_hash = hash_recovery_code(new_code)
        with self._db.writing() as unit:
            session = unit.session
            row = self._operator_row(session, name=name) if name else None
            operator = rec.to_operator(row) if row is not None else None
            if operator is None or operator.role is not Role.ADMINISTRATOR:
                detail = f"{name!r}: no such administrator"
                self._db.audit.append_in(unit, AuditAction.RECOVERY_FAILED, detail, at, None)
                return RecoveryOutcome.UNKNOWN_OPERATOR
            status = self._newest(session, operator_status_t, operator.id)
            if status is not None and not status["enabled"]:
                detail = f"{operator.name}: disabled"
                self._db.audit.append_in(unit, AuditAction.RECOVERY_FAILED, detail, at, operator.id)
                return RecoveryOutcome.DISABLED
            stored = self._newest(session, operator_recovery_t, operator.id)
            if stored is None:
                detail = f"{operator.name}: no recovery code"
                self._db.audit.append_in(unit, AuditAction.RECOVERY_FAILED, detail, at, operator.id)
                return RecoveryOutcome.NO_CODE
            if not pin_matches(stored["code_hash"], normal_recovery_code(code)):
                detail = f"{operator.name}: wrong recovery code"
                self._db.audit.append_in(unit, AuditAction.RECOVERY_FAILED, detail, at, operator.id)
                return RecoveryOutcome.WRONG_CODE
            self._db.audit.append_in(
                unit,
                AuditAction.RECOVERED,
                f"{operator.name}: new PIN with the recovery code",
                at,
                operator.id,
            )
            self._store_pin(unit, operator, pin_hash, at, operator.id)
            self._store_recovery(unit, operator, code_hash, at, operator.id)
            return RecoveryOutcome.RECOVERED

    def _store_pin(
        self,
        unit: WriteUnit,
        operator: Operator,
        pin_hash: str,
        at: datetime,
        by: uuid.UUID | None,
    ) -> None:
        unit.append(
            rec.OPERATOR_PIN,
            {"operator_id": operator.id, "pin_hash": pin_hash, "at": at, "set_by": by},
        )
        self._db.audit.append_in(unit, AuditAction.PIN_SET, f"PIN of {operator.name}", at, by)

    def set_operator_pin(self, operator_id: uuid.UUID, pin: str, at: datetime, by: uuid.UUID | None) -> None:
        """Gives an operator a new PIN (audited ``pin_set``); it also lifts a lock-out."""
        at = rec.utc(at, "time")
        pin_hash = hash_pin(pin)
        with self._db.writing() as unit:
            session = unit.session
            self._check_by(session, by)
            row = self._operator_row(session, operator_id=operator_id)
            if row is None:
                raise OperatorRefusedError(OperatorRefusal.UNKNOWN_OPERATOR, f"no operator {operator_id}")
            self._store_pin(unit, rec.to_operator(row), pin_hash, at, by)

    def set_operator_enabled(
        self, operator_id: uuid.UUID, enabled: bool, at: datetime, by: uuid.UUID | None
    ) -> None:
        """Disables or enables an operator (audited). The last administrator who can sign in stays enabled.

        That check is read inside the write transaction that disables (``BEGIN IMMEDIATE`` on SQLite): two
        administrators disabling each other at the same moment, from two processes, cannot both succeed.
        """
        at = rec.utc(at, "time")
        with self._db.writing() as unit:
            session = unit.session
            self._check_by(session, by)
            row = self._operator_row(session, operator_id=operator_id)
            if row is None:
                raise OperatorRefusedError(OperatorRefusal.UNKNOWN_OPERATOR, f"no operator {operator_id}")
            if not enabled and rec.to_operator(row).role is Role.ADMINISTRATOR:
                others = [
                    a
                    for a in self._accounts(session)
                    if a.can_sign_in
                    and a.operator.role is Role.ADMINISTRATOR
                    and a.operator.id != operator_id
                ]
                if not others:
                    raise OperatorRefusedError(
                        OperatorRefusal.LAST_ADMINISTRATOR,
                        "the last administrator who can sign in cannot be disabled",
                    )
            unit.append(
                rec.OPERATOR_STATUS,
                {"operator_id": operator_id, "enabled": bool(enabled), "at": at, "set_by": by},
            )
            action = AuditAction.OPERATOR_ENABLED if enabled else AuditAction.OPERATOR_DISABLED
            self._db.audit.append_in(unit, action, str(row["name"]), at, by)

    def sign_in(self, name: str, pin: str, at: datetime) -> SignInResult:
        """Checks ``pin`` for the operator called ``name`` and records the attempt in the audit trail.

        A locked-out operator is refused without looking at the PIN (``locked_out`` audited); the wrong PIN
        that completes a run of failures starts the lock (``sign_in_failed`` then ``locked_out``).

        The whole decision (the lock-out read, the PIN check, the attempt recorded) is one write
        transaction (``BEGIN IMMEDIATE`` on SQLite, the chain head's row lock elsewhere): attempts on one
        database are checked one after another, so guesses sent at once from many processes still meet
        the lock after ``LOCKOUT_FAILURES`` of them. The PIN check (argon2, tens of milliseconds) holds
        the write lock that long; a sign-in is rare next to that.
        """
        name = rec.as_text(name, "operator name").strip()
        at = rec.utc(at, "time")
        with self._db.writing() as unit:
            session = unit.session
            row = self._operator_row(session, name=name) if name else None
            if row is None:
                self._db.audit.append_in(
                    unit, AuditAction.SIGN_IN_FAILED, f"unknown operator {name!r}", at, None
                )
                return SignInResult(SignInOutcome.UNKNOWN_OPERATOR)
            operator = rec.to_operator(row)
            pin_row = self._newest(session, operator_pin_t, operator.id)
            status = self._newest(session, operator_status_t, operator.id)
            state = self._lockout(session, operator.id, at)

            def record(action: AuditAction, detail: str) -> None:
                self._db.audit.append_in(unit, action, detail, at, operator.id)

            if status is not None and not status["enabled"]:
                record(AuditAction.SIGN_IN_FAILED, f"{operator.name}: disabled")
                return SignInResult(SignInOutcome.DISABLED, operator)
            if pin_row is None:
                record(AuditAction.SIGN_IN_FAILED, f"{operator.name}: no PIN set")
                return SignInResult(SignInOutcome.NO_PIN, operator)
            if state.locked_until is not None:
                record(
                    AuditAction.LOCKED_OUT,
                    f"{operator.name}: refused, locked until {state.locked_until.isoformat()}",
                )
                return SignInResult(SignInOutcome.LOCKED_OUT, operator, state.locked_until, 0)
            if pin_matches(pin_row["pin_hash"], pin):
                record(AuditAction.SIGNED_IN, f"{operator.name} ({operator.role.value})")
                return SignInResult(SignInOutcome.SIGNED_IN, operator)
            record(AuditAction.SIGN_IN_FAILED, f"{operator.name}: wrong PIN")
            after = self._lockout(session, operator.id, at)
            if after.locked_until is not None:
                record(
                    AuditAction.LOCKED_OUT,
                    f"{operator.name}: wrong PINs in a row, locked until {after.locked_until.isoformat()}",
                )
                return SignInResult(SignInOutcome.LOCKED_OUT, operator, after.locked_until, 0)
            return SignInResult(SignInOutcome.WRONG_PIN, operator, None, after.failures_left)

    def sign_out(self, operator_id: uuid.UUID, at: datetime, detail: str = "") -> None:
        """Records that an operator left the station (switch of operator, lock, quit)."""
        with self._db.reading() as session:
            row = self._operator_row(session, operator_id=operator_id)
        if row is None:
            raise OperatorRefusedError(OperatorRefusal.UNKNOWN_OPERATOR, f"no operator {operator_id}")
        text = f"{row['name']}: {detail}" if detail else str(row["name"])
        self._record(AuditAction.SIGNED_OUT, text, rec.utc(at, "time"), operator_id)

    def _record(self, action: AuditAction, detail: str, at: datetime, who: uuid.UUID | None) -> None:
        with self._db.writing() as unit:
            self._db.audit.append_in(unit, action, detail, at, who)
