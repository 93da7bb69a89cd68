"""Operator management for administrators (File > Operators...): the list, new operators, PINs, disabling.

Every change runs on the writer thread (``RecordWriter.submit``: argon2 hashing takes tens of milliseconds
and the GUI thread never waits) through the storage's own methods, which append the chained records and
the audit entries (``operator_added``, ``pin_set``, ``operator_disabled`` / ``operator_enabled``) in the
name of the administrator signed in. The rights are asked again at each change, not only when the dialog
opened: an administrator whose session expired with the dialog open is refused (and the refusal audited).

A new PIN is checked here with the domain's rules (``pin_problem``, typed twice) before anything is
submitted; the storage checks it again. A new PIN also lifts a lock-out, because the lock-out counts only
the sign-in attempts after the newest PIN.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QObject, Signal

from checkpoint.domain.records import Operator, Role
from checkpoint.domain.roles import Lockout, OperatorAccount, Permission, new_recovery_code, pin_problem
from checkpoint.station.auth import AuthService, refusal_text
from checkpoint.station.texts import enum_text
from checkpoint.storage.database import Database
from checkpoint.storage.errors import StorageError
from checkpoint.storage.operators import (
    OperatorRefusal,
    OperatorRefusedError,
    PinRejectedError,
)


@dataclass(frozen=True, slots=True)
class OperatorStatus:
    """One row of the operators list: the account and, right now, its lock-out state."""

    account: OperatorAccount
    lockout: Lockout

    @property
    def operator(self) -> Operator:
        return self.account.operator

    @property
    def locked_until(self) -> datetime | None:
        return self.lockout.locked_until


def operator_statuses(database: Database, now: datetime) -> list[OperatorStatus]:
    """Every operator of the station, oldest first, with their lock-out at ``now`` (writer thread)."""
    return [
        OperatorStatus(account, database.operators.lockout_state(account.operator.id, now))
        for account in database.operators.operator_accounts()
    ]


def operator_refusal_text(reason: OperatorRefusal, name: str = "") -> str:
    """A change the records refused, in the administrator's words."""
    return {
        OperatorRefusal.NO_NAME: QCoreApplication.translate("Operators", "Type the operator's name."),
        OperatorRefusal.NAME_TAKEN: QCoreApplication.translate(
            "Operators", "There is already an operator called {name}: choose another name."
        ),
        OperatorRefusal.UNKNOWN_OPERATOR: QCoreApplication.translate(
            "Operators", "This operator is no longer in the database: the list was read again."
        ),
        OperatorRefusal.LAST_ADMINISTRATOR: QCoreApplication.translate(
            "Operators",
            "{name} is the last administrator who can sign in and cannot be disabled. "
            "Add another administrator first.",
        ),
        OperatorRefusal.ADMINISTRATOR_EXISTS: QCoreApplication.translate(
            "Operators", "This station has an administrator: only an administrator adds operators."
        ),
    }[reason].format(name=name)


@dataclass(frozen=True, slots=True)
class _Done:
    """What a change job hands back: the fresh list, and the refusal if the records refused it."""

    statuses: list[OperatorStatus]
    refused: OperatorRefusedError | PinRejectedError | None = None


