"""The pipeline bench's probes on the real station: a code read from a camera frame carries the frame's
capture time to the recorded passage, and the verdict is timed by a real paint, in that order."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QColor
from pytestqt.qtbot import QtBot

from checkpoint.app import build_services
from checkpoint.bench.probes import FrameRateProbe, LatencyProbe
from checkpoint.camera.demo import DemoCamera
from checkpoint.domain.credentials import ResidentPass, issue_pass
from checkpoint.domain.records import Outcome, Passage
from checkpoint.station.i18n import LanguageSwitcher
from checkpoint.station.scan import ScanEvent, to_qimage
from checkpoint.station.services import StationServices
from checkpoint.storage.keys import create_deployment_key
from checkpoint.ui.main_window import MainWindow
from tests.station_clock import TickingClock

TIMEOUT_MS = 15_000


def _resident(name: str, now: datetime) -> ResidentPass:
    now = now.replace(microsecond=0)
    return ResidentPass(
        pass_id=uuid.uuid4(),
        issuer="阳光小区",
        issued_at=now - timedelta(hours=1),
        valid_from=now - timedelta(hours=1),
        valid_until=now + timedelta(days=1),
        household_id="5-1-302",
        name=name,
        building="5",
        unit="1",
    )


@pytest.fixture()
def station(
    tmp_path: Path, languages: LanguageSwitcher, clock: TickingClock
) -> Iterator[tuple[StationServices, MainWindow, str, str]]:
    """A compound gate with auto-record whose demo camera shows one resident's signed pass; a second
    pass is kept for the keyboard-wedge scanner."""
    key = create_deployment_key()
    shown, typed = issue_pass(_resident("李四", clock()), key), issue_pass(_resident("王五", clock()), key)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    settings.setValue("gate/profile", "compound-gate")
    settings.setValue("station/auto_record", True)
    services = build_services(
        f"sqlite:///{tmp_path / 'station.sqlite3'}", "demo", settings=settings, clock=clock
    )
    services.scan.set_source_factory(
        lambda: DemoCamera(payloads=[shown], hold_seconds=0.6, gap_seconds=(0.1, 0.1))
    )
    window = MainWindow(services, languages)
    yield services, window, shown, typed
    window.close()
    services.shutdown()


def test_a_camera_scan_is_timed_from_its_frame_to_the_painted_confirmation(
    qtbot: QtBot, station: tuple[StationServices, MainWindow, str, str]
) -> None:
    services, window, shown, typed = station
    qtbot.addWidget(window)
    view = window.station_view
    probe = LatencyProbe(services.scan, services.session, view.verdict, view.confirmation, parent=window)
    probe.watch_commits(services.writer.database)
    rates = FrameRateProbe(services.scan, view.preview)
    scans: list[ScanEvent] = []
    services.scan.code_scanned.connect(scans.append)
    recorded: list[Passage] = []
    services.session.passage_recorded.connect(recorded.append)
    services.start()
    window.show()
    rates.start()

    qtbot.waitUntil(lambda: bool(probe.samples), timeout=TIMEOUT_MS)  # no key pressed: auto-record
    sample = probe.samples[0]
    assert sample.text == shown
    assert recorded[0].outcome is Outcome.PASS and recorded[0].persons[0].code_text == shown
    camera_scan = next(event for event in scans if event.text == shown)
    assert camera_scan.captured_at == sample.captured_at  # the frame's own time, carried end to end
    assert sample.committed_at is not None and sample.proposal_painted_at is not None
    assert sample.captured_at <= sample.scanned_at <= sample.proposal_painted_at <= sample.painted_at
    assert sample.captured_at <= sample.committed_at <= sample.painted_at  # painted only once on disk
    assert view.confirmation.outcome is Outcome.PASS
    camera_fps, preview_fps, decode_fps = rates.rates()
    assert camera_fps > 0 and preview_fps > 0 and decode_fps > 0

    # A code typed by a keyboard-wedge scanner is recorded too, but has no frame to be timed from.
    with qtbot.waitSignal(
        services.session.passage_recorded,
        timeout=TIMEOUT_MS,
        check_params_cb=lambda p: p.persons[0].code_text == typed,
    ):
        assert services.scan.submit_text(typed)
    assert next(e for e in scans if e.text == typed).captured_at is None
    assert all(s.text != typed for s in probe.samples)


def rgb(colour: QColor) -> tuple[int, int, int]:
    return colour.red(), colour.green(), colour.blue()


def test_preview_frames_keep_their_colours(qapp: object) -> None:
    bgr = np.zeros((4, 6, 3), np.uint8)
    bgr[1, 2] = (255, 0, 0)  # blue, as OpenCV stores it
    bgr[3, 5] = (0, 0, 255)  # red
    image = to_qimage(bgr)
    assert (image.width(), image.height()) == (6, 4)
    assert rgb(image.pixelColor(2, 1)) == (0, 0, 255)
    assert rgb(image.pixelColor(5, 3)) == (255, 0, 0)
    grey = to_qimage(np.full((3, 3), 77, np.uint8))
    assert rgb(grey.pixelColor(1, 1)) == (77, 77, 77)
