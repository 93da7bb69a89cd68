"""A shift at a real gate, without its traps: each test walks a trap as the operator met it, on the real
window, by keys (a keyboard-wedge scanner types into the scan field; the operator presses keys).

1. One key recorded PASS over a proposed TURN BACK or HOLD, with no reason, and the handover sheet did not
   list it; on foot, a new scan silently replaced the person being attested.
2. Vehicle mode added every code the camera saw as an occupant, unrecognised ones included.
3. A GUI stall in the middle of a wedge scanner's burst split it into "part of a code" and a false code.
Plus: the occupants' columns right after a scan, and one colour for TURN BACK everywhere.
"""

from __future__ import annotations

import csv
import shutil
import subprocess
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from checkpoint.domain.overrides import OverrideReason
from checkpoint.domain.records import Outcome, Passage
from checkpoint.station.exporting import export_anomalies_file
from checkpoint.station.i18n import LanguageSwitcher
from checkpoint.station.services import StationServices
from checkpoint.station.wedge import WedgeConfig, WedgeDetector
from checkpoint.ui.main_window import MainWindow
from checkpoint.ui.override_dialog import OverrideDialog
from checkpoint.ui.station_view import StationView
from checkpoint.ui.style import load_stylesheet
from checkpoint.ui.verdict import OUTCOME_COLOURS

from .test_station_view import RECORD_TIMEOUT_MS, wedge

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
NONE = Qt.KeyboardModifier.NoModifier


def health_code(n: int) -> str:
    return f"https://jkm.example.gov.cn/qr?t=7f3a9c2e11d04b{n:02d}"


@pytest.fixture()
def gate(
    qtbot: QtBot, make_services: object, languages: LanguageSwitcher
) -> Iterator[tuple[MainWindow, StationServices]]:
    """The real window on the demo camera (not started), at a gate in Guangdong (粤 is the home province)."""
    services: StationServices = make_services("demo")  # type: ignore[operator]
    services.settings.setValue("station/home_province", "粤")
    main = MainWindow(services, languages)
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    main.activateWindow()
    qtbot.waitActive(main)
    main.station_view.focus_scan_entry()
    yield main, services


def override_dialog(qtbot: QtBot, station: StationView) -> OverrideDialog:
    """The override confirmation the station opened, once it has the keyboard."""
    qtbot.waitUntil(lambda: station.override_dialog is not None)
    dialog = station.override_dialog
    assert dialog is not None
    qtbot.waitActive(dialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog)
    return dialog


def key(qtbot: QtBot, k: Qt.Key, modifiers: Qt.KeyboardModifier = NONE) -> None:
    """The operator presses a key at whatever has the focus (a modal dialog included)."""
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    target = QApplication.focusWidget()
    assert target is not None
    qtbot.keyClick(target, k, modifiers)


def type_text(qtbot: QtBot, text: str) -> None:
    for char in text:
        target = QApplication.focusWidget()
        assert target is not None
        qtbot.keyClicks(target, char)


def scan(qtbot: QtBot, station: StationView, services: StationServices, payload: str) -> None:
    """A person shows their phone to the wedge scanner (it types the payload and Enter)."""
    services.scan.debouncer.reset()  # each test scan is a new showing, however quick the test is
    with qtbot.waitSignal(services.scan.code_scanned):
        wedge(qtbot, station, payload)


def start_vehicle(qtbot: QtBot, station: StationView, plate: str = "A12345") -> None:
    key(qtbot, Qt.Key.Key_V, CTRL | SHIFT)  # vehicle mode
    assert station.vehicle_panel.plate.field.hasFocus()
    type_text(qtbot, plate)
    key(qtbot, Qt.Key.Key_Return)
    assert station.scan_entry.hasFocus()


def attest(qtbot: QtBot, colour: Qt.Key) -> None:
    key(qtbot, colour, CTRL)  # Ctrl+G / Ctrl+Y / Ctrl+R: the health code's colour
    key(qtbot, Qt.Key.Key_G, CTRL | SHIFT)  # itinerary card green
    key(qtbot, Qt.Key.Key_0, CTRL)  # tested today


# -- 1. overrides ----------------------------------------------------------------------------------------


