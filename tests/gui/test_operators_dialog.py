"""File > Operators...: adding operators, new PINs that lift a lock-out, disabling, and who may open it."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from checkpoint.domain.records import AuditAction, Role
from checkpoint.domain.roles import LOCKOUT_FAILURES, new_recovery_code
from checkpoint.station.auth import AuthService
from checkpoint.station.operators import OperatorsService
from checkpoint.station.services import StationServices
from checkpoint.ui.main_window import MainWindow
from checkpoint.ui.operators_dialog import OperatorColumn, OperatorsDialog
from tests.station_clock import TickingClock

REFUSAL = "This needs a administrator: switch operator (Ctrl+Shift+L) and sign in as one."


@pytest.fixture()
def dialog(qtbot: QtBot, window: MainWindow) -> OperatorsDialog:
    """The dialog as the station's administrator 李明 opens it from the File menu, its list read."""
    assert window.operators_action.isEnabled()
    opened = window.open_operators_dialog()
    assert opened is not None
    qtbot.waitUntil(lambda: opened.model.rowCount() > 0)
    return opened


def _cell(dialog: OperatorsDialog, name: str, column: OperatorColumn) -> str:
    model = dialog.model
    row = next(r for r, status in enumerate(model.rows) if status.operator.name == name)
    return str(model.data(model.index(row, column)))


def _select(dialog: OperatorsDialog, name: str) -> None:
    status = next(s for s in dialog.model.rows if s.operator.name == name)
    dialog.select(status.operator.id)
    assert dialog.selected == status


def test_an_added_operator_with_a_pin_can_then_sign_in(
    qtbot: QtBot, dialog: OperatorsDialog, services: StationServices
) -> None:
    ModelTester(None).check(dialog.model)
    assert _cell(dialog, "李明", OperatorColumn.ROLE) == "administrator"
    dialog.name_edit.setText(" 小王 ")
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData(Role.SHIFT_LEADER))
    dialog.pin_edit.setText("2468")
    dialog.pin_again_edit.setText("2468")
    with qtbot.waitSignal(dialog.service.changed, timeout=5000) as changed:
        dialog.add_button.click()
    assert changed.args == ["小王 was added as shift leader."]
    assert dialog.message.text() == "小王 was added as shift leader."
    assert _cell(dialog, "小王", OperatorColumn.ROLE) == "shift leader"
    assert _cell(dialog, "小王", OperatorColumn.ENABLED) == "yes"
    assert _cell(dialog, "小王", OperatorColumn.PIN) == "set"
    assert dialog.pin_edit.text() == "" and dialog.name_edit.text() == ""  # nothing typed lingers

    trail = [(e.action, e.detail) for e in services.writer.database.audit.audit_entries()]
    assert (AuditAction.OPERATOR_ADDED, "小王 (shift_leader)") in trail
    assert (AuditAction.PIN_SET, "PIN of 小王") in trail
    with qtbot.waitSignal(services.auth.signed_in, timeout=5000):
        services.auth.sign_in("小王", "2468")
    assert services.session.operator.name == "小王"


def test_a_pin_typed_differently_twice_or_a_taken_name_is_refused_and_nothing_is_written(
    qtbot: QtBot, dialog: OperatorsDialog, services: StationServices
) -> None:
    before = len(services.writer.database.audit.audit_entries())
    dialog.name_edit.setText("小张")
    dialog.pin_edit.setText("2468")
    dialog.pin_again_edit.setText("2469")
    with qtbot.waitSignal(dialog.service.refused) as refused:
        dialog.add_button.click()
    assert refused.args == ["The two PINs differ: type them again."]
    dialog.pin_again_edit.setText("2468")
    dialog.name_edit.setText("李明")
    with qtbot.waitSignal(dialog.service.refused) as refused:
        dialog.add_button.click()
    assert refused.args == ["There is already an operator called 李明: choose another name."]
    assert dialog.message.text() == refused.args[0]
    assert dialog.name_edit.text() == "李明"  # kept, to be corrected
    qtbot.waitUntil(lambda: services.writer.pending == 0)
    assert len(services.writer.database.audit.audit_entries()) == before
    assert [s.operator.name for s in dialog.model.rows] == ["李明"]


