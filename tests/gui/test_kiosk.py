"""Kiosk use: the verdict band read from 2 m, full screen, day and night themes, the keyboard help, the
devices screen (saved keys, a barrier test against a real HTTP controller) and a visitor who has left."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QColor, QImage, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QPushButton
from pytestqt.qtbot import QtBot

from checkpoint.domain.records import AuditAction, CodeColour, Direction, Itinerary, Outcome, Passage
from checkpoint.station.presence import VisitorDetails
from checkpoint.station.scan import PreviewFrame
from checkpoint.station.services import StationServices
from checkpoint.ui.help_overlay import collect_shortcuts
from checkpoint.ui.main_window import MainWindow
from checkpoint.ui.style import THEME_KEY, Theme, apply_style, theme_colours
from checkpoint.ui.verdict import OUTCOME_COLOURS

RECORD_TIMEOUT_MS = 5_000
TOKEN = "https://jkm.example.gov.cn/h5/code?token=a1b2c3d4e5f60718"


@pytest.fixture()
def app() -> Iterator[QApplication]:
    """The application with the station's style; put back to the night theme afterwards."""
    instance = QApplication.instance()
    assert isinstance(instance, QApplication)
    yield instance
    apply_style(instance, Theme.NIGHT)


def _record(qtbot: QtBot, services: StationServices, outcome: Outcome) -> Passage:
    session = services.session
    services.scan.debouncer.reset()
    services.scan.submit_text(TOKEN)
    session.set_colour(CodeColour.GREEN)
    session.set_itinerary(Itinerary.GREEN)
    session.set_test_age(0)
    with qtbot.waitSignal(session.passage_recorded, timeout=RECORD_TIMEOUT_MS) as recorded:
        assert session.confirm(outcome)
    passage: Passage = recorded.args[0]
    return passage


