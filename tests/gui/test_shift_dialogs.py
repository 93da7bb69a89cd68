"""A shift leader opens and closes a shift through the dialogs, on the real services and database."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QSpinBox, QTableWidget
from pytestqt.qtbot import QtBot

from checkpoint.domain.records import CodeColour, Direction, Itinerary, Outcome
from checkpoint.domain.shift_handover import Item, ItemCondition, Metric
from checkpoint.ui.main_window import MainWindow
from checkpoint.ui.shift_dialogs import CloseShiftDialog, OpenShiftDialog

TIMEOUT = 10_000


def cell_text(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None
    return item.text()


def open_dialog(qtbot: QtBot, window: MainWindow) -> OpenShiftDialog:
    shifts = window._services.shifts
    with qtbot.waitSignal(shifts.open_context_ready, timeout=TIMEOUT) as ready:
        window.open_shift_action.trigger()
    return window.open_shift_dialog(ready.args[0])


def close_dialog(qtbot: QtBot, window: MainWindow) -> CloseShiftDialog:
    shifts = window._services.shifts
    with qtbot.waitSignal(shifts.close_context_ready, timeout=TIMEOUT) as ready:
        window.close_shift_action.trigger()
    return window.close_shift_dialog(ready.args[0])


def record_pass(qtbot: QtBot, window: MainWindow) -> None:
    session = window._services.session
    session.set_direction(Direction.IN)
    session.set_colour(CodeColour.GREEN)  # a clear case: PASS is what the rules propose
    session.set_itinerary(Itinerary.GREEN)
    session.set_test_age(0)
    with qtbot.waitSignal(session.passage_recorded, timeout=TIMEOUT):
        assert session.confirm(Outcome.PASS)


def test_open_then_close_with_an_explained_difference_and_the_next_shift_starts(
    qtbot: QtBot, window: MainWindow
) -> None:
    services = window._services
    shifts, session = services.shifts, services.session
    automatic = session.shift
    assert "(automatic)" in window.shift_label.text()

    dialog = open_dialog(qtbot, window)
    dialog.staff_picker.setCurrentText("陈静")
    qtbot.keyClick(dialog.staff_picker.lineEdit(), Qt.Key.Key_Return)
    assert dialog.staff() == ("李明", "陈静")
    dialog.add_item(Item("对讲机", 4))
    dialog.add_item(Item("大门钥匙", 1))
    with qtbot.waitSignals([shifts.opened, dialog.finished], timeout=TIMEOUT):
        dialog.ok_button.click()
    led = session.shift
    assert led.id != automatic.id and not shifts.current.automatic
    assert "李明" in window.shift_label.text() and "(automatic)" not in window.shift_label.text()
    counters = window.station_view.live_counters
    assert counters.shift_id == led.id

    record_pass(qtbot, window)
    qtbot.waitUntil(lambda: counters.shift().total().persons == 1)  # the counters count the leader's shift

    closing = close_dialog(qtbot, window)
    assert closing.counts_table.item(0, 1) is not None
    persons_row = list(Metric).index(Metric.PERSONS)
    assert cell_text(closing.counts_table, persons_row, 1) == "1"
    closing.tally_spin(Metric.PERSONS).setValue(2)
    assert cell_text(closing.counts_table, persons_row, 3) == "+1"
    radios = closing.items_table.cellWidget(closing.item_row("对讲机"), 2)
    assert isinstance(radios, QSpinBox)
    radios.setValue(3)
    closing.incoming_edit.setText("周强")
    closing.matters_edit.setPlainText("3号岗亭灯坏")

    # differences without explanations: refused, nothing written, the dialog stays open
    closing.ok_button.click()
    assert closing.isVisible()
    problems = closing.problems_label.text()
    assert "the tally differs from the log" in problems and "对讲机" in problems
    assert session.shift.id == led.id

    closing.set_explanation(Metric.PERSONS, "一名儿童另行登记")
    explanation = closing.items_table.item(closing.item_row("对讲机"), 5)
    assert explanation is not None
    explanation.setText("一台送修")
    keys = closing.items_table.cellWidget(closing.item_row("大门钥匙"), 3)
    assert isinstance(keys, QComboBox)
    keys.setCurrentIndex(list(ItemCondition).index(ItemCondition.GOOD))
    with qtbot.waitSignals([shifts.closed, closing.finished], timeout=TIMEOUT):
        closing.ok_button.click()
    following = session.shift
    assert following.id not in (led.id, automatic.id)
    assert shifts.current.automatic and "(automatic)" in window.shift_label.text()
    qtbot.waitUntil(lambda: counters.shift_id == following.id and counters.ready)
    assert counters.shift().total().persons == 0

    db = services.writer.database
    record = db.shifts.shift_record(led.id)
    assert record is not None and record.closing is not None
    assert record.closing.incoming_leader == "周强" and record.closing.matters == ("3号岗亭灯坏",)
    [issued] = db.anchors.issued()  # the close pins the log: the leaders see its anchor
    assert issued.purpose == f"shift close {led.id}"
    assert f"Log anchor: {issued.anchor.short()}" in window.statusBar().currentMessage()
    assert db.verify(anchors=[issued.anchor]).ok

    # the incoming leader's opening shows the matter handed over; it must be decided
    reopen = open_dialog(qtbot, window)
    assert reopen.matters_table.rowCount() == 1
    reopen.ok_button.click()
    assert "acknowledge it or carry it on" in reopen.problems_label.text()


def test_an_operator_who_is_not_a_leader_is_refused(qtbot: QtBot, window: MainWindow) -> None:
    import dataclasses

    from checkpoint.domain.records import Role

    session = window._services.session
    session._operator = dataclasses.replace(session.operator, role=Role.OPERATOR)
    dialog = open_dialog(qtbot, window)
    assert not dialog.ok_button.isEnabled()
    assert "Only a shift leader" in dialog.problems_label.text()
