"""The gate's devices wired to the station: the barrier opens on a recorded PASS (a real HTTP controller on
127.0.0.1), a barrier that fails is told to the operator and audited, a wedge scanner's burst is a scan."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from pytestqt.qtbot import QtBot

from checkpoint.app import build_services
from checkpoint.domain.records import AuditAction, CodeColour, Itinerary, Outcome
from checkpoint.station.messages import MessageLevel
from checkpoint.station.services import StationServices
from checkpoint.station.wedge import WedgeDetector
from tests.station_clock import TickingClock


class _Controller(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.paths: list[str] = []

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}{path}"


class _Handler(BaseHTTPRequestHandler):
    server: _Controller

    def do_POST(self) -> None:
        self.server.paths.append(self.path)
        self.send_response(500 if self.path.startswith("/broken") else 200)
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


def _services(tmp_path: Path, url: str) -> StationServices:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("operator/name", "李明")
    settings.setValue("relay/kind", "http")
    settings.setValue("relay/http_url", url)
    settings.setValue("relay/http_method", "POST")
    settings.setValue("relay/timeout_s", 2)
    settings.setValue("feedback/sound", False)
    services = build_services(
        f"sqlite:///{tmp_path / 'station.sqlite3'}", "demo", settings=settings, clock=TickingClock()
    )
    services.session.set_vehicle_mode(False)  # a pedestrian at a highway gate
    return services


def _record_green_pass(qtbot: QtBot, services: StationServices) -> None:
    session = services.session
    services.scan.submit_text("https://jkm.example.gov.cn/h5/code?token=0011223344556677")
    session.set_colour(CodeColour.GREEN)
    session.set_itinerary(Itinerary.GREEN)
    session.set_test_age(0)
    session.set_temperature(36.5)
    assert session.draft.proposed is Outcome.PASS
    with qtbot.waitSignal(session.passage_recorded, timeout=5000):
        assert session.confirm(Outcome.PASS)


def test_a_recorded_pass_opens_the_barrier(qtbot: QtBot, tmp_path: Path, controller: _Controller) -> None:
    services = _services(tmp_path, controller.url("/open?passage={passage}"))
    services.writer.start()
    try:
        with qtbot.waitSignal(services.devices.relay.opened, timeout=5000) as opened:
            _record_green_pass(qtbot, services)
        assert controller.paths == [f"/open?passage={opened.args[0]}"]
    finally:
        services.shutdown()


@pytest.mark.expected_log  # the relay's failure is logged and told
def test_a_failing_barrier_is_told_and_audited(qtbot: QtBot, tmp_path: Path, controller: _Controller) -> None:
    services = _services(tmp_path, controller.url("/broken"))
    messages: list[tuple[int, str]] = []
    services.messages.message.connect(lambda level, text: messages.append((level, text)))
    services.writer.start()
    try:
        with qtbot.waitSignal(services.devices.relay.failed, timeout=5000):
            _record_green_pass(qtbot, services)
        qtbot.waitUntil(lambda: services.writer.pending == 0)
        assert any(level == MessageLevel.ERROR and "did NOT open" in text for level, text in messages)
        audit = [
            e for e in services.writer.database.audit.audit_entries() if e.action is AuditAction.RELAY_FAILED
        ]
        assert len(audit) == 1
    finally:
        services.shutdown()


@pytest.mark.expected_log  # its services carry an HTTP relay without a URL, which the station reports
def test_a_wedge_burst_is_a_scan_and_never_reaches_the_text_field(qtbot: QtBot, tmp_path: Path) -> None:
    services = _services(tmp_path, "")
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    wedge = WedgeDetector()
    wedge.scanned.connect(services.devices.submit_scanned)
    wedge.install(app)
    try:
        with qtbot.waitSignal(services.scan.code_scanned, timeout=3000) as scanned:
            qtbot.keyClicks(field, "CPS1:ABCDEFGH12345")
            qtbot.keyClick(field, Qt.Key.Key_Return)
        assert scanned.args[0].text == "CPS1:ABCDEFGH12345"
        assert field.text() == ""
    finally:
        wedge.uninstall(app)
        services.shutdown()