def test_pass_over_a_proposed_turn_back_is_a_second_step_with_a_reason_and_on_the_handover(
    qtbot: QtBot, gate: tuple[MainWindow, StationServices], tmp_path: Path
) -> None:
    window, services = gate
    station, session = window.station_view, services.session
    recorded: list[Passage] = []
    session.passage_recorded.connect(recorded.append)
    start_vehicle(qtbot, station)
    scan(qtbot, station, services, health_code(1))
    attest(qtbot, Qt.Key.Key_Y)  # a yellow code: the rules turn the car back
    assert station.verdict.outcome is Outcome.TURN_BACK

    key(qtbot, Qt.Key.Key_F5)  # the operator presses PASS anyway
    qtbot.wait(300)
    assert recorded == []  # one key records nothing over a proposed TURN BACK
    dialog = override_dialog(qtbot, station)
    assert dialog.isVisible()
    assert QApplication.activeModalWidget() is dialog
    assert "Turn back" in dialog.title.text() and "Pass" in dialog.title.text()
    key(qtbot, Qt.Key.Key_F5)  # pressing PASS again is no confirmation
    key(qtbot, Qt.Key.Key_Return)  # nor is Enter without a reason
    qtbot.wait(300)
    assert recorded == [] and dialog.isVisible()
    assert dialog.problem.isVisible() and dialog.problem.text()

    key(qtbot, Qt.Key.Key_2)  # approved by the shift leader
    assert dialog.reason() is OverrideReason.LEADER_APPROVED
    with qtbot.waitSignal(session.passage_recorded, timeout=RECORD_TIMEOUT_MS):
        key(qtbot, Qt.Key.Key_Return)
    passage = recorded[-1]
    assert passage.outcome is Outcome.PASS
    assert station.override_dialog is None
    assert "Approved by the shift leader" in station.confirmation.reason_text()

    database = services.writer.database
    day = (passage.at - timedelta(hours=1), passage.at + timedelta(hours=1))
    override = database.overrides.between(*day)[passage.uuid]
    assert (override.proposed, override.chosen, override.reason) == (
        Outcome.TURN_BACK,
        Outcome.PASS,
        OverrideReason.LEADER_APPROVED,
    )
    assert override.operator_id == session.operator.id

    # the handover sheet counts and lists it, in every format
    for fmt in ("csv", "xlsx", "pdf"):
        with qtbot.waitSignal(services.exports.export_finished, timeout=20_000):
            services.exports.export_handover(tmp_path / f"handover.{fmt}", fmt)
    with (tmp_path / "handover.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    [row] = [r for r in rows if r["Record ID"] == str(passage.uuid)]
    assert row["Override (proposed → recorded)"] == "Turn back → Pass · Approved by the shift leader"
    book = load_workbook(tmp_path / "handover.xlsx", read_only=True)
    summary = {r[0]: r[1] for r in book["Summary"].iter_rows(values_only=True) if len(r) > 1 and r[0]}
    assert summary["Overrides"] == 1
    anomalies = [list(r) for r in book["Anomalies"].iter_rows(values_only=True)]
    assert any("Override: milder than proposed" in str(cell) for r in anomalies[1:] for cell in r)
    book.close()
    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", "-layout", str(tmp_path / "handover.pdf"), "-"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        assert "Overrides (1)" in text and "Approved by the shift leader" in text

    # and the anomaly hand-off
    handoff = export_anomalies_file(database, tmp_path / "anomalies.csv", "csv", now=services.clock())
    assert handoff.rows == 1
    with (tmp_path / "anomalies.csv").open(encoding="utf-8-sig", newline="") as handle:
        [person] = list(csv.DictReader(handle))
    assert "Override: milder than proposed" in person["Anomaly"]
    assert person["Override (proposed → recorded)"].startswith("Turn back → Pass")


def test_an_override_cancelled_records_nothing_and_the_proposed_outcome_needs_no_reason(
    qtbot: QtBot, gate: tuple[MainWindow, StationServices]
) -> None:
    window, services = gate
    station, session = window.station_view, services.session
    scan(qtbot, station, services, health_code(2))
    attest(qtbot, Qt.Key.Key_R)  # a red code: HOLD
    assert station.verdict.outcome is Outcome.HOLD
    recorded: list[Passage] = []
    session.passage_recorded.connect(recorded.append)
    key(qtbot, Qt.Key.Key_F6)  # TURN BACK is milder than HOLD: an override too
    qtbot.wait(300)
    assert recorded == []
    override_dialog(qtbot, station)
    key(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: station.override_dialog is None)
    qtbot.wait(200)
    assert recorded == [] and session.draft.code is not None and session.draft.code.text == health_code(2)
    with qtbot.waitSignal(session.passage_recorded, timeout=RECORD_TIMEOUT_MS) as done:
        key(qtbot, Qt.Key.Key_F7)  # HOLD, as proposed: one key
    assert done.args[0].outcome is Outcome.HOLD
    assert station.override_dialog is None


def test_other_needs_the_reason_typed(qtbot: QtBot, gate: tuple[MainWindow, StationServices]) -> None:
    window, services = gate
    station, session = window.station_view, services.session
    scan(qtbot, station, services, health_code(3))
    attest(qtbot, Qt.Key.Key_Y)
    recorded: list[Passage] = []
    session.passage_recorded.connect(recorded.append)
    key(qtbot, Qt.Key.Key_F5)
    qtbot.wait(300)
    assert recorded == []
    dialog = override_dialog(qtbot, station)
    key(qtbot, Qt.Key.Key_6)  # Other: the field takes the keys now
    assert dialog.detail.hasFocus()
    key(qtbot, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.problem.text()
    type_text(qtbot, "Doctor on call, 120 ambulance")
    with qtbot.waitSignal(session.passage_recorded, timeout=RECORD_TIMEOUT_MS) as done:
        key(qtbot, Qt.Key.Key_Return)
    passage = done.args[0]
    at = passage.at
    override = services.writer.database.overrides.between(at, at + timedelta(seconds=1))[passage.uuid]
    assert (override.reason, override.detail) == (OverrideReason.OTHER, "Doctor on call, 120 ambulance")


def test_a_scan_while_a_person_is_being_attested_waits_and_never_replaces_them(
    qtbot: QtBot, gate: tuple[MainWindow, StationServices]
) -> None:
    window, services = gate
    station, session = window.station_view, services.session
    first, second = health_code(10), health_code(11)
    scan(qtbot, station, services, first)
    key(qtbot, Qt.Key.Key_G, CTRL)  # the operator begins attesting the first person
    scan(qtbot, station, services, second)  # the next in line holds up their phone
    assert session.draft.code is not None and session.draft.code.text == first
    assert station.queue_notice.isVisible() and "1 more code" in station.queue_notice.text()
    key(qtbot, Qt.Key.Key_G, CTRL | SHIFT)
    key(qtbot, Qt.Key.Key_0, CTRL)
    assert station.verdict.outcome is Outcome.PASS
    with qtbot.waitSignal(session.passage_recorded, timeout=RECORD_TIMEOUT_MS) as done:
        key(qtbot, Qt.Key.Key_F5)
    assert [p.code_text for p in done.args[0].persons] == [first]  # the person who was checked
    # the one who waited comes up, unchecked: nothing attested for them
    qtbot.waitUntil(lambda: session.draft.code is not None and session.draft.code.text == second)
    assert session.draft.attested_at is None and session.proposed is not Outcome.PASS
    assert not station.queue_notice.isVisible()


def test_esc_clears_the_person_being_checked_and_brings_up_the_next(
    qtbot: QtBot, gate: tuple[MainWindow, StationServices]
) -> None:
    window, services = gate
    station, session = window.station_view, services.session
    scan(qtbot, station, services, health_code(20))
    key(qtbot, Qt.Key.Key_Y, CTRL)
    scan(qtbot, station, services, health_code(21))
    assert session.draft.code is not None and session.draft.code.text == health_code(20)
    key(qtbot, Qt.Key.Key_Escape)
    assert session.draft.code is not None and session.draft.code.text == health_code(21)
    assert not station.queue_notice.isVisible()


# -- 2. vehicle occupants --------------------------------------------------------------------------------


def test_only_a_persons_code_adds_an_occupant_and_too_many_for_the_vehicle_are_flagged(
    qtbot: QtBot, gate: tuple[MainWindow, StationServices]
) -> None:
    window, services = gate
    station, session = window.station_view, services.session
    panel = station.vehicle_panel
    start_vehicle(qtbot, station)
    scan(qtbot, station, services, health_code(30))
    scan(qtbot, station, services, "WIFI:S:ServiceArea;T:WPA;P:88888888;;")  # a poster by the lane
    scan(qtbot, station, services, "https://shop.example.com/coupon/2031")  # the next car's dashboard
    vehicle = session.vehicle
    assert vehicle is not None and len(vehicle.occupants) == 1
    assert panel.occupants.rowCount() == 1
    assert panel.notice.isVisible() and "Not added: 2 codes" in panel.notice.text()
    assert "Unrecognised code" in panel.notice.text()

    for n in range(31, 38):  # seven more: eight in a car
        scan(qtbot, station, services, health_code(n))
    assert len(session.vehicle.occupants) == 8  # type: ignore[union-attr]
    assert "8 persons: a car holds 7" in panel.notice.text()
    key(qtbot, Qt.Key.Key_Delete, CTRL)  # the operator removes the one from outside
    assert len(session.vehicle.occupants) == 7  # type: ignore[union-attr]
    assert "holds" not in panel.notice.text()
    scan(qtbot, station, services, health_code(38))
    assert "a car holds 7" in panel.notice.text()
    key(qtbot, Qt.Key.Key_3, ALT)  # it is a bus: 60 fit
    assert session.vehicle.kind == "bus"  # type: ignore[union-attr]
    assert "holds" not in panel.notice.text()


def test_right_after_a_scan_the_occupant_is_a_person_whose_colour_is_not_attested_yet(
    qtbot: QtBot, gate: tuple[MainWindow, StationServices]
) -> None:
    window, services = gate
    station = window.station_view
    start_vehicle(qtbot, station)
    scan(qtbot, station, services, health_code(40))
    row = station.vehicle_panel.occupants.row_texts(0)
    assert row[1] == "Person 1"  # not "Health code": that is no person
    assert row[2] == "Not attested"  # not "No code checked": the code was just scanned
    key(qtbot, Qt.Key.Key_G, CTRL)
    assert station.vehicle_panel.occupants.row_texts(0)[2] == "Green code"


# -- 3. the wedge scanner during a GUI stall -------------------------------------------------------------


def _stamped_burst(payload: str, first_ms: int, spacing_ms: int = 4) -> list[QKeyEvent]:
    """The key events a wedge scanner makes for ``payload`` and Enter, stamped when typed."""
    events = []
    keys = [(Qt.Key.Key_unknown, char) for char in payload] + [(Qt.Key.Key_Return, "\r")]
    for index, (k, char) in enumerate(keys):
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, k, NONE, char)
            event.setTimestamp(first_ms + index * spacing_ms)
            events.append(event)
    return events


@pytest.mark.parametrize("order", ["stall between two keys", "pause timer due before the rest"])
def test_a_wedge_scan_during_a_300_ms_gui_stall_is_one_whole_code(
    qtbot: QtBot, gate: tuple[MainWindow, StationServices], order: str
) -> None:
    window, services = gate
    station, session = window.station_view, services.session
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    detector = WedgeDetector(WedgeConfig(), parent=window)  # wired as the station wires it (app.py)
    detector.scanned.connect(services.devices.submit_scanned)
    detector.partial.connect(services.devices.report_partial)
    partial: list[str] = []
    detector.partial.connect(partial.append)
    detector.install(app)
    try:
        payload = health_code(50)
        target: QWidget = station.scan_entry
        assert target.hasFocus()
        events = _stamped_burst(payload, 7_000_000)
        half = len(events) // 2

        def post(batch: list[QKeyEvent]) -> None:
            for event in batch:
                QApplication.postEvent(target, event)

        with qtbot.waitSignal(services.scan.code_scanned, timeout=3000):
            post(events[:half])
            if order == "stall between two keys":
                QTimer.singleShot(0, lambda: time.sleep(0.3))
                QApplication.processEvents()
                post(events[half:])
            else:
                QApplication.processEvents()
                time.sleep(0.3)  # the GUI thread is busy; the scanner typed on meanwhile
                QTimer.singleShot(0, lambda: post(events[half:]))
        qtbot.wait(250)
    finally:
        detector.uninstall(app)
    assert partial == []
    assert session.draft.code is not None and session.draft.code.text == payload
    assert station.scan_entry.text() == ""
    assert "only part of a code" not in window.station_view.banner.text()


# -- smaller items ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("outcome", [Outcome.PASS, Outcome.TURN_BACK, Outcome.HOLD])
def test_an_outcome_has_one_colour_on_its_button_and_on_the_verdict_band(
    qtbot: QtBot, gate: tuple[MainWindow, StationServices], outcome: Outcome
) -> None:
    window, _services = gate
    station = window.station_view
    station.setStyleSheet(load_stylesheet())
    button = station.outcome_buttons[outcome]
    qtbot.waitUntil(lambda: button.isVisible())
    image = button.grab().toImage()
    fill = image.pixelColor(image.width() // 2, 8)  # inside the border, above the text
    assert fill.name() == OUTCOME_COLOURS[outcome].band
