"""Who may do what, and the PIN sign-in rules: the one permission table and the lock-out rule.

Three roles (DESIGN.md, "Reliability and security rules"): an **operator** works the gate (scan, record,
manual entry, visitors, alarms, the masked log); a **shift leader** also exports, prints, traces (and may
unmask, audited), reads the audit trail, opens and closes shifts, issues passes and corrects recorded
passages; an **administrator** also changes the settings and rules, imports watchlists, reloads trust
lists, makes the pass signing key, revokes passes and manages operators. The GUI
and the CLI both ask :func:`allowed`; nothing else decides.

PINs are 4 to 8 digits. Five wrong PINs in a row lock the operator out for five minutes. The attempts
are read from the audit trail (:func:`lockout`), so a restart does not reset the count; a new PIN does.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from checkpoint.domain.records import Operator, Role


class Permission(enum.StrEnum):
    SCAN = "scan"
    RECORD = "record"
    MANUAL_ENTRY = "manual_entry"
    VISITORS = "visitors"
    ACKNOWLEDGE_ALARMS = "acknowledge_alarms"
    VIEW_LOG = "view_log"  # masked
    EXPORT = "export"  # the handover sheet and the anomaly hand-off (masked)
    PRINT = "print"
    TRACE = "trace"
    UNMASK = "unmask"  # full names, ID numbers and phones in tracing and exports (audited)
    VIEW_AUDIT = "view_audit"
    OPEN_CLOSE_SHIFT = "open_close_shift"
    DEVICES = "devices"  # camera, scanners, sounds, barrier: a leader fixes them at night
    SETTINGS = "settings"
    RULES = "rules"
    IMPORT_WATCHLIST = "import_watchlist"
    IMPORT_RESIDENTS = "import_residents"
    TRUST_LISTS = "trust_lists"
    PASSES = "passes"  # the deployment's signing key and revocations
    ISSUE_PASSES = "issue_passes"  # exit slips, resident, visitor and supply-vehicle passes
    CORRECT = "correct"  # a recorded passage corrected by a new record pointing at it
    MANAGE_OPERATORS = "manage_operators"
    PURGE = "purge"  # retention: passages older than N days removed (their counts kept)


_OPERATOR = frozenset(
    {
        Permission.SCAN,
        Permission.RECORD,
        Permission.MANUAL_ENTRY,
        Permission.VISITORS,
        Permission.ACKNOWLEDGE_ALARMS,
        Permission.VIEW_LOG,
    }
)
_SHIFT_LEADER = _OPERATOR | {
    Permission.EXPORT,
    Permission.PRINT,
    Permission.TRACE,
    Permission.UNMASK,
    Permission.VIEW_AUDIT,
    Permission.OPEN_CLOSE_SHIFT,
    Permission.DEVICES,
    Permission.ISSUE_PASSES,
    Permission.CORRECT,
}
_ADMINISTRATOR = _SHIFT_LEADER | {
    Permission.SETTINGS,
    Permission.RULES,
    Permission.IMPORT_WATCHLIST,
    Permission.IMPORT_RESIDENTS,
    Permission.TRUST_LISTS,
    Permission.PASSES,
    Permission.MANAGE_OPERATORS,
    Permission.PURGE,
}

PERMISSIONS: Mapping[Role, frozenset[Permission]] = {
    Role.OPERATOR: _OPERATOR,
    Role.SHIFT_LEADER: _SHIFT_LEADER,
    Role.ADMINISTRATOR: _ADMINISTRATOR,
}

ROLES_BY_RANK: tuple[Role, ...] = (Role.OPERATOR, Role.SHIFT_LEADER, Role.ADMINISTRATOR)


def allowed(role: Role, permission: Permission) -> bool:
    """Whether ``role`` may do ``permission`` (the one place this is decided)."""
    return permission in PERMISSIONS.get(role, frozenset())


def minimum_role(permission: Permission) -> Role:
    """The lowest role that may do ``permission``: what a refusal names ("needs a shift leader")."""
    for role in ROLES_BY_RANK:
        if allowed(role, permission):
            return role
    raise ValueError(f"no role may {permission.value}")  # pragma: no cover - the table covers every one


def is_elevated(role: Role) -> bool:
    """A role with more rights than an operator's: its session falls back when left idle."""
    return role is not Role.OPERATOR


