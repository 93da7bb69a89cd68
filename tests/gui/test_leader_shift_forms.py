"""The shift dialogs under a leader's hands: the wheel scrolls the close form instead of changing the tally
under the pointer, a refused close brings the offending row into view, and typing into a quantity replaces
it (typing 2 into a cell holding 1 recorded 21)."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QSpinBox, QTableWidget, QTableWidgetItem, QWidget
from pytestqt.qtbot import QtBot

from checkpoint.domain.shift_handover import Item, Metric
from checkpoint.ui.main_window import MainWindow
from checkpoint.ui.shift_dialogs import PROBLEM_BACKGROUND, CloseShiftDialog, OpenShiftDialog

TIMEOUT = 10_000
ITEMS = (("对讲机", 4), ("大门钥匙", 1), ("测温枪", 2), ("消毒液", 3), ("反光背心", 6))


def activate(qtbot: QtBot, widget: QWidget) -> None:
    handle = widget.windowHandle()
    assert handle is not None
    handle.requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)


def open_dialog(qtbot: QtBot, window: MainWindow) -> OpenShiftDialog:
    shifts = window._services.shifts
    with qtbot.waitSignal(shifts.open_context_ready, timeout=TIMEOUT) as ready:
        window.open_shift_action.trigger()
    dialog = window.open_shift_dialog(ready.args[0])
    activate(qtbot, dialog)
    return dialog


def close_dialog(qtbot: QtBot, window: MainWindow) -> CloseShiftDialog:
    shifts = window._services.shifts
    with qtbot.waitSignal(shifts.close_context_ready, timeout=TIMEOUT) as ready:
        window.close_shift_action.trigger()
    dialog = window.close_shift_dialog(ready.args[0])
    dialog.resize(900, 680)  # as it opens at 1366x768
    activate(qtbot, dialog)
    return dialog


def spin_at(table: QTableWidget, row: int, column: int) -> QSpinBox:
    spin = table.cellWidget(row, column)
    assert isinstance(spin, QSpinBox)
    return spin


def cell(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    item = table.item(row, column)
    assert item is not None
    return item


def type_into(qtbot: QtBot, spin: QSpinBox, text: str) -> None:
    """Clicks into the number (where a finger lands: its middle) and types."""
    editor = spin.lineEdit()
    assert editor is not None
    qtbot.mouseClick(editor, Qt.MouseButton.LeftButton, pos=editor.rect().center())
    qtbot.waitUntil(spin.hasFocus)
    qtbot.wait(20)  # the focus's select-all runs after the click
    qtbot.keyClicks(editor, text)


def open_with_items(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_dialog(qtbot, window)
    for name, quantity in ITEMS:
        dialog.add_item(Item(name, quantity))
    with qtbot.waitSignals([window._services.shifts.opened, dialog.finished], timeout=TIMEOUT):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def test_typing_a_quantity_replaces_it(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_dialog(qtbot, window)
    qtbot.mouseClick(dialog.add_item_button, Qt.MouseButton.LeftButton)
    spin = spin_at(dialog.items_table, 0, 1)
    assert spin.value() == 1
    type_into(qtbot, spin, "2")
    assert spin.value() == 2
    assert dialog.opening().items[0].quantity == 2


def wheel(widget: QWidget, up: bool) -> None:
    """One notch of the mouse wheel over ``widget``, delivered as Qt delivers the window system's: to the
    widget under the pointer, then to each parent while none accepts it (Qt propagates only spontaneous
    wheel events, which a test cannot make, so the walk is done here)."""
    target: QWidget | None = widget
    point = QPointF(widget.rect().center())
    while target is not None:
        event = QWheelEvent(
            point,
            QPointF(target.mapToGlobal(point)),
            QPoint(0, 0),
            QPoint(0, 120 if up else -120),
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
            Qt.ScrollPhase.NoScrollPhase,
            False,
        )
        event.setAccepted(True)  # as Qt sends it: a handler that does not want it ignores it
        handled = QApplication.sendEvent(target, event)
        if (handled and event.isAccepted()) or target.isWindow():
            return
        point = QPointF(target.mapToParent(point.toPoint()))
        target = target.parentWidget()


def test_the_wheel_over_the_tally_scrolls_the_form(qtbot: QtBot, window: MainWindow) -> None:
    open_with_items(qtbot, window)
    dialog = close_dialog(qtbot, window)
    bar = dialog.form_scroll.verticalScrollBar()
    assert bar.maximum() > 0  # the form is taller than the dialog at 1366x768
    bar.setValue(bar.maximum())
    spin = dialog.tally_spin(Metric.FEVER)
    before = bar.value()
    editor = spin.lineEdit()
    assert editor is not None and not spin.hasFocus()
    wheel(editor, up=True)
    assert spin.value() == -1  # still "—": no tally typed by a wheel passing over
    assert bar.value() < before  # the form scrolled instead
    # once the leader has clicked into the box, the wheel is theirs to use on it
    type_into(qtbot, spin, "3")
    wheel(editor, up=True)
    assert spin.value() == 4


def test_a_refused_close_brings_the_first_offending_row_into_view(qtbot: QtBot, window: MainWindow) -> None:
    open_with_items(qtbot, window)
    dialog = close_dialog(qtbot, window)
    table = dialog.items_table
    row = dialog.item_row("反光背心")
    viewport = dialog.form_scroll.viewport()

    def row_in_view() -> bool:
        rect = table.visualRect(table.model().index(row, 5))
        top = table.viewport().mapTo(viewport, rect.topLeft())
        bottom = table.viewport().mapTo(viewport, rect.bottomRight())
        return viewport.rect().contains(top) and viewport.rect().contains(bottom)

    dialog.form_scroll.verticalScrollBar().setValue(dialog.form_scroll.verticalScrollBar().maximum())
    type_into(qtbot, spin_at(table, row, 2), "5")  # one vest short
    assert spin_at(table, row, 2).value() == 5
    dialog.form_scroll.verticalScrollBar().setValue(0)  # back up to the counts, then submit
    assert not row_in_view()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "反光背心" in dialog.problems_label.text()
    assert row_in_view()
    assert cell(table, row, 0).background().color() == PROBLEM_BACKGROUND
    assert (table.currentRow(), table.currentColumn()) == (row, 5) and table.hasFocus()
    other = dialog.item_row("对讲机")
    assert cell(table, other, 0).background().color() != PROBLEM_BACKGROUND
    # the explanation, typed where the focus already is, lets the close through
    # (QTest types ASCII only)
    qtbot.keyClicks(table, "1")  # typing starts the cell's editor
    editor = QApplication.focusWidget()
    assert editor is not None and editor is not table
    qtbot.keyClicks(editor, " torn, scrapped")
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the table commits it a moment later
    qtbot.waitUntil(lambda: cell(table, row, 5).text() == "1 torn, scrapped")
    with qtbot.waitSignals([window._services.shifts.closed, dialog.finished], timeout=TIMEOUT):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
