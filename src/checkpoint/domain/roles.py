"""Who may do what, and the PIN sign-in rules: the one permission table and the lock-out rule.

Three roles (DESIGN.md, "Reliability and security rules"): an **operator** works the gate (scan, record,
manual entry, visitors, alarms, the masked log); a **shift leader** also exports, prints, traces (and may
unmask, audited), reads the audit trail, opens and closes shifts, issues passes and corrects recorded
passages; an **administrator** also changes the settings and rules, imports watchlists, reloads trust
lists, makes the pass signing key, revokes passes and manages operators. The GUI
and the CLI both ask :func:`allowed`; nothing else decides.

PINs are 4 to 8 digits, and not one an attacker tries first (:func:`pin_problem`: a repeat such as 1111
or 1212, a run such as 1234 or 4321, a year or a date, one of the most common PINs). Five wrong PINs in
a row lock the operator out for five minutes. The attempts are read from the audit trail
(:func:`lockout`), so a restart does not reset the count; a new PIN does.

An administrator also holds a **recovery code** (:func:`new_recovery_code`, about 100 random bits, shown
once): with it a locked-out administrator sets a new PIN from the command line, which a person guessing
PINs at the keypad cannot do.
"""

from __future__ import annotations

import enum
import itertools
import secrets
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta

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
    REPEATED = "repeated"  # one digit or one group over and over: 1111, 1212, 123123, 1122
    SEQUENCE = "sequence"  # a run up or down: 1234, 4321, 7890, 123456
    DATE = "date"  # a year (1900-2099) or a whole date (19991231, 31121999, 12311999)
    COMMON = "common"  # among the PINs people choose most (published PIN-frequency studies)
    MISMATCH = "mismatch"  # typed twice, differently


COMMON_PINS = frozenset(
    {
        # The most frequent 4-digit PINs in the published studies (DataGenetics 2012, 3.4 million PINs;
        # Bonneau, Preibusch and Anderson 2012, iPhone lock codes) that no rule below already refuses.
        "1004",
        "6969",
        "5683",  # LOVE on a phone keypad
        "1230",
        "0007",
        "0070",
        "1001",
        "0101",
        # Straight lines and shapes on the keypad (1 2 3 / 4 5 6 / 7 8 9 / 0).
        "2580",
        "0852",
        "1470",
        "0741",
        "7410",
        "3690",
        "0963",
        "9630",
        "1590",
        "3570",
        "1478",
        "1236",
        "7896",
        "3214",
        "9874",
        # 6 and 8 digits: keypad lines and the favourites of 6-digit studies.
        "147258",
        "258369",
        "369258",
        "852963",
        "159357",
        "753951",
        "147852",
        "789456",
        "456123",
        "159753",
        "520520",  # "I love you" said in digits, a favourite in China
        "521521",
        "5201314",
        "13145200",
        "14725836",
        "147258369",
    }
)
"""PINs refused because people choose them first (the repeats, runs and years are refused by rule)."""


def _is_repeated(pin: str) -> bool:
    """One group said over and over (1111, 1212, 123123) or every digit doubled (1122, 112233)."""
    size = len(pin)
    if any(size % part == 0 and pin == pin[:part] * (size // part) for part in range(1, size // 2 + 1)):
        return True
    return size % 2 == 0 and all(pin[i] == pin[i + 1] for i in range(0, size, 2))


def _is_sequence(pin: str) -> bool:
    """Each digit one more than the last, or one less, wrapping 9 and 0 (1234, 4321, 7890, 0987)."""
    steps = {(int(b) - int(a)) % 10 for a, b in itertools.pairwise(pin)}
    return steps in ({1}, {9})


def _is_date(pin: str) -> bool:
    """A year from 1900 to 2099, or an eight-digit date (year first, day first or month first)."""
    if len(pin) == 4:
        return 1900 <= int(pin) <= 2099
    if len(pin) != 8:
        return False
    for year, month, day in (
        (pin[:4], pin[4:6], pin[6:]),
        (pin[4:], pin[2:4], pin[:2]),
        (pin[4:], pin[:2], pin[2:4]),
    ):
        if not 1900 <= int(year) <= 2099:
            continue
        try:
            date(int(year), int(month), int(day))
        except ValueError:
            continue
        return True
    return False


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
    if _is_repeated(pin):
        return PinProblem.REPEATED
    if _is_sequence(pin):
        return PinProblem.SEQUENCE
    if _is_date(pin):
        return PinProblem.DATE
    if pin in COMMON_PINS:
        return PinProblem.COMMON
    if again is not None and again != pin:
        return PinProblem.MISMATCH
    return None


# --- recovery codes ---------------------------------------------------------------------------------

RECOVERY_ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # 32 symbols: no 0/O, no 1/I to misread
RECOVERY_GROUPS = 5
RECOVERY_GROUP_SIZE = 4  # 20 symbols: 100 random bits


def new_recovery_code() -> str:
    """A fresh recovery code, e.g. ``7KQ2-M9XD-...``: 100 random bits in five groups of four."""
    symbols = "".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_GROUPS * RECOVERY_GROUP_SIZE))
    return "-".join(symbols[i : i + RECOVERY_GROUP_SIZE] for i in range(0, len(symbols), RECOVERY_GROUP_SIZE))


def normal_recovery_code(text: str) -> str:
    """A recovery code as typed, in the form it is hashed in: capitals, without spaces or dashes."""
    return "".join(ch for ch in text.upper() if not ch.isspace() and ch != "-")


class RecoveryOutcome(enum.StrEnum):
    RECOVERED = "recovered"  # new PIN set (the lock-out ends), a new code replaces the old
    WRONG_CODE = "wrong_code"
    DISABLED = "disabled"  # disabled by another administrator: a code does not undo that
    NO_CODE = "no_code"  # this administrator has no recovery code
    UNKNOWN_OPERATOR = "unknown_operator"  # no administrator by that name


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
