"""The rules editor: a broken profile shows its problems (in the user's language) and cannot be saved; a
fixed one saves as the next version, is audited, and the station decides under it at once."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
import shiboken6
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from checkpoint.domain.records import AuditAction, Outcome, Reason
from checkpoint.station.i18n import LanguageSwitcher
from checkpoint.station.services import StationServices
from checkpoint.ui.main_window import MainWindow
from checkpoint.ui.settings_dialog import SettingsDialog


@pytest.fixture()
def opened(qtbot: QtBot, window: MainWindow) -> Iterator[list[SettingsDialog]]:
    """Dialogs opened from the menu; closed afterwards so no modal dialog outlives its test."""
    dialogs: list[SettingsDialog] = []
    yield dialogs
    for dialog in dialogs:
        if shiboken6.isValid(dialog):
            dialog.close()


def open_dialog(qtbot: QtBot, window: MainWindow, opened: list[SettingsDialog]) -> SettingsDialog:
    assert window.settings_action.shortcut().toString() == "Ctrl+,"
    window.settings_action.trigger()
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None
    opened.append(dialog)
    qtbot.waitExposed(dialog)
    assert dialog.isModal()
    return dialog


def wait_writer(qtbot: QtBot, services: StationServices) -> None:
    if services.writer.pending:
        with qtbot.waitSignal(services.writer.busy_changed, timeout=5000, check_params_cb=lambda b: not b):
            pass


def test_break_fix_and_save_a_profile(
    qtbot: QtBot, window: MainWindow, services: StationServices, opened: list[SettingsDialog]
) -> None:
    dialog = open_dialog(qtbot, window, opened)
    assert dialog.profile_name == "highway-exit"  # the gate's own profile comes first
    assert "version = 1" in dialog.editor.toPlainText()
    assert not dialog.save_button.isEnabled()  # nothing changed yet
    assert dialog.problems_list.isHidden()

    original = dialog.editor.toPlainText()
    dialog.editor.setPlainText(original.replace('reason = "code_red"', 'reason = "code_purple"'))
    assert not dialog.save_button.isEnabled()
    assert dialog.problems_list.count() == 1
    shown = dialog.problems_list.item(0).text()
    assert "code_purple" in shown
    assert "rule 1" in shown.lower()
    assert "1 problem" in dialog.status_label.text()

    dialog.editor.setPlainText(original.replace("max_test_age_days = 2", "max_test_age_days = 3"))
    assert dialog.problems_list.isHidden()
    assert dialog.save_button.isEnabled()
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert "version = 2" in dialog.editor.toPlainText()
    assert "highway-exit/2" in dialog.status_label.text()
    assert not dialog.save_button.isEnabled()

    session = services.session
    assert session.profile.rules_version == "highway-exit/2"
    session.set_test_age(3)
    assert Reason.TEST_TOO_OLD not in session.draft.reasons

    wait_writer(qtbot, services)
    audits = [
        e for e in services.writer.database.audit.audit_entries() if e.action is AuditAction.RULES_CHANGED
    ]
    assert [e.detail for e in audits] == ["profile highway-exit: version 1 -> 2 (highway-exit/2)"]
    assert audits[0].operator_id == session.operator.id


def test_revert_to_shipped_and_switch_profile(
    qtbot: QtBot, window: MainWindow, opened: list[SettingsDialog]
) -> None:
    dialog = open_dialog(qtbot, window, opened)
    shipped = dialog.editor.toPlainText()
    dialog.editor.setPlainText(shipped.replace("fever_c = 37.3", "fever_c = 37.0"))
    assert dialog.save() is not None
    assert "fever_c = 37.0" in dialog.editor.toPlainText()
    qtbot.mouseClick(dialog.revert_button, Qt.MouseButton.LeftButton)
    assert "fever_c = 37.3" in dialog.editor.toPlainText()
    saved = dialog.save()
    assert saved is not None and saved.version == "3"
    assert saved.thresholds.fever_c == 37.3

    dialog.select_profile("compound-gate")
    assert dialog.profile_name == "compound-gate"
    assert 'name = "compound-gate"' in dialog.editor.toPlainText()
    dialog.editor.setPlainText(dialog.editor.toPlainText().replace('name = "compound-gate"', 'name = "x"'))
    assert not dialog.save_button.isEnabled()
    assert "x" in dialog.problems_list.item(0).text()


def test_problems_are_shown_in_chinese(
    qtbot: QtBot, window: MainWindow, languages: LanguageSwitcher, opened: list[SettingsDialog]
) -> None:
    dialog = open_dialog(qtbot, window, opened)
    dialog.editor.setPlainText(
        dialog.editor.toPlainText().replace('outcome = "hold"', 'outcome = "maybe"', 1)
    )
    english = dialog.problems_list.item(0).text()
    languages.set_language("zh_CN")
    assert dialog.windowTitle() == "设置：卡口规则"
    chinese = dialog.problems_list.item(0).text()
    assert chinese != english
    assert "maybe" in chinese
    assert "高速卡口" in dialog.profile_combo.currentText()


def test_an_operator_may_look_but_not_save(qtbot: QtBot, services: StationServices) -> None:
    dialog = SettingsDialog(services.session.profiles, "compound-gate", may_edit=False)
    qtbot.addWidget(dialog)
    assert dialog.profile_name == "compound-gate"
    assert dialog.editor.isReadOnly()
    assert not dialog.revert_button.isEnabled()
    dialog.editor.setPlainText(dialog.editor.toPlainText() + "\n# note\n")
    assert not dialog.save_button.isEnabled()
    assert dialog.save() is None
    assert services.session.draft.proposed in Outcome


# --- the profile this gate decides under ----------------------------------------------------------------


def leader_dialog(qtbot: QtBot, services: StationServices, *, may_edit: bool = True) -> SettingsDialog:
    session = services.session
    dialog = SettingsDialog(
        session.profiles, session.gate.profile, session.operator.id, may_edit=may_edit, session=session
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_use_another_profile_for_this_gate(qtbot: QtBot, services: StationServices) -> None:
    dialog = leader_dialog(qtbot, services)
    session = services.session
    assert dialog.gate_profile == "highway-exit"
    assert dialog.gate_profile_combo.currentData() == "highway-exit"  # the gate's own, preselected
    assert "Highway exit" in dialog.gate_profile_combo.currentText()
    assert not dialog.use_button.isEnabled()  # choosing what the gate has is no change

    dialog.select_gate_profile("compound-gate")
    assert dialog.use_button.isEnabled()
    assert dialog.profile_name == "highway-exit"  # the editor is not moved by the gate's chooser
    with qtbot.waitSignal(session.gate_changed, timeout=5000):
        qtbot.mouseClick(dialog.use_button, Qt.MouseButton.LeftButton)
        assert not dialog.use_button.isEnabled()  # while it is being written
        assert "Switching" in dialog.status_label.text()
    assert dialog.gate_profile == "compound-gate"
    assert session.gate.profile == "compound-gate"
    assert session.profile.rules_version in dialog.status_label.text()
    assert not dialog.use_button.isEnabled()
    audits = [
        e for e in services.writer.database.audit.audit_entries() if e.action is AuditAction.SETTINGS_CHANGED
    ]
    assert [(e.detail, e.operator_id) for e in audits] == [
        ("gate G1 高速出口: profile highway-exit -> compound-gate", session.operator.id)
    ]

    dialog.select_gate_profile("highway-exit")  # and back again
    with qtbot.waitSignal(session.gate_changed, timeout=5000):
        assert dialog.use_for_gate()
    assert session.gate.profile == "highway-exit"
    assert dialog.gate_profile_combo.currentData() == "highway-exit"


def test_an_operator_cannot_switch_the_gate(qtbot: QtBot, services: StationServices) -> None:
    dialog = leader_dialog(qtbot, services, may_edit=False)
    assert not dialog.gate_profile_combo.isEnabled()
    dialog.select_gate_profile("compound-gate")
    assert not dialog.use_button.isEnabled()
    assert not dialog.use_for_gate()
    assert services.session.gate.profile == "highway-exit"
    assert not services.writer.pending


def test_without_the_session_the_gate_profile_is_only_named(qtbot: QtBot, services: StationServices) -> None:
    dialog = SettingsDialog(services.session.profiles, "compound-gate")
    qtbot.addWidget(dialog)
    assert dialog.gate_profile_combo.isHidden() and dialog.use_button.isHidden()
    assert "compound-gate" in dialog.gate_label.text()
    assert not dialog.use_for_gate()


def test_the_gate_chooser_in_chinese(
    qtbot: QtBot, services: StationServices, languages: LanguageSwitcher
) -> None:
    dialog = leader_dialog(qtbot, services)
    languages.set_language("zh_CN")
    assert "高速卡口" in dialog.gate_profile_combo.currentText()
    assert dialog.use_button.text() != "&Use for this gate"
    assert dialog.gate_label.text() != "This gate decides under:"


def test_a_switch_that_cannot_be_written_changes_nothing(qtbot: QtBot, services: StationServices) -> None:
    # The database refuses the record (as a full or broken disk would): nothing half-written, and said so.
    database = services.writer.database
    with database._engine.begin() as connection:
        connection.exec_driver_sql(
            "CREATE TRIGGER refuse BEFORE INSERT ON gate_profile BEGIN SELECT RAISE(ABORT, 'refused'); END"
        )
    dialog = leader_dialog(qtbot, services)
    session = services.session
    dialog.select_gate_profile("compound-gate")
    with qtbot.waitSignal(session.record_failed, timeout=5000) as failed:
        assert dialog.use_for_gate()
    assert "NOT switched" in failed.args[0]
    assert "NOT switched" in dialog.status_label.text()
    assert session.gate.profile == "highway-exit" and not session.switching_profile
    assert session.profile.rules_version.startswith("highway-exit/")
    assert dialog.gate_profile_combo.currentData() == "highway-exit"
    assert [e for e in database.audit.audit_entries() if e.action is AuditAction.SETTINGS_CHANGED] == []
    assert [g.profile for g in database.gates.all()] == ["highway-exit"]