# --- PINs and lock-out ------------------------------------------------------------------------------

PIN_MIN_DIGITS = 4
PIN_MAX_DIGITS = 8
LOCKOUT_FAILURES = 5
LOCKOUT_DURATION = timedelta(minutes=5)


class PinProblem(enum.StrEnum):
    EMPTY = "empty"
    NOT_DIGITS = "not_digits"
    TOO_SHORT = "too_short"
    TOO_LONG = "too_long"
    MISMATCH = "mismatch"  # typed twice, differently


def pin_problem(pin: str, again: str | None = None) -> PinProblem | None:
    """What is wrong with a new PIN (``again``: the second typing, when asked twice); None when fine."""
    if not pin:
        return PinProblem.EMPTY
    if not (pin.isascii() and pin.isdigit()):
        return PinProblem.NOT_DIGITS
    if len(pin) < PIN_MIN_DIGITS:
        return PinProblem.TOO_SHORT
    if len(pin) > PIN_MAX_DIGITS:
        return PinProblem.TOO_LONG
    if again is not None and again != pin:
        return PinProblem.MISMATCH
    return None


class Attempt(enum.StrEnum):
    FAILED = "failed"  # a wrong PIN (or a refused sign-in)
    SUCCEEDED = "succeeded"


@dataclass(frozen=True, slots=True)
class Lockout:
    """Where an operator stands: wrong PINs since the last success (or lock) and the lock, if any."""

    failures_in_row: int
    locked_until: datetime | None

    @property
    def failures_left(self) -> int:
        return max(0, LOCKOUT_FAILURES - self.failures_in_row)


def lockout(attempts: Iterable[tuple[datetime, Attempt]], now: datetime) -> Lockout:
    """The lock-out state after ``attempts`` (oldest first, since the operator's PIN was last set).

    Every ``LOCKOUT_FAILURES`` failures in a row lock the operator for ``LOCKOUT_DURATION`` from the last
    of them; the count then starts again, so after the lock ends one more wrong PIN does not lock again.
    A success clears the count.
    """
    streak = 0
    locked_until: datetime | None = None
    for at, attempt in attempts:
        if attempt is Attempt.SUCCEEDED:
            streak = 0
            locked_until = None
            continue
        streak += 1
        if streak >= LOCKOUT_FAILURES:
            locked_until = at + LOCKOUT_DURATION
            streak = 0
    if locked_until is not None and now >= locked_until:
        locked_until = None
    return Lockout(streak, locked_until)


class SignInOutcome(enum.StrEnum):
    SIGNED_IN = "signed_in"
    WRONG_PIN = "wrong_pin"
    LOCKED_OUT = "locked_out"
    UNKNOWN_OPERATOR = "unknown_operator"
    NO_PIN = "no_pin"  # the operator has no PIN yet: an administrator sets one
    DISABLED = "disabled"


@dataclass(frozen=True, slots=True)
class SignInResult:
    outcome: SignInOutcome
    operator: Operator | None = None
    locked_until: datetime | None = None
    failures_left: int = LOCKOUT_FAILURES

    @property
    def ok(self) -> bool:
        return self.outcome is SignInOutcome.SIGNED_IN


@dataclass(frozen=True, slots=True)
class OperatorAccount:
    """An operator as sign-in and management see them: has a PIN, is enabled."""

    operator: Operator
    has_pin: bool
    enabled: bool

    @property
    def can_sign_in(self) -> bool:
        return self.has_pin and self.enabled
