"""Signing in on the keypad, wrong PINs, the lock-out, rights by role, the lock screen and the wizard."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from checkpoint.domain.records import AuditAction, Role
from checkpoint.domain.roles import Permission, new_recovery_code
from checkpoint.station.first_run import FirstRunService, needs_first_run
from checkpoint.station.i18n import LanguageSwitcher
from checkpoint.station.services import StationServices
from checkpoint.storage.database import open_database
from checkpoint.storage.keys import PRIVATE_KEY_FILE, keys_dir
from checkpoint.ui.first_run import FirstRunWizard
from checkpoint.ui.main_window import MainWindow
from checkpoint.ui.sign_in import SignInDialog, SignInPurpose
from tests.station_clock import TickingClock


@pytest.fixture()
def colleague(services: StationServices) -> str:
    """An operator (no leader rights) with PIN 1357, beside the station's administrator 李明."""
    services.writer.database.operators.add_operator("小王", Role.OPERATOR, services.clock(), None, pin="1357")
    return "小王"


def open_dialog(
    qtbot: QtBot, services: StationServices, purpose: SignInPurpose, parent: MainWindow | None = None
) -> SignInDialog:
    dialog = SignInDialog(services.auth, purpose, parent)
    if parent is None:
        qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.view.operators.count() > 0)
    return dialog


def choose(dialog: SignInDialog, name: str) -> None:
    operators = dialog.view.operators
    for row in range(operators.count()):
        if operators.item(row).data(Qt.ItemDataRole.UserRole) == name:
            operators.setCurrentRow(row)
            return
    raise AssertionError(f"{name} is not in the list")


def tap(qtbot: QtBot, dialog: SignInDialog, digits: str) -> None:
    for digit in digits:
        qtbot.mouseClick(dialog.view.keys[digit], Qt.MouseButton.LeftButton)


def test_an_operator_signs_in_on_the_keypad_and_records_from_then_on(
    qtbot: QtBot, services: StationServices, colleague: str
) -> None:
    dialog = open_dialog(qtbot, services, SignInPurpose.SWITCH)
    choose(dialog, colleague)
    tap(qtbot, dialog, "1357")
    assert dialog.view.pin_edit.text() == "1357"
    with qtbot.waitSignal(services.auth.signed_in, timeout=5000):
        qtbot.mouseClick(dialog.view.keys["OK"], Qt.MouseButton.LeftButton)
    assert services.session.operator.name == colleague
    assert services.auth.role is Role.OPERATOR
    assert not dialog.isVisible()
    qtbot.waitUntil(lambda: services.writer.pending == 0)
    trail = [(e.action, e.detail) for e in services.writer.database.audit.audit_entries()][-2:]
    assert trail == [
        (AuditAction.SIGNED_IN, "小王 (operator)"),
        (AuditAction.SIGNED_OUT, "李明: switched to 小王"),
    ]


def test_a_wrong_pin_says_how_many_tries_are_left_and_the_fifth_locks_out(
    qtbot: QtBot, services: StationServices, colleague: str, languages: LanguageSwitcher
) -> None:
    dialog = open_dialog(qtbot, services, SignInPurpose.SWITCH)
    choose(dialog, colleague)
    for attempt in range(5):
        QTest.keyClicks(dialog.view.pin_edit, "0000")  # the keyboard works as well as the keypad
        with qtbot.waitSignal(services.auth.sign_in_failed, timeout=5000) as failed:
            QTest.keyClick(dialog.view.pin_edit, Qt.Key.Key_Return)
        assert dialog.view.message.text() == failed.args[0]
        assert dialog.view.pin_edit.text() == ""  # typed again from scratch
        if attempt == 0:
            assert failed.args[0] == "Wrong PIN. Tries left before a 5-minute lock-out: 4."
    assert "locked out until" in dialog.view.message.text() and "(5 min)" in dialog.view.message.text()
    QTest.keyClicks(dialog.view.pin_edit, "1357")  # even the right PIN, while locked
    with qtbot.waitSignal(services.auth.sign_in_failed, timeout=5000) as refused:
        QTest.keyClick(dialog.view.pin_edit, Qt.Key.Key_Return)
    assert "locked out until" in refused.args[0]
    assert services.session.operator.name == "李明"


@pytest.mark.expected_log  # each refusal is a warning
def test_an_operator_cannot_reach_leader_actions_and_a_shortcut_says_why(
    qtbot: QtBot, window: MainWindow, services: StationServices, colleague: str
) -> None:
    assert window.export_action.isEnabled() and window.audit_view is not None  # the administrator
    dialog = open_dialog(qtbot, services, SignInPurpose.SWITCH, window)
    choose(dialog, colleague)
    tap(qtbot, dialog, "1357")
    with qtbot.waitSignal(services.auth.signed_in, timeout=5000):
        QTest.keyClick(dialog.view.pin_edit, Qt.Key.Key_Return)
    for action in (window.export_action, window.print_action, window.settings_action, window.import_action):
        assert not action.isEnabled()
    assert not window.tabs.isTabVisible(window.tabs.indexOf(window.trace_view))
    assert not window.tabs.isTabVisible(window.tabs.indexOf(window.audit_view))
    assert window.operator_label.text() == "Operator: 小王 (operator)"

    window.hide()  # the station as the operator finds it after the sign-in dialog (offscreen: re-shown)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    QTest.keyClick(window.station_view.scan_entry, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.banner.isVisible())
    assert (
        window.banner.text()
        == "This needs a shift leader: switch operator (Ctrl+Shift+L) and sign in as one."
    )
    window.show_audit()  # reached another way: still refused
    assert window.tabs.currentWidget() is window.station_view
    qtbot.waitUntil(lambda: services.writer.pending == 0)
    refused = [
        e.detail
        for e in services.writer.database.audit.audit_entries()
        if e.action is AuditAction.ACCESS_REFUSED
    ]
    assert refused == ["小王 (operator): export", "小王 (operator): view_audit"]