def test_a_lock_out_from_wrong_pins_shows_in_the_list_and_a_new_pin_lifts_it(
    qtbot: QtBot, window: MainWindow, services: StationServices
) -> None:
    database = services.writer.database
    database.operators.add_operator("小赵", Role.OPERATOR, services.clock(), None, pin="1357")
    for _ in range(LOCKOUT_FAILURES):
        database.operators.sign_in("小赵", "0000", services.clock())
    dialog = window.open_operators_dialog()
    assert dialog is not None
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2)
    locked = _cell(dialog, "小赵", OperatorColumn.LOCKED_UNTIL)
    assert locked.startswith("until ")
    assert _cell(dialog, "李明", OperatorColumn.LOCKED_UNTIL) == ""

    _select(dialog, "小赵")
    assert dialog.selected_box.isEnabled() and dialog.selected_box.title() == "Selected: 小赵"
    dialog.new_pin_edit.setText("8642")
    dialog.new_pin_again_edit.setText("8642")
    with qtbot.waitSignal(dialog.service.changed, timeout=5000) as changed:
        dialog.set_pin_button.click()
    assert changed.args == ["小赵 has a new PIN."]
    assert _cell(dialog, "小赵", OperatorColumn.LOCKED_UNTIL) == ""
    assert dialog.selected is not None and dialog.selected.operator.name == "小赵"  # still chosen
    assert database.operators.sign_in("小赵", "8642", services.clock()).ok
    assert not database.operators.sign_in("小赵", "1357", services.clock()).ok  # the old PIN is gone


def test_the_last_administrator_cannot_be_disabled_and_the_refusal_says_why(
    qtbot: QtBot, dialog: OperatorsDialog, services: StationServices
) -> None:
    database = services.writer.database
    admin = next(a.operator for a in database.operators.operator_accounts() if a.operator.name == "李明")
    database.operators.set_operator_pin(admin.id, "2468", services.clock(), None)
    database.operators.add_operator("小孙", Role.OPERATOR, services.clock(), admin.id, pin="1357")
    with qtbot.waitSignal(dialog.service.accounts_ready):
        dialog.refresh_button.click()

    _select(dialog, "李明")
    assert dialog.enable_button.text() == "&Disable"
    with qtbot.waitSignal(dialog.service.refused, timeout=5000) as refused:
        dialog.enable_button.click()
    assert refused.args == [
        "李明 is the last administrator who can sign in and cannot be disabled. "
        "Add another administrator first."
    ]
    assert _cell(dialog, "李明", OperatorColumn.ENABLED) == "yes"
    actions = [e.action for e in database.audit.audit_entries()]
    assert AuditAction.OPERATOR_DISABLED not in actions

    _select(dialog, "小孙")  # an operator can be disabled, and enabled again
    with qtbot.waitSignal(dialog.service.changed, timeout=5000) as changed:
        dialog.enable_button.click()
    assert changed.args == ["小孙 is disabled and cannot sign in."]
    assert _cell(dialog, "小孙", OperatorColumn.ENABLED) == "disabled"
    assert dialog.enable_button.text() == "&Enable"
    assert not database.operators.sign_in("小孙", "1357", services.clock()).ok
    with qtbot.waitSignal(dialog.service.changed, timeout=5000):
        dialog.enable_button.click()
    assert _cell(dialog, "小孙", OperatorColumn.ENABLED) == "yes"
    assert database.operators.sign_in("小孙", "1357", services.clock()).ok


