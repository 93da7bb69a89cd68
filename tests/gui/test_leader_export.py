"""A shift leader's handover export, walked as at the gate: the window is what the fields show, "To" stays
now while the dialog is open, a shift's full sheet is one choice in the dialog, and closing a shift offers
its sheet at once (the trap: after Close shift the export defaulted to a two-minute automatic window)."""

from __future__ import annotations

import csv
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from checkpoint.domain.records import CodeColour, Direction, Itinerary, Outcome, Passage
from checkpoint.station.services import StationServices
from checkpoint.ui.export_dialog import ExportDialog
from checkpoint.ui.main_window import MainWindow
from checkpoint.ui.shift_dialogs import CloseShiftDialog, OpenShiftDialog
from tests.station_clock import TickingClock

TIMEOUT = 10_000


def record(qtbot: QtBot, services: StationServices) -> Passage:
    session = services.session
    session.set_direction(Direction.IN)
    session.set_colour(CodeColour.GREEN)  # a clear case: PASS is what the rules propose
    session.set_itinerary(Itinerary.GREEN)
    session.set_test_age(0)
    with qtbot.waitSignal(session.passage_recorded, timeout=TIMEOUT) as recorded:
        assert session.confirm(Outcome.PASS)
    passage = recorded.args[0]
    assert isinstance(passage, Passage)
    return passage


def open_export(qtbot: QtBot, window: MainWindow) -> ExportDialog:
    """Ctrl+E, as the leader presses it on the station screen (back in the window: offscreen, no window
    manager gives the window back its activation when a dialog closes)."""
    handle = window.windowHandle()
    assert handle is not None
    handle.requestActivate()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window.station_view.scan_entry, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.export_dialog is not None and window.export_dialog.isVisible())
    dialog = window.export_dialog
    assert dialog is not None
    return dialog


def export_csv(qtbot: QtBot, services: StationServices, dialog: ExportDialog, path: Path) -> list[list[str]]:
    """Chooses CSV and the file, clicks OK, waits for the file; its passage rows (header dropped)."""
    dialog.format_combo.setCurrentIndex(dialog.format_combo.findData("csv"))
    dialog.path_edit.setText(str(path))
    with qtbot.waitSignal(services.exports.export_finished, timeout=30_000):
        qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle))[1:]


def type_time(qtbot: QtBot, edit: object, at: datetime) -> None:
    """Selects the whole field and types the minute, as a leader does (the field shows no seconds)."""
    edit.setFocus()  # type: ignore[attr-defined]
    edit.selectAll()  # type: ignore[attr-defined]
    qtbot.keyClicks(edit, f"{at.astimezone():%Y-%m-%d %H:%M}")


def open_led_shift(qtbot: QtBot, window: MainWindow, staff: str = "陈静") -> None:
    shifts = window._services.shifts
    with qtbot.waitSignal(shifts.open_context_ready, timeout=TIMEOUT) as ready:
        window.open_shift_action.trigger()
    dialog: OpenShiftDialog = window.open_shift_dialog(ready.args[0])
    dialog.staff_picker.setCurrentText(staff)
    qtbot.keyClick(dialog.staff_picker.lineEdit(), Qt.Key.Key_Return)
    with qtbot.waitSignals([shifts.opened, dialog.finished], timeout=TIMEOUT):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def test_from_typed_to_the_minute_takes_that_whole_minute(
    qtbot: QtBot, window: MainWindow, services: StationServices, clock: TickingClock, tmp_path: Path
) -> None:
    """The leader's shift opened at hh:mm:52; a passage at a later minute's :37 is in "From <that minute>"
    (the field used to keep the shift's hidden :52 and leave the passage out)."""
    start = clock()
    clock.set(start.replace(second=52) + timedelta(minutes=1))
    open_led_shift(qtbot, window)
    clock.set(start.replace(second=37) + timedelta(minutes=4))
    passage = record(qtbot, services)
    assert passage.at.second == 37

    dialog = open_export(qtbot, window)
    qtbot.mouseClick(dialog.window_radio, Qt.MouseButton.LeftButton)
    assert dialog.since_edit.isEnabled() and not dialog.shift_list.isVisible()
    type_time(qtbot, dialog.since_edit, passage.at)
    assert dialog.since == passage.at.replace(second=0, microsecond=0)
    rows = export_csv(qtbot, services, dialog, tmp_path / "window.csv")
    assert len(rows) == 1  # the passage at :37 of the typed minute


def test_to_typed_to_the_minute_takes_that_whole_minute(
    qtbot: QtBot, window: MainWindow, services: StationServices, clock: TickingClock, tmp_path: Path
) -> None:
    clock.set(clock().replace(second=5) + timedelta(minutes=1))
    first = record(qtbot, services)
    clock.set(first.at.replace(second=58))
    last = record(qtbot, services)
    dialog = open_export(qtbot, window)
    qtbot.mouseClick(dialog.window_radio, Qt.MouseButton.LeftButton)
    type_time(qtbot, dialog.since_edit, first.at)
    qtbot.mouseClick(dialog.now_check, Qt.MouseButton.LeftButton)  # a fixed end, typed
    assert dialog.until_edit.isEnabled()
    type_time(qtbot, dialog.until_edit, last.at)
    assert len(export_csv(qtbot, services, dialog, tmp_path / "window.csv")) == 2