def test_the_lock_screen_opens_only_by_a_sign_in(
    qtbot: QtBot, window: MainWindow, services: StationServices
) -> None:
    services.writer.database.operators.set_operator_pin(
        services.session.operator.id, "2468", services.clock(), None
    )
    dialog = window.lock_station()
    qtbot.waitUntil(lambda: dialog.view.operators.count() > 0)
    assert dialog.isVisible() and services.auth.is_locked
    assert not services.auth.allows(Permission.EXPORT)
    QTest.keyClick(dialog, Qt.Key.Key_Escape)
    dialog.reject()
    assert dialog.isVisible()  # neither Esc nor closing opens it
    assert dialog.view.name_edit.text() == "李明"  # the one who locked it, preselected
    tap(qtbot, dialog, "2468")
    with qtbot.waitSignal(services.auth.signed_in, timeout=5000):
        qtbot.mouseClick(dialog.view.keys["OK"], Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.lock_dialog is None)
    assert not services.auth.is_locked
    actions = [e.action for e in services.writer.database.audit.audit_entries()][-2:]
    assert actions == [AuditAction.SIGNED_OUT, AuditAction.SIGNED_IN]


def test_the_wizard_creates_the_gate_the_administrator_and_the_key(
    qtbot: QtBot, tmp_path: Path, clock: TickingClock
) -> None:
    database = open_database(f"sqlite:///{tmp_path / 'station.sqlite3'}")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    try:
        assert needs_first_run(database)
        wizard = FirstRunWizard(FirstRunService(database, settings, clock=clock), settings)
        qtbot.addWidget(wizard)
        wizard.show()
        wizard.gate_page.name_edit.setText("")
        assert not wizard.button(FirstRunWizard.WizardButton.NextButton).isEnabled()  # a gate needs a name
        wizard.gate_page.name_edit.insert("幸福小区北门")
        wizard.gate_page.profile_buttons["compound-gate"].click()
        province = wizard.gate_page.home_province
        assert province.currentData() == ""  # none in the settings yet
        province.setCurrentIndex(province.findData("豫"))  # the plates of the gate's own province
        wizard.next()
        assert wizard.currentPage() is wizard.admin_page
        wizard.admin_page.name_edit.insert("赵管理")
        QTest.keyClicks(wizard.admin_page.pin_edit, "2468")
        QTest.keyClicks(wizard.admin_page.again_edit, "2469")
        wizard.next()
        assert wizard.currentPage() is wizard.admin_page
        assert wizard.admin_page.message.text() == "The two PINs differ: type them again."
        QTest.keyClicks(wizard.admin_page.pin_edit, "1234")  # the PIN every guesser tries first
        QTest.keyClicks(wizard.admin_page.again_edit, "1234")
        wizard.next()
        assert wizard.currentPage() is wizard.admin_page
        assert wizard.admin_page.message.text() == (
            "This PIN is a run of digits (like 1234 or 4321) and is guessed first: choose another."
        )
        QTest.keyClicks(wizard.admin_page.pin_edit, "2468")
        QTest.keyClicks(wizard.admin_page.again_edit, "2468")
        wizard.next()
        assert wizard.currentPage() is wizard.finish_page
        assert "幸福小区北门" in wizard.finish_page.summary.text()
        code = wizard.finish_page.recovery_code.text()  # shown once, before anything is written
        assert len(code.replace("-", "")) == 20
        wizard.accept()
        assert wizard.result() == FirstRunWizard.DialogCode.Accepted

        assert not needs_first_run(database)
        assert database.operators.sign_in("赵管理", "2468", clock()).ok
        assert [(g.name, g.profile) for g in database.gates.all()] == [("幸福小区北门", "compound-gate")]
        assert (
            settings.value("gate/name") == "幸福小区北门"
            and settings.value("gate/profile") == "compound-gate"
            and settings.value("station/home_province") == "豫"  # the key the station reads at start
        )
        assert (keys_dir() / PRIVATE_KEY_FILE).is_file()
        assert keys_dir().is_relative_to(os.environ["CHECKPOINT_HOME"])  # the temp home, not the real one
        keys = [e.detail for e in database.audit.audit_entries() if e.action is AuditAction.KEY_CREATED]
        assert [detail.split()[0:2] for detail in keys] == [["deployment", "key"], ["data", "key"]]
        assert "data.key" in wizard.finish_page.summary.text()  # the administrator is told what to back up
        # the code shown is the way back for a locked-out administrator (and works once)
        assert database.operators.has_recovery_code(database.operators.all()[0].id)
        again = new_recovery_code()
        assert database.operators.recover("赵管理", code, "7315", clock(), new_code=again) == "recovered"
        assert database.operators.recover("赵管理", code, "7315", clock(), new_code=again) == "wrong_code"
    finally:
        database.close()