@pytest.mark.expected_log  # the refusal is a warning
def test_an_operator_cannot_open_the_dialog_and_the_refusal_is_audited(
    qtbot: QtBot, window: MainWindow, services: StationServices
) -> None:
    database = services.writer.database
    database.operators.add_operator("小王", Role.OPERATOR, services.clock(), None, pin="1357")
    with qtbot.waitSignal(services.auth.signed_in, timeout=5000):
        services.auth.sign_in("小王", "1357")
    assert not window.operators_action.isEnabled()
    with qtbot.waitSignal(services.messages.message) as shown:
        assert window.open_operators_dialog() is None
    assert shown.args[1] == REFUSAL
    qtbot.waitUntil(lambda: services.writer.pending == 0)
    refusals = [e.detail for e in database.audit.audit_entries() if e.action is AuditAction.ACCESS_REFUSED]
    assert refusals == ["小王 (operator): manage_operators"]


def test_an_administrator_whose_rights_expired_with_the_dialog_open_is_refused(
    qtbot: QtBot, services: StationServices, languages: object
) -> None:
    database = services.writer.database
    admin = database.operators.add_operator("钱管理", Role.ADMINISTRATOR, services.clock(), None, pin="2468")
    clock = TickingClock(services.clock())  # this dialog's own: only its rights age
    auth = AuthService(services.writer, idle_minutes=1, clock=clock)
    auth.adopt(admin)
    dialog = OperatorsDialog(OperatorsService(auth, clock=clock))
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 2)
    clock.advance(timedelta(days=366))  # a year unused (``replace(year=...)`` fails on a 29 February)
    auth.check_idle()
    dialog.name_edit.setText("新人")
    dialog.pin_edit.setText("5821")
    dialog.pin_again_edit.setText("5821")
    with qtbot.waitSignal(dialog.service.refused) as refused:
        dialog.add_button.click()
    assert refused.args == [REFUSAL]
    qtbot.waitUntil(lambda: services.writer.pending == 0)
    assert "新人" not in [a.operator.name for a in database.operators.operator_accounts()]
    refusals = [e.detail for e in database.audit.audit_entries() if e.action is AuditAction.ACCESS_REFUSED]
    assert refusals == ["钱管理 (operator): manage_operators"]


def test_a_trivial_pin_is_refused_with_the_reason(
    qtbot: QtBot, dialog: OperatorsDialog, services: StationServices
) -> None:
    # The attack: an operator (or an administrator) given the PIN every guesser tries first.
    dialog.name_edit.setText("小赵")
    for pin, reason in (
        ("1234", "This PIN is a run of digits (like 1234 or 4321) and is guessed first: choose another."),
        ("1111", "This PIN repeats itself (like 1111 or 1212) and is guessed first: choose another."),
    ):
        dialog.pin_edit.setText(pin)
        dialog.pin_again_edit.setText(pin)
        with qtbot.waitSignal(dialog.service.refused) as refused:
            dialog.add_button.click()
        assert refused.args == [reason] and dialog.message.text() == reason
    assert "小赵" not in [a.operator.name for a in services.writer.database.operators.operator_accounts()]


def test_a_new_administrator_is_shown_a_recovery_code_that_works_once(
    qtbot: QtBot, dialog: OperatorsDialog, services: StationServices
) -> None:
    dialog.name_edit.setText("钱管理")
    dialog.role_combo.setCurrentIndex(dialog.role_combo.findData(Role.ADMINISTRATOR))
    dialog.pin_edit.setText("5821")
    dialog.pin_again_edit.setText("5821")
    with qtbot.waitSignal(dialog.service.changed, timeout=5000) as changed:
        dialog.add_button.click()
    [text] = changed.args
    found = re.search(r"recovery code, shown only now: ([0-9A-Z-]+)\.", text)
    assert text.startswith("钱管理 was added as administrator.") and found is not None
    database = services.writer.database
    qtbot.waitUntil(lambda: services.writer.pending == 0)
    at = services.clock()
    assert (
        database.operators.recover("钱管理", found.group(1), "7315", at, new_code=new_recovery_code())
        == "recovered"
    )
    assert database.operators.sign_in("钱管理", "7315", at).ok
