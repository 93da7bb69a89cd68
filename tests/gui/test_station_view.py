"""The station screen driven like an operator would: camera or scanner, taps and keys, confirmation."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from checkpoint.camera.grabber import CameraStatus
from checkpoint.domain.codes import Backend
from checkpoint.domain.records import CodeColour, Direction, Itinerary, Outcome, Passage
from checkpoint.station.i18n import LanguageSwitcher
from checkpoint.station.scan import ScanEvent
from checkpoint.station.services import StationServices
from checkpoint.ui.main_window import MainWindow
from checkpoint.ui.pass_log_model import Column
from checkpoint.ui.station_view import StationView

SCAN_TIMEOUT_MS = 20_000
RECORD_TIMEOUT_MS = 5_000


def tap(qtbot: QtBot, widget: object) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def wedge(qtbot: QtBot, station: StationView, payload: str) -> None:
    """What a keyboard-wedge scanner does: types the payload into the focused field, then Enter.

    Sent as key events carrying text (QTest's keyClicks refuses characters beyond Latin-1)."""
    target = QApplication.focusWidget()
    assert target is station.scan_entry, "the scanner types wherever the focus is"
    for char in payload:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                target, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, char)
            )
    qtbot.keyClick(target, Qt.Key.Key_Return)


def test_demo_camera_scan_to_recorded_passage(
    qtbot: QtBot, window: MainWindow, services: StationServices
) -> None:
    station = window.station_view
    session = services.session
    with qtbot.waitSignal(services.scan.code_scanned, timeout=SCAN_TIMEOUT_MS):
        services.scan.start()
    services.scan.stop()
    QCoreApplication.processEvents()  # queued decode results arrive now, not in the middle of the test
    event: ScanEvent = session.draft.code  # type: ignore[assignment]
    assert event is not None and event.backend is not Backend.KEYBOARD
    assert station.last_scan_text() == event.text
    assert station.verdict.outcome is Outcome.TURN_BACK  # nothing attested yet: no test proof turns back

    tap(qtbot, station.colour_row.button(CodeColour.GREEN))
    tap(qtbot, station.itinerary_row.button(Itinerary.GREEN))
    qtbot.keyClick(station.scan_entry, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)  # test today
    qtbot.keyClick(station.scan_entry, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    assert station.temperature.hasFocus()
    qtbot.keyClicks(station.temperature, "36.6")
    qtbot.keyClick(station.temperature, Qt.Key.Key_Return)
    assert station.scan_entry.hasFocus()  # back where the scanner types

    draft = session.draft
    assert (draft.colour, draft.itinerary, draft.test_age_days, draft.temperature) == (
        CodeColour.GREEN,
        Itinerary.GREEN,
        0,
        36.6,
    )
    assert station.verdict.outcome is Outcome.PASS
    assert station.outcome_buttons[Outcome.PASS].property("proposed") is True
    assert "F5" in station.outcome_buttons[Outcome.PASS].text()
    assert station.confirmation.outcome is None  # nothing is shown as recorded before it is

    before = session.shift_count
    with qtbot.waitSignal(session.passage_recorded, timeout=RECORD_TIMEOUT_MS) as recorded:
        qtbot.keyClick(station.scan_entry, Qt.Key.Key_F5)
    passage: Passage = recorded.args[0]
    assert passage.outcome is Outcome.PASS
    person = passage.persons[0]
    assert person.code_text == event.text
    assert (person.code_colour, person.itinerary, person.test_age_days) == (
        CodeColour.GREEN,
        Itinerary.GREEN,
        0,
    )
    assert person.temperature == 36.6

    assert station.confirmation.outcome is Outcome.PASS
    assert "Pass" in station.confirmation.text()
    assert session.shift_count == before + 1
    assert station.shift_counter.text() == f"This shift: {before + 1} passage" + ("s" if before else "")
    model = window.log_view.model
    assert model.passage(0).uuid == passage.uuid
    assert model.data(model.index(0, Column.OUTCOME)) == "Pass"
    assert session.draft.code is None  # ready for the next person
    assert station.scan_entry.hasFocus()


def test_the_scanners_enter_submits_the_scan_and_never_confirms(
    qtbot: QtBot, window: MainWindow, services: StationServices
) -> None:
    station = window.station_view
    session = services.session
    assert station.scan_entry.hasFocus()
    with qtbot.waitSignal(services.scan.code_scanned) as scanned:
        wedge(qtbot, station, "CPS1:通行证-3栋2单元")
    event: ScanEvent = scanned.args[0]
    assert (event.text, event.backend) == ("CPS1:通行证-3栋2单元", Backend.KEYBOARD)
    assert station.scan_entry.text() == ""
    assert station.last_scan_text() == "CPS1:通行证-3栋2单元"
    assert "Station pass" in station.scan_kind.text()
    assert not session.recording and services.writer.pending == 0  # Enter did not confirm anything
    assert session.shift_count == 0


def test_attestation_keys_work_while_the_scan_entry_has_the_focus(window: MainWindow, qtbot: QtBot) -> None:
    station = window.station_view
    session = window.station_view._session
    control = Qt.KeyboardModifier.ControlModifier
    shift = Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(station.scan_entry, Qt.Key.Key_Y, control)  # Ctrl+Y is "redo" for a line edit elsewhere
    assert session.draft.colour is CodeColour.YELLOW
    assert station.colour_row.button(CodeColour.YELLOW).isChecked()
    qtbot.keyClick(station.scan_entry, Qt.Key.Key_R, control)
    assert session.draft.colour is CodeColour.RED
    assert not station.colour_row.button(CodeColour.YELLOW).isChecked()
    qtbot.keyClick(station.scan_entry, Qt.Key.Key_S, control | shift)
    assert session.draft.itinerary is Itinerary.STARRED
    qtbot.keyClick(station.scan_entry, Qt.Key.Key_O, control)
    assert session.draft.direction is Direction.OUT
    qtbot.keyClick(station.scan_entry, Qt.Key.Key_3, control)
    assert session.draft.test_age_days == 3
    assert station.verdict.outcome is Outcome.HOLD  # red code
    assert station.outcome_buttons[Outcome.HOLD].property("proposed") is True
    assert station.scan_entry.text() == ""  # none of these keys typed into the field
    qtbot.keyClick(station.scan_entry, Qt.Key.Key_Escape)
    assert session.draft.colour is CodeColour.NONE
    assert session.draft.direction is Direction.OUT  # the gate's direction stays for the next person


def test_a_fever_reading_is_red_and_proposes_hold(window: MainWindow) -> None:
    station = window.station_view
    station.temperature.setValue(37.3)
    assert station.temperature.property("fever") is True
    assert station.temperature.is_fever()
    assert window.station_view._session.draft.temperature == 37.3
    assert station.verdict.outcome is Outcome.HOLD
    assert "37.3" in station.verdict.reasons_label_text()
    station.temperature.setValue(37.2)
    assert station.temperature.property("fever") is False


def test_temperature_starts_blank_and_steps_from_a_normal_reading(window: MainWindow) -> None:
    entry = window.station_view.temperature
    assert entry.temperature() is None and entry.text() == "—"
    entry.stepUp()
    assert entry.temperature() == 36.5
    entry.setValue(34.0)
    assert entry.temperature() == 34.0
    entry.stepDown()
    assert entry.temperature() is None  # one below the lowest reading is "not measured"
    entry.setValue(50.0)
    assert entry.temperature() == 42.0


def test_a_failed_record_shows_a_red_banner_and_keeps_the_draft(
    qtbot: QtBot, window: MainWindow, services: StationServices
) -> None:
    station = window.station_view
    session = services.session
    tap(qtbot, station.colour_row.button(CodeColour.GREEN))
    session.record_failed.emit("The passage was NOT recorded: the disk is full.")
    assert station.banner.isVisible()
    assert "NOT recorded" in station.banner.text()
    assert station.confirmation.outcome is None
    assert session.draft.colour is CodeColour.GREEN


def test_detection_boxes_are_drawn_and_fade(
    qtbot: QtBot, window: MainWindow, services: StationServices
) -> None:
    preview = window.station_view.preview
    with qtbot.waitSignal(
        services.scan.codes_detected, timeout=SCAN_TIMEOUT_MS, check_params_cb=lambda d: bool(d.boxes)
    ):
        services.scan.start()
    assert preview.box_count() >= 1
    qtbot.waitUntil(lambda: preview.frame_index >= 0, timeout=2000)  # the picture itself is shown too
    services.scan.stop()
    QCoreApplication.processEvents()
    qtbot.waitUntil(lambda: preview.box_count() == 0, timeout=2000)
    window.grab()  # paints the frame and its boxes without error


def test_a_lost_camera_is_announced_and_the_scanner_still_works(
    qtbot: QtBot, make_services: Callable[[str], StationServices], languages: LanguageSwitcher
) -> None:
    services = make_services("97")  # no such video device
    window = MainWindow(services, languages)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitActive(window)
    station = window.station_view
    with qtbot.waitSignal(
        services.scan.camera_status_changed,
        timeout=5000,
        check_params_cb=lambda status, _detail: status in (CameraStatus.LOST, CameraStatus.RECONNECTING),
    ):
        services.scan.start()
    assert "Camera lost" in station.preview.overlay_text
    assert "scanner" in station.preview.overlay_text
    assert window.camera_label.text().startswith("Camera lost")
    window.grab()
    with qtbot.waitSignal(services.scan.code_scanned):
        wedge(qtbot, station, "HC1:NCFOXN%TS3DH")
    assert station.last_scan_text() == "HC1:NCFOXN%TS3DH"
    languages.set_language("zh_CN")
    assert "摄像头已断开" in station.preview.overlay_text
    services.scan.stop()