def test_to_stays_now_while_the_dialog_is_open(
    qtbot: QtBot, window: MainWindow, services: StationServices, clock: TickingClock, tmp_path: Path
) -> None:
    """The dialog stays open while the gate works on: "To" follows the clock, and a passage recorded
    meanwhile is in the file (To used to freeze at the minute the dialog opened)."""
    record(qtbot, services)
    dialog = open_export(qtbot, window)
    qtbot.mouseClick(dialog.window_radio, Qt.MouseButton.LeftButton)
    assert dialog.now_check.isChecked() and not dialog.until_edit.isEnabled()
    clock.advance(timedelta(minutes=10))
    later = record(qtbot, services)
    shown = f"{later.at.astimezone():%Y-%m-%d %H:%M}"
    qtbot.waitUntil(lambda: dialog.until_edit.text() == shown, timeout=5000)
    assert len(export_csv(qtbot, services, dialog, tmp_path / "now.csv")) == 2


def close_shift(qtbot: QtBot, window: MainWindow, incoming: str) -> None:
    shifts = window._services.shifts
    with qtbot.waitSignal(shifts.close_context_ready, timeout=TIMEOUT) as ready:
        window.close_shift_action.trigger()
    dialog: CloseShiftDialog = window.close_shift_dialog(ready.args[0])
    dialog.incoming_edit.setText(incoming)
    with qtbot.waitSignals([shifts.closed, dialog.finished], timeout=TIMEOUT):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)


def test_closing_a_shift_offers_its_full_sheet_at_once(
    qtbot: QtBot, window: MainWindow, services: StationServices, clock: TickingClock, tmp_path: Path
) -> None:
    open_led_shift(qtbot, window, staff="陈静")
    led = services.session.shift
    clock.advance(timedelta(minutes=30))
    record(qtbot, services)
    record(qtbot, services)
    clock.advance(timedelta(minutes=30))
    close_shift(qtbot, window, incoming="周强")
    qtbot.waitUntil(lambda: window.closed_shift_dialog is not None)
    confirmation = window.closed_shift_dialog
    assert confirmation is not None and confirmation.shift.id == led.id
    qtbot.mouseClick(confirmation.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.export_dialog is not None and window.export_dialog.isVisible())
    dialog = window.export_dialog
    assert dialog is not None
    # the closed shift, not the two-minute automatic one that follows it
    assert dialog.shift_radio.isChecked() and dialog.shift_id == led.id
    chosen = dialog.shift_list.currentItem().text()
    assert "李明" in chosen and "周强" in chosen
    path = tmp_path / "closed.csv"
    assert len(export_csv(qtbot, services, dialog, path)) == 2
    sheet = (tmp_path / "closed-shift.csv").read_text(encoding="utf-8-sig")
    assert "陈静" in sheet and "周强" in sheet  # staff and the incoming leader: the leaders' part


def test_the_dialog_lists_recent_shifts_with_their_leaders(
    qtbot: QtBot, window: MainWindow, services: StationServices, clock: TickingClock, tmp_path: Path
) -> None:
    """Any recent shift's full sheet, the same the CLI's ``export handover --shift`` writes."""
    automatic = services.session.shift
    open_led_shift(qtbot, window)
    led = services.session.shift
    record(qtbot, services)
    clock.advance(timedelta(hours=1))
    close_shift(qtbot, window, incoming="周强")
    qtbot.waitUntil(lambda: window.closed_shift_dialog is not None)
    assert window.closed_shift_dialog is not None
    qtbot.mouseClick(window.closed_shift_dialog.done_button, Qt.MouseButton.LeftButton)

    dialog = open_export(qtbot, window)
    items = [dialog.shift_list.item(i) for i in range(dialog.shift_list.count())]
    listed = [item.data(Qt.ItemDataRole.UserRole) for item in items]
    assert listed[0] == str(services.session.shift.id)  # the current (automatic) shift first
    assert listed[1:] == [str(led.id), str(automatic.id)]
    assert "now (open)" in items[0].text() and "automatic" in items[0].text()
    rect = dialog.shift_list.visualItemRect(items[1])
    qtbot.mouseClick(dialog.shift_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.shift_id == led.id
    path = tmp_path / "gui.csv"
    gui_rows = export_csv(qtbot, services, dialog, path)

    from checkpoint.station.exporting import export_handover_file

    cli = tmp_path / "cli.csv"
    export_handover_file(services.writer.database, cli, "csv", shift_id=led.id, now=clock())
    with cli.open(encoding="utf-8-sig", newline="") as handle:
        assert gui_rows == list(csv.reader(handle))[1:]

    def leaders_part(path: Path) -> list[str]:
        """The shift part, without the log's anchor (each file names the log as it was when written)."""
        lines = path.read_text(encoding="utf-8-sig").splitlines()
        return [line for line in lines if f"{services.writer.database.station_id}:" not in line]

    assert leaders_part(tmp_path / "gui-shift.csv") == leaders_part(tmp_path / "cli-shift.csv")
    assert any("周强" in line for line in leaders_part(tmp_path / "gui-shift.csv"))