class OperatorsService(QObject):
    """The operators list and the changes an administrator makes to it.

    Signals:
        accounts_ready(list[OperatorStatus]): the list, read afresh (after ``refresh`` and every change).
        changed(str): a change was written and audited; a translated confirmation.
        refused(str): a change was not made; the translated reason (bad PIN, name taken, last
            administrator, no right, database problem). Nothing was written.
    """

    accounts_ready = Signal(list)
    changed = Signal(str)
    refused = Signal(str)

    def __init__(
        self,
        auth: AuthService,
        *,
        clock: Callable[[], datetime] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._auth = auth
        self._writer = auth.writer
        self._clock = clock or (lambda: datetime.now(UTC))
        self._statuses: list[OperatorStatus] = []

    @property
    def statuses(self) -> list[OperatorStatus]:
        return list(self._statuses)

    def refresh(self) -> None:
        """Reads the list on the writer thread; ``accounts_ready`` follows."""
        now = self._clock()
        self._writer.submit(
            lambda db: _Done(operator_statuses(db, now)), on_done=self._on_done, on_error=self._on_error
        )

    # -- changes -------------------------------------------------------------------------------------

    def add_operator(self, name: str, role: Role, pin: str, again: str) -> bool:
        """Adds an operator with their PIN (typed twice). False, with ``refused``, when not submitted."""
        name = name.strip()
        if not name:
            self.refused.emit(operator_refusal_text(OperatorRefusal.NO_NAME))
            return False
        if not self._may_change() or not self._pin_ok(pin, again):
            return False
        if any(status.operator.name == name for status in self._statuses):
            self.refused.emit(operator_refusal_text(OperatorRefusal.NAME_TAKEN, name))
            return False
        by, at = self._by(), self._clock()
        confirmation = QCoreApplication.translate("Operators", "{name} was added as {role}.").format(
            name=name, role=enum_text(role)
        )
        code = new_recovery_code() if role is Role.ADMINISTRATOR else None  # their way back from a lock-out
        if code is not None:
            confirmation += " " + QCoreApplication.translate(
                "Operators",
                "Their recovery code, shown only now: {code}. Give it to {name} to keep away from the "
                "station: if wrong PINs lock them out, it sets a new PIN (checkpoint operators recover).",
            ).format(code=code, name=name)

        def job(db: Database) -> _Done:
            db.operators.add_operator(name, role, at, by, pin=pin, recovery_code=code)
            return _Done(operator_statuses(db, at))

        self._submit(job, confirmation, name)
        return True

    def set_pin(self, operator_id: uuid.UUID, pin: str, again: str) -> bool:
        """Gives an operator a new PIN (typed twice); it lifts a lock-out. False when not submitted."""
        if not self._may_change() or not self._pin_ok(pin, again):
            return False
        name = self._name_of(operator_id)
        by, at = self._by(), self._clock()

        def job(db: Database) -> _Done:
            db.operators.set_operator_pin(operator_id, pin, at, by)
            return _Done(operator_statuses(db, at))

        confirmation = QCoreApplication.translate("Operators", "{name} has a new PIN.").format(name=name)
        self._submit(job, confirmation, name)
        return True

    def set_enabled(self, operator_id: uuid.UUID, enabled: bool) -> bool:
        """Disables or enables an operator. False when not submitted (no right)."""
        if not self._may_change():
            return False
        name = self._name_of(operator_id)
        by, at = self._by(), self._clock()

        def job(db: Database) -> _Done:
            db.operators.set_operator_enabled(operator_id, enabled, at, by)
            return _Done(operator_statuses(db, at))

        if enabled:
            confirmation = QCoreApplication.translate("Operators", "{name} can sign in again.")
        else:
            confirmation = QCoreApplication.translate("Operators", "{name} is disabled and cannot sign in.")
        self._submit(job, confirmation.format(name=name), name)
        return True

    # -- helpers -------------------------------------------------------------------------------------

    def _may_change(self) -> bool:
        if self._auth.allows(Permission.MANAGE_OPERATORS):
            return True
        self._auth.record_refusal(Permission.MANAGE_OPERATORS)
        self.refused.emit(refusal_text(Permission.MANAGE_OPERATORS))
        return False

    def _pin_ok(self, pin: str, again: str) -> bool:
        problem = pin_problem(pin, again)
        if problem is None:
            return True
        self.refused.emit(enum_text(problem))
        return False

    def _by(self) -> uuid.UUID | None:
        operator = self._auth.operator
        return operator.id if operator is not None else None

    def _name_of(self, operator_id: uuid.UUID) -> str:
        for status in self._statuses:
            if status.operator.id == operator_id:
                return status.operator.name
        return ""

    def _submit(self, job: Callable[[Database], _Done], confirmation: str, name: str) -> None:
        def guarded(db: Database) -> _Done:
            try:
                return job(db)
            except (OperatorRefusedError, PinRejectedError) as error:
                return _Done(operator_statuses(db, self._clock()), error)

        def done(result: _Done) -> None:
            self._on_done(result)
            error = result.refused
            if isinstance(error, PinRejectedError):
                self.refused.emit(enum_text(error.problem))
            elif isinstance(error, OperatorRefusedError):
                self.refused.emit(operator_refusal_text(error.reason, name))
            else:
                self.changed.emit(confirmation)

        self._writer.submit(guarded, on_done=done, on_error=self._on_error)

    def _on_done(self, result: _Done) -> None:
        self._statuses = list(result.statuses)
        self.accounts_ready.emit(self.statuses)

    def _on_error(self, error: StorageError) -> None:
        self.refused.emit(
            QCoreApplication.translate("Operators", "Nothing was changed: {reason}").format(
                reason=enum_text(error.kind)
            )
        )
