"""Who is signed in at the station, with which rights, and for how long (operators and their roles).

One person works the gate at a time: whoever signs in with their PIN is the operator every passage is
recorded under (``StationSession.set_operator`` follows ``signed_in``). The rights of a shift leader or
an administrator are **elevated rights**: after ``idle_minutes`` without a key press, click or touch
they fall back to those of an operator (``expired``), because a leader who walks away must not leave exports,
tracing and the rules open to whoever steps up. Scanning and recording never stop for that: the same
person keeps recording passages; only a privileged action asks for the PIN again. Locking (Ctrl+L) hides
the station behind the sign-in screen until someone signs in; it is recorded as a sign-out.

Sign-in runs on the writer thread (argon2 takes tens of milliseconds; the GUI thread never waits), and
every attempt is in the audit trail (``db.operators.sign_in``).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot

from checkpoint.domain.records import AuditAction, Operator, Role
from checkpoint.domain.roles import (
    OperatorAccount,
    Permission,
    SignInOutcome,
    SignInResult,
    allowed,
    is_elevated,
    minimum_role,
)
from checkpoint.station.texts import enum_text
from checkpoint.station.writer import OnFailed, RecordWriter, in_words
from checkpoint.storage.database import Database
from checkpoint.storage.errors import StorageError

DEFAULT_IDLE_MINUTES = 10
IDLE_SETTING = "auth/idle_minutes"
_IDLE_CHECK_MS = 15_000
LOCK_KEY = "Ctrl+L"
SWITCH_KEY = "Ctrl+Shift+L"


def sign_in_text(result: SignInResult, now: datetime) -> str:
    """Why a sign-in did not succeed, in words for the operator (a lock-out says for how long)."""
    outcome, left = result.outcome, result.failures_left  # lupdate misses a plural given as an attribute
    if outcome is SignInOutcome.WRONG_PIN:
        return QCoreApplication.translate(
            "Auth",
            "Wrong PIN. Tries left before a 5-minute lock-out: %n.",
            "",
            left,
        )
    if outcome is SignInOutcome.LOCKED_OUT and result.locked_until is not None:
        minutes = max(1, -(-int((result.locked_until - now).total_seconds()) // 60))
        return QCoreApplication.translate(
            "Auth", "Too many wrong PINs: locked out until {time} (%n min).", "", minutes
        ).format(time=f"{result.locked_until.astimezone():%H:%M}")
    if outcome is SignInOutcome.UNKNOWN_OPERATOR:
        return QCoreApplication.translate("Auth", "There is no operator with this name.")
    if outcome is SignInOutcome.NO_PIN:
        return QCoreApplication.translate("Auth", "This operator has no PIN yet: an administrator sets one.")
    if outcome is SignInOutcome.DISABLED:
        return QCoreApplication.translate("Auth", "This operator is disabled: ask an administrator.")
    return QCoreApplication.translate("Auth", "Signed in.")


def refusal_text(permission: Permission) -> str:
    """What the operator reads when an action needs more rights than theirs."""
    role = minimum_role(permission)
    return QCoreApplication.translate(
        "Auth", "This needs a {role}: switch operator ({key}) and sign in as one."
    ).format(role=enum_text(role), key=SWITCH_KEY)


class AuthService(QObject):
    """The signed-in operator, their effective role and the idle fall-back.

    Signals:
        signed_in(Operator): a sign-in succeeded; this operator now works the station.
        sign_in_failed(str): a translated message (wrong PIN, locked out for N minutes, ...).
        role_changed(Role): the effective role changed (sign-in, elevated rights expired).
        expired(str): a translated "session expired, sign in again" message.
        locked(): the station was locked; the sign-in screen covers it until someone signs in.
    """

    signed_in = Signal(object)
    sign_in_failed = Signal(str)
    role_changed = Signal(object)
    expired = Signal(str)
    locked = Signal()

    def __init__(
        self,
        writer: RecordWriter,
        *,
        idle_minutes: int = DEFAULT_IDLE_MINUTES,
        clock: Callable[[], datetime] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._writer = writer
        self._clock = clock or (lambda: datetime.now(UTC))
        self._idle = timedelta(minutes=max(1, idle_minutes))
        self._operator: Operator | None = None
        self._elevated_expired = False
        self._is_locked = False
        self._busy = False
        self._last_activity = self._clock()
        self._timer = QTimer(self)
        self._timer.setInterval(_IDLE_CHECK_MS)
        self._timer.timeout.connect(self.check_idle)
        self._timer.start()

    # -- state ---------------------------------------------------------------------------------------

    @property
    def writer(self) -> RecordWriter:
        return self._writer

    @property
    def operator(self) -> Operator | None:
        return self._operator

    @property
    def role(self) -> Role:
        """The rights in force now: the operator's role, or an operator's once elevated rights expired."""
        if self._operator is None:
            return Role.OPERATOR
        return Role.OPERATOR if self._elevated_expired else self._operator.role

    @property
    def expired_elevation(self) -> bool:
        return self._elevated_expired

    @property
    def is_locked(self) -> bool:
        return self._is_locked

    @property
    def busy(self) -> bool:
        """A sign-in is being checked."""
        return self._busy

    @property
    def idle_limit(self) -> timedelta:
        return self._idle

    def allows(self, permission: Permission) -> bool:
        return self._operator is not None and not self._is_locked and allowed(self.role, permission)

    def adopt(self, operator: Operator) -> None:
        """Takes ``operator`` as already signed in (tests, scripts and the legacy start without PINs)."""
        self._operator = operator
        self._elevated_expired = False
        self._last_activity = self._clock()
        self.role_changed.emit(self.role)

    def load_accounts(self, *, on_done: Callable[[list[OperatorAccount]], None], on_failed: OnFailed) -> None:
        """Reads every operator's account on the writer thread (the sign-in screen's list)."""
        self._writer.submit(
            lambda db: db.operators.operator_accounts(), on_done=on_done, on_error=in_words(on_failed)
        )

    # -- signing in and out --------------------------------------------------------------------------

    def sign_in(self, name: str, pin: str) -> bool:
        """Checks the PIN on the writer thread; ``signed_in`` or ``sign_in_failed`` follows. False while
        another sign-in is being checked."""
        if self._busy:
            return False
        self._busy = True
        at = self._clock()
        previous = None if self._is_locked else self._operator  # a lock already signed them out

        def job(db: Database) -> SignInResult:
            result = db.operators.sign_in(name, pin, at)
            new = result.operator
            if result.ok and previous is not None and new is not None and new.id != previous.id:
                db.operators.sign_out(previous.id, at, f"switched to {new.name}")
            return result

        self._writer.submit(job, on_done=self._on_sign_in_done, on_error=self._on_sign_in_error)
        return True

    def _on_sign_in_done(self, result: SignInResult) -> None:
        self._busy = False
        if not result.ok or result.operator is None:
            self.sign_in_failed.emit(sign_in_text(result, self._clock()))
            return
        self._operator = result.operator
        self._elevated_expired = False
        self._is_locked = False
        self._last_activity = self._clock()
        self.signed_in.emit(result.operator)
        self.role_changed.emit(self.role)

    def _on_sign_in_error(self, error: StorageError) -> None:
        self._busy = False
        self.sign_in_failed.emit(
            QCoreApplication.translate("Auth", "Sign-in could not be checked: {reason}").format(
                reason=enum_text(error.kind)
            )
        )

    def lock(self) -> None:
        """Locks the station (Ctrl+L): recorded as the operator signing out; ``locked`` follows."""
        if self._is_locked:
            return
        self._is_locked = True
        if self._operator is not None:
            operator_id, at = self._operator.id, self._clock()
            self._writer.submit(lambda db: db.operators.sign_out(operator_id, at, "station locked"))
        self.locked.emit()
        self.role_changed.emit(self.role)

    def sign_out(self, detail: str) -> None:
        """Records that the operator left (quitting the station)."""
        if self._operator is not None and not self._is_locked:
            operator_id, at = self._operator.id, self._clock()
            self._writer.submit(lambda db: db.operators.sign_out(operator_id, at, detail))

    def record_refusal(self, permission: Permission) -> None:
        """An action the operator may not do was reached (by its shortcut): kept in the audit trail."""
        if self._operator is None:
            return
        operator_id, name, at = self._operator.id, self._operator.name, self._clock()
        detail = f"{name} ({self.role.value}): {permission.value}"
        self._writer.submit(
            lambda db: db.audit.append_audit(AuditAction.ACCESS_REFUSED, detail, at, operator_id)
        )

    # -- idle fall-back ------------------------------------------------------------------------------

    def touch(self) -> None:
        """Someone used the station (key, click, touch): the idle time starts again."""
        self._last_activity = self._clock()

    @Slot()
    def check_idle(self) -> None:
        """Elevated rights fall back to an operator's after the idle time (checked every few seconds)."""
        if self._operator is None or self._elevated_expired or not is_elevated(self._operator.role):
            return
        if self._clock() - self._last_activity < self._idle:
            return
        self._elevated_expired = True
        self.expired.emit(
            QCoreApplication.translate(
                "Auth",
                "Session expired: {name} works on as an operator. Sign in again ({key}) for {role} rights.",
            ).format(name=self._operator.name, role=enum_text(self._operator.role), key=SWITCH_KEY)
        )
        self.role_changed.emit(self.role)