@pytest.mark.parametrize(
    ("outcome", "word"),
    [
        (Outcome.PASS, "PASS"),
        (Outcome.TURN_BACK, "TURN BACK"),
        (Outcome.HOLD, "HOLD"),
    ],
)
def test_the_verdict_band_covers_the_screen_in_the_outcomes_colour_and_goes_after_the_set_time(
    qtbot: QtBot, window: MainWindow, services: StationServices, outcome: Outcome, word: str
) -> None:
    window.resize(1366, 768)
    station = window.station_view
    band = station.confirmation
    band.set_duration_ms(300)  # station/return_seconds, short for the test
    assert not band.isVisible()
    passage = _record(qtbot, services, outcome)
    assert band.isVisible() and band.outcome is outcome
    assert band.word() == word
    assert band.band_colour() == QColor(OUTCOME_COLOURS[outcome].band)
    assert band.geometry() == station.rect()  # the whole station screen
    assert band.reason_text()  # the main reason is named
    image = band.grab().toImage()  # what is painted: the band's colour, not the screen beneath
    assert image.pixelColor(3, image.height() // 2) == QColor(OUTCOME_COLOURS[outcome].band)
    # big enough to read from 2 m: a 40 mm word on a 15.6" 1366x768 screen is about 158 px
    assert band.word_height_px() >= 150
    assert passage.outcome is outcome
    with qtbot.waitSignal(band.expired, timeout=3_000):
        pass
    assert not band.isVisible() and band.outcome is None and band.word() == ""


def test_the_next_scan_clears_the_band_at_once(
    qtbot: QtBot, window: MainWindow, services: StationServices
) -> None:
    band = window.station_view.confirmation
    band.set_duration_ms(0)  # kept until the next entry
    _record(qtbot, services, Outcome.PASS)
    assert band.isVisible()
    services.scan.submit_text("https://jkm.example.gov.cn/h5/code?token=ffeeddccbbaa9988")
    assert not band.isVisible()


def test_the_camera_stays_live_in_a_corner_of_the_band(
    qtbot: QtBot, window: MainWindow, services: StationServices
) -> None:
    """While the verdict shows, the next person still sees the camera to aim their code."""
    window.resize(1366, 768)
    band = window.station_view.confirmation
    band.set_duration_ms(0)
    _record(qtbot, services, Outcome.PASS)
    inset = band.live_rect().toAlignedRect()
    green = QColor(OUTCOME_COLOURS[Outcome.PASS].band)
    assert band.grab().toImage().pixelColor(inset.center()) == green  # no camera frame yet: band colour
    blue = QImage(160, 90, QImage.Format.Format_RGB32)
    blue.fill(QColor(0, 0, 255))
    services.scan.frame_ready.emit(PreviewFrame(blue, 1, 0.0))
    image = band.grab().toImage()
    assert image.pixelColor(inset.center()) == QColor(0, 0, 255)  # the newest frame, inset
    assert image.pixelColor(3, image.height() // 2) == green  # the rest is still the verdict
    assert inset.right() < band.width() and inset.width() < band.width() // 4


def test_f11_toggles_full_screen(qtbot: QtBot, window: MainWindow) -> None:
    assert not window.isFullScreen()
    qtbot.keyClick(window.station_view.scan_entry, Qt.Key.Key_F11)
    qtbot.waitUntil(window.isFullScreen)
    assert window.fullscreen_action.isChecked()
    qtbot.keyClick(window.station_view.scan_entry, Qt.Key.Key_F11)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert not window.fullscreen_action.isChecked()


def test_the_theme_switch_changes_the_colours_and_is_remembered(
    qtbot: QtBot, app: QApplication, window: MainWindow, services: StationServices
) -> None:
    apply_style(app, Theme.NIGHT)
    night = theme_colours(Theme.NIGHT)["window"]
    day = theme_colours(Theme.DAY)["window"]
    assert app.palette().color(QPalette.ColorRole.Window) == QColor(night)
    qtbot.keyClick(
        window.station_view.scan_entry,
        Qt.Key.Key_T,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert app.palette().color(QPalette.ColorRole.Window) == QColor(day)
    assert day in app.styleSheet() and "@" not in app.styleSheet()
    assert window.day_theme_action.isChecked()
    assert services.settings.value(THEME_KEY) == "day"
    window.set_theme(Theme.NIGHT)
    assert app.palette().color(QPalette.ColorRole.Window) == QColor(night)
    assert services.settings.value(THEME_KEY) == "night"
    assert not window.day_theme_action.isChecked()


def test_the_keyboard_help_lists_every_shortcut_and_a_new_action(qtbot: QtBot, window: MainWindow) -> None:
    added = QAction("Open the gate book", window)
    added.setShortcut(QKeySequence("Ctrl+Alt+J"))
    window.addAction(added)
    qtbot.keyClick(window.station_view.scan_entry, Qt.Key.Key_F1, Qt.KeyboardModifier.ShiftModifier)
    overlay = window.help_overlay
    assert overlay.isVisible() and overlay.geometry() == window.rect()
    lines = overlay.listed_texts()
    assert "Ctrl+Alt+J — Open the gate book" in lines
    assert "F5 — Record: Pass" in lines
    assert "Ctrl+G — Health code: Green code" in lines
    assert "F11 — Full screen" in lines
    assert "Ctrl+Shift+T — Day theme (light)" in lines
    # every shortcut of the window says what it does: none goes stale without a description
    assert [e.keys for e in collect_shortcuts(window) if not e.text] == []
    qtbot.keyClick(overlay, Qt.Key.Key_Escape)
    assert not overlay.isVisible()
    assert window.station_view.scan_entry.hasFocus()


class _Controller(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.requests: list[tuple[str, str]] = []

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{path}"


class _Handler(BaseHTTPRequestHandler):
    server: _Controller

    def do_PUT(self) -> None:
        self.server.requests.append(("PUT", self.path))
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:  # quiet
        return


@pytest.fixture()
def controller() -> Iterator[_Controller]:
    server = _Controller()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(2)


def test_the_devices_screen_tests_the_barrier_and_saves_the_keys_the_station_reads(
    qtbot: QtBot, window: MainWindow, services: StationServices, controller: _Controller
) -> None:
    dialog = window.open_devices_dialog()
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    dialog.relay_kind.setCurrentIndex(dialog.relay_kind.findData("http"))
    dialog.relay_url.setText("ftp://nowhere")
    assert not save.isEnabled()
    assert "http://" in dialog.problems_label.text()
    dialog.relay_url.setText(controller.url("/open?passage={passage}"))
    dialog.relay_method.setCurrentIndex(dialog.relay_method.findText("PUT"))
    with qtbot.waitSignal(dialog.relay_tested, timeout=RECORD_TIMEOUT_MS) as tested:
        assert dialog.test_relay()
    assert tested.args[0] is True and "opened" in dialog.relay_result.text()
    assert controller.requests == [("PUT", "/open?passage=test")]
    assert not services.devices.relay.enabled  # a test changes nothing until saved

    dialog.duplicate_window.setValue(8.0)
    dialog.return_seconds.setValue(2)
    dialog.voice.setChecked(True)
    dialog.voice_language.setCurrentIndex(dialog.voice_language.findData("zh_CN"))
    dialog.scanner_port.setEditText("/dev/ttyUSB7")
    dialog.scanner_baud.setEditText("abc")
    assert not save.isEnabled() and "baud" in dialog.problems_label.text()
    dialog.scanner_baud.setEditText("115200")
    dialog.scanner_port.setEditText("")  # no serial scanner at this gate after all
    assert save.isEnabled()
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)

    settings = services.settings
    assert settings.value("relay/kind") == "http"
    assert settings.value("relay/http_method") == "PUT"
    assert settings.value("scanner/duplicate_window_s") == "8"
    assert settings.value("scanner/serial_baud") == "115200"
    assert settings.value("feedback/voice") == "true"
    assert settings.value("feedback/voice_language") == "zh_CN"
    assert settings.value("station/return_seconds") == "2"
    # applied live: no restart
    assert services.devices.relay.enabled and services.devices.relay.config.http_method == "PUT"
    assert services.scan.debouncer.window_s == 8.0
    assert window.station_view.confirmation.duration_ms == 2000
    qtbot.waitUntil(lambda: services.writer.pending == 0)
    audit = [
        e for e in services.writer.database.audit.audit_entries() if e.action is AuditAction.SETTINGS_CHANGED
    ]
    assert len(audit) == 1 and "relay/kind=http" in audit[0].detail


def test_the_devices_screen_sets_the_home_province_the_plates_start_with(
    qtbot: QtBot, window: MainWindow, services: StationServices
) -> None:
    plate = window.station_view.vehicle_panel.plate
    assert services.settings.value("station/home_province", "") == "" and plate.province == ""
    dialog = window.open_devices_dialog()
    assert dialog.home_province.currentData() == ""  # none set: the first-run wizard never asked before
    dialog.home_province.setCurrentIndex(dialog.home_province.findData("豫"))
    assert dialog.home_province.currentText() == "豫 河南 · HA"
    qtbot.mouseClick(dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton)
    assert services.settings.value("station/home_province") == "豫"  # the key the station reads at start
    assert plate.province == "豫"  # applied live: the plate being typed and every next vehicle
    plate.field.setText("C77777")
    assert plate.plate() == "豫C77777"
    qtbot.waitUntil(lambda: services.writer.pending == 0)
    audit = [
        e for e in services.writer.database.audit.audit_entries() if e.action is AuditAction.SETTINGS_CHANGED
    ]
    assert len(audit) == 1 and audit[0].detail == "devices: station/home_province=豫"
    again = window.open_devices_dialog()
    assert again.home_province.currentData() == "豫"
    again.reject()


@pytest.mark.expected_log  # the relay's failure is logged
def test_a_barrier_test_that_fails_says_why(qtbot: QtBot, window: MainWindow) -> None:
    dialog = window.open_devices_dialog()
    dialog.relay_kind.setCurrentIndex(dialog.relay_kind.findData("http"))
    dialog.relay_url.setText("http://127.0.0.1:9/open")  # nothing listens on the discard port
    dialog.relay_timeout.setValue(1.0)
    with qtbot.waitSignal(dialog.relay_tested, timeout=RECORD_TIMEOUT_MS) as tested:
        dialog.test_relay()
    assert tested.args[0] is False and "did NOT open" in dialog.relay_result.text()
    dialog.reject()


def test_a_walk_in_visitor_who_has_left_is_recorded_out_and_leaves_the_inside_list(
    qtbot: QtBot, window: MainWindow, services: StationServices
) -> None:
    session, presence, view = services.session, services.presence, window.presence_view
    with qtbot.waitSignal(presence.changed, timeout=RECORD_TIMEOUT_MS):
        presence.start()
    session.set_direction(Direction.IN)
    session.set_visitor(VisitorDetails("赵六", "5-1-302", "李四", "送货"))
    session.set_colour(CodeColour.GREEN)
    session.set_itinerary(Itinerary.GREEN)
    session.set_test_age(0)
    with qtbot.waitSignal(session.passage_recorded, timeout=RECORD_TIMEOUT_MS):
        assert session.confirm(Outcome.PASS)
    assert [v.name for v in presence.current.visitors_inside] == ["赵六"]
    window.tabs.setCurrentWidget(view)
    button = view.visitors.cellWidget(0, 6)
    assert isinstance(button, QPushButton) and "Alt+1" in button.text() and button.height() >= 48
    before = session.shift_count
    with qtbot.waitSignal(session.passage_recorded, timeout=RECORD_TIMEOUT_MS) as recorded:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    passage: Passage = recorded.args[0]
    assert passage.direction is Direction.OUT and passage.outcome is Outcome.PASS
    details = VisitorDetails.from_note(passage.persons[0].name, passage.note)
    assert details is not None and (passage.persons[0].name, details.host_household) == ("赵六", "5-1-302")
    assert presence.current.visitors_inside == ()
    assert view.visitors.rowCount() == 0
    assert session.shift_count == before + 1
