"""The permission table and the PIN and lock-out rules (domain/roles.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from checkpoint.domain.records import Role
from checkpoint.domain.roles import (
    LOCKOUT_DURATION,
    RECOVERY_ALPHABET,
    RECOVERY_GROUP_SIZE,
    RECOVERY_GROUPS,
    Attempt,
    Permission,
    PinProblem,
    allowed,
    lockout,
    minimum_role,
    new_recovery_code,
    normal_recovery_code,
    pin_problem,
)

T0 = datetime(2026, 11, 25, 8, 0, tzinfo=UTC)
OPERATOR_CAN = {
    Permission.SCAN,
    Permission.RECORD,
    Permission.MANUAL_ENTRY,
    Permission.VISITORS,
    Permission.ACKNOWLEDGE_ALARMS,
    Permission.VIEW_LOG,
}
LEADER_ADDS = {
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


@pytest.mark.parametrize("permission", list(Permission))
def test_each_role_may_do_exactly_its_column_of_the_table(permission: Permission) -> None:
    assert allowed(Role.OPERATOR, permission) == (permission in OPERATOR_CAN)
    assert allowed(Role.SHIFT_LEADER, permission) == (permission in OPERATOR_CAN | LEADER_ADDS)
    assert allowed(Role.ADMINISTRATOR, permission)  # an administrator may do everything


def test_a_refusal_names_the_lowest_role_that_may() -> None:
    assert minimum_role(Permission.RECORD) is Role.OPERATOR
    assert minimum_role(Permission.TRACE) is Role.SHIFT_LEADER
    assert minimum_role(Permission.RULES) is Role.ADMINISTRATOR
    assert minimum_role(Permission.MANAGE_OPERATORS) is Role.ADMINISTRATOR


@pytest.mark.parametrize(
    ("pin", "again", "problem"),
    [
        ("", None, PinProblem.EMPTY),
        ("12a4", None, PinProblem.NOT_DIGITS),
        ("１２３４", None, PinProblem.NOT_DIGITS),  # full-width digits are not what the keypad types
        ("123", None, PinProblem.TOO_SHORT),
        ("123456789", None, PinProblem.TOO_LONG),
        ("2468", "2469", PinProblem.MISMATCH),
        ("2468", "2468", None),
        ("52816093", None, None),  # 8 digits are fine
    ],
)
def test_pin_rules(pin: str, again: str | None, problem: PinProblem | None) -> None:
    assert pin_problem(pin, again) is problem


def failures(count: int, start: datetime = T0) -> list[tuple[datetime, Attempt]]:
    return [(start + timedelta(seconds=10 * i), Attempt.FAILED) for i in range(count)]


def test_five_wrong_pins_in_a_row_lock_for_five_minutes_from_the_last() -> None:
    four = lockout(failures(4), T0 + timedelta(minutes=1))
    assert four.locked_until is None and four.failures_left == 1
    last = T0 + timedelta(seconds=40)
    five = lockout(failures(5), last)
    assert five.locked_until == last + LOCKOUT_DURATION
    assert lockout(failures(5), last + LOCKOUT_DURATION - timedelta(seconds=1)).locked_until is not None
    after = lockout(failures(5), last + LOCKOUT_DURATION)
    assert after.locked_until is None and after.failures_left == 5  # the count starts again


def test_a_success_clears_the_count() -> None:
    attempts = [
        *failures(4),
        (T0 + timedelta(minutes=1), Attempt.SUCCEEDED),
        *failures(4, T0 + timedelta(minutes=2)),
    ]
    state = lockout(attempts, T0 + timedelta(minutes=3))
    assert state.locked_until is None and state.failures_in_row == 4


def test_one_more_failure_after_a_lock_ended_does_not_lock_again() -> None:
    attempts = [*failures(5), (T0 + timedelta(minutes=10), Attempt.FAILED)]
    state = lockout(attempts, T0 + timedelta(minutes=10))
    assert state.locked_until is None and state.failures_left == 4


@pytest.mark.parametrize(
    ("pin", "problem"),
    [
        ("1234", PinProblem.SEQUENCE),  # the attack: the PIN every guesser tries first
        ("4321", PinProblem.SEQUENCE),
        ("123456", PinProblem.SEQUENCE),
        ("7890", PinProblem.SEQUENCE),
        ("98765432", PinProblem.SEQUENCE),
        ("1111", PinProblem.REPEATED),
        ("000000", PinProblem.REPEATED),
        ("1212", PinProblem.REPEATED),
        ("123123", PinProblem.REPEATED),
        ("1122", PinProblem.REPEATED),
        ("6969", PinProblem.REPEATED),
        ("1990", PinProblem.DATE),
        ("2026", PinProblem.DATE),
        ("19850612", PinProblem.DATE),
        ("12061985", PinProblem.DATE),
        ("2580", PinProblem.COMMON),
        ("5683", PinProblem.COMMON),
        ("520520", PinProblem.REPEATED),
        ("5201314", PinProblem.COMMON),
        ("1004", PinProblem.COMMON),
    ],
)
def test_trivial_pins_are_refused_with_the_reason(pin: str, problem: PinProblem) -> None:
    assert pin_problem(pin) is problem
    assert pin_problem(pin, pin) is problem  # typed twice the same does not make it better


@pytest.mark.parametrize("pin", ["2468", "1357", "8642", "5821", "402816", "13579", "73104", "19851332"])
def test_ordinary_pins_are_allowed(pin: str) -> None:
    assert pin_problem(pin) is None


def test_a_recovery_code_has_100_random_bits_and_reads_back_as_typed() -> None:
    codes = {new_recovery_code() for _ in range(50)}
    assert len(codes) == 50
    code = codes.pop()
    groups = code.split("-")
    assert [len(g) for g in groups] == [RECOVERY_GROUP_SIZE] * RECOVERY_GROUPS
    assert len(RECOVERY_ALPHABET) ** (RECOVERY_GROUP_SIZE * RECOVERY_GROUPS) >= 2**100
    assert set("".join(groups)) <= set(RECOVERY_ALPHABET)
    assert normal_recovery_code(f"  {code.lower().replace('-', ' ')} ") == code.replace("-", "")
