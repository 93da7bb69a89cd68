"""The highway vehicle flow driven keyboard-only: a green car of three, with the operator's keys counted.

Scans come through the scan field as a keyboard-wedge scanner types them; they are scans, not keystrokes.
Every key the operator presses (a key with its modifiers counts once) and every click is counted per step.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from checkpoint.domain.codes import Backend
from checkpoint.domain.records import CodeColour, CodeKind, Itinerary, Outcome, Passage, Reason, SubjectKind
from checkpoint.station.i18n import LanguageSwitcher
from checkpoint.station.scan import ScanEvent
from checkpoint.station.services import StationServices
from checkpoint.ui.station_view import StationView

from .test_station_view import RECORD_TIMEOUT_MS, wedge

# The number this test achieves; the README states it. It may only go down.
GREEN_CAR_OF_THREE_OPERATOR_INPUTS = 31
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
CODES = (
    "https://jkm.example.gov.cn/qr?t=7f3a9c2e11d04b8a",
    "https://jkm.example.gov.cn/qr?t=0b8e44d19a2c7f35",
    "https://jkm.example.gov.cn/qr?t=c51d2e9f8a7b6034",
)


def ime_commit(text: str) -> None:
    """Text an input method commits into the focus widget (汉字 never come as plain key presses)."""
    target = QApplication.focusWidget()
    assert target is not None
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(target, event)


class Operator:
    """Presses keys at whatever has the focus and counts them per step; scans are not counted."""

    def __init__(self, qtbot: QtBot, station: StationView) -> None:
        self._qtbot = qtbot
        self._station = station
        self.counts: Counter[str] = Counter()
        self.step = ""

    def key(self, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        target = QApplication.focusWidget()
        assert target is not None
        self._qtbot.keyClick(target, key, modifiers)
        self.counts[self.step] += 1

    def type(self, text: str) -> None:
        for char in text:
            target = QApplication.focusWidget()
            assert target is not None
            self._qtbot.keyClicks(target, char)
            self.counts[self.step] += 1

    def scan(self, payload: str) -> None:
        with self._qtbot.waitSignal(self._station._scan.code_scanned):
            wedge(self._qtbot, self._station, payload)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


@pytest.fixture()
def station(qtbot: QtBot, services: StationServices, languages: LanguageSwitcher) -> StationView:
    view = StationView(services.scan, services.session, home_province="粤")
    qtbot.addWidget(view)
    view.resize(1366, 768)
    view.show()
    view.activateWindow()
    qtbot.waitActive(view)
    services.session.set_vehicle_mode(True)
    return view


def test_a_green_car_of_three_keyboard_only(
    qtbot: QtBot, station: StationView, services: StationServices
) -> None:
    session = services.session
    op = Operator(qtbot, station)
    assert station.vehicle_panel.isVisible()
    assert station.vehicle_panel.plate.field.hasFocus()  # a vehicle begins with its plate
    assert station.vehicle_panel.plate.province == "粤"  # the gate's home province is offered

    op.step = "plate"
    op.type("a12345")
    op.key(Qt.Key.Key_Return)
    assert station.scan_entry.hasFocus()
    assert session.vehicle is not None and session.vehicle.plate_check.normalised == "粤A12345"

    for index, code in enumerate(CODES):
        op.step = f"person {index + 1}"
        op.scan(code)
        assert session.vehicle is not None and len(session.vehicle.occupants) == index + 1
        if index == 0:
            op.key(Qt.Key.Key_G, CTRL)  # green code
            op.key(Qt.Key.Key_G, CTRL | SHIFT)  # green itinerary
            op.key(Qt.Key.Key_1, CTRL)  # tested yesterday
        else:
            op.key(Qt.Key.Key_D, CTRL)  # the phone shows what the one before showed
        op.key(Qt.Key.Key_T, CTRL)
        op.type(f"36.{5 + index}")
        op.key(Qt.Key.Key_Return)
        assert station.scan_entry.hasFocus()
        occupant = session.vehicle.occupants[index]
        assert (occupant.colour, occupant.itinerary, occupant.test_age_days) == (
            CodeColour.GREEN,
            Itinerary.GREEN,
            1,
        )
        assert station.vehicle_panel.occupants.rowCount() == index + 1

    assert station.verdict.outcome is Outcome.PASS
    op.step = "confirm"
    with qtbot.waitSignal(session.passage_recorded, timeout=RECORD_TIMEOUT_MS) as recorded:
        op.key(Qt.Key.Key_F5)
    passage: Passage = recorded.args[0]

    assert passage.subject is SubjectKind.VEHICLE and passage.outcome is Outcome.PASS
    assert passage.vehicle is not None
    assert (passage.vehicle.plate, passage.vehicle.kind) == ("粤A12345", "car")
    assert [p.code_text for p in passage.persons] == list(CODES)
    assert [p.is_driver for p in passage.persons] == [True, False, False]
    assert [p.temperature for p in passage.persons] == [36.5, 36.6, 36.7]
    assert all(p.code_colour is CodeColour.GREEN and p.itinerary is Itinerary.GREEN for p in passage.persons)
    assert passage.reasons == (Reason.ALL_CHECKS_CLEAR,)
    assert station.confirmation.outcome is Outcome.PASS
    assert session.vehicle is not None and session.vehicle.occupants == ()  # the next vehicle
    assert station.vehicle_panel.plate.field.hasFocus()

    breakdown = dict(op.counts)
    print(f"green car of three: {op.total} operator inputs: {breakdown}")
    assert breakdown == {"plate": 7, "person 1": 9, "person 2": 7, "person 3": 7, "confirm": 1}
    assert op.total <= GREEN_CAR_OF_THREE_OPERATOR_INPUTS


def test_one_yellow_code_turns_the_vehicle_back_with_that_persons_reason(
    qtbot: QtBot, station: StationView, services: StationServices
) -> None:
    session = services.session
    op = Operator(qtbot, station)
    op.type("B12345")
    op.key(Qt.Key.Key_Return)
    op.scan(CODES[0])
    for key, modifiers in ((Qt.Key.Key_G, CTRL), (Qt.Key.Key_G, CTRL | SHIFT), (Qt.Key.Key_0, CTRL)):
        op.key(key, modifiers)
    op.scan(CODES[1])
    op.key(Qt.Key.Key_Y, CTRL)  # yellow code for the second person
    op.key(Qt.Key.Key_G, CTRL | SHIFT)
    op.key(Qt.Key.Key_0, CTRL)
    assert station.verdict.outcome is Outcome.TURN_BACK
    assert Reason.CODE_YELLOW in session.reasons and Reason.ALL_CHECKS_CLEAR not in session.reasons
    rows = [station.vehicle_panel.occupants.row_texts(r) for r in range(2)]
    assert "Pass" in rows[0][-1] and "Yellow code" in rows[1][-1]

    op.key(Qt.Key.Key_Up, CTRL)  # back to the driver: the attestation keys act on them now
    assert session.vehicle is not None and session.vehicle.selected == 0
    op.key(Qt.Key.Key_R, CTRL)
    assert session.vehicle.occupants[0].colour is CodeColour.RED
    assert station.verdict.outcome is Outcome.HOLD

    with qtbot.waitSignal(session.passage_recorded, timeout=RECORD_TIMEOUT_MS) as recorded:
        op.key(Qt.Key.Key_F7)
    passage: Passage = recorded.args[0]
    assert passage.outcome is Outcome.HOLD and len(passage.persons) == 2
    assert passage.vehicle is not None and passage.vehicle.plate == "粤B12345"


def test_plate_is_validated_as_typed_and_the_province_picked_by_its_two_letters(
    qtbot: QtBot, station: StationView, services: StationServices
) -> None:
    panel = station.vehicle_panel
    op = Operator(qtbot, station)
    op.type("A1234")
    assert panel.plate.message.text() != "" and panel.plate.message.property("invalid") is True
    op.key(Qt.Key.Key_P, CTRL)
    picker = panel.plate.picker
    assert picker is not None and picker.isVisible()
    assert panel.plate.field.hasFocus()  # the field keeps the focus: no window comes and goes
    op.type("BJ")
    assert panel.plate.province == "京" and panel.plate.picker is None
    assert panel.plate.field.hasFocus()
    op.type("D1")  # 京A1234D1 is no plate; a small new-energy plate is 京AD12345
    assert panel.plate.message.property("invalid") is True
    panel.plate.field.clear()
    op.type("AD12345")
    assert panel.plate.message.text() == ""
    assert services.session.vehicle is not None
    assert services.session.vehicle.plate_check.normalised == "京AD12345"

    confirmed_without_plate = services.session
    panel.plate.field.clear()
    qtbot.keyClicks(panel.plate.field, "x")
    panel.plate.field.clear()
    services.session.set_plate("")
    with qtbot.waitSignal(confirmed_without_plate.confirm_refused):
        assert not services.session.confirm(Outcome.TURN_BACK)


@pytest.mark.parametrize(
    ("typed", "province"),
    [
        ("豫", "豫"),
        ("HA\r", "豫"),
        ("ha\r", "豫"),
        ("yu\r", "豫"),  # 豫 and 渝 are both yu: the first offered (the home province, else plate order)
        ("YU\r", "豫"),
        ("henan", "豫"),
        ("HeNan", "豫"),
        ("gd", "粤"),
        ("chongqing", "渝"),
    ],
)
def test_the_picker_finds_a_province_by_character_code_or_pinyin(
    qtbot: QtBot, station: StationView, typed: str, province: str
) -> None:
    plate = station.vehicle_panel.plate
    op = Operator(qtbot, station)
    op.key(Qt.Key.Key_P, CTRL)
    assert plate.picker is not None
    for char in typed:
        if char == "\r":
            op.key(Qt.Key.Key_Return)
        elif char.isascii():
            op.type(char)
        else:
            ime_commit(char)
    assert plate.province == province and plate.picker is None
    assert plate.field.text() == "" and plate.field.hasFocus()


def test_the_picker_keeps_the_province_on_escape_and_backspace_corrects_the_name(
    qtbot: QtBot, station: StationView
) -> None:
    plate = station.vehicle_panel.plate
    op = Operator(qtbot, station)
    op.key(Qt.Key.Key_P, CTRL)
    op.type("hu")
    op.key(Qt.Key.Key_Escape)
    assert plate.picker is None and plate.province == "粤"
    op.key(Qt.Key.Key_P, CTRL)
    op.type("hx")  # no name begins hx: the x is ignored
    assert plate.picker is not None and plate.picker.query == "h"
    op.key(Qt.Key.Key_Backspace)
    op.type("yun")
    assert plate.province == "粤" and plate.picker is not None  # yun goes on: yunnan
    op.key(Qt.Key.Key_Return)
    assert plate.province == "云"


@pytest.mark.parametrize(
    ("typed", "plate"),
    [
        ("haC77777", "豫C77777"),
        ("yuc77777", "豫C77777"),
        ("henanC77777", "豫C77777"),
        ("豫C7", "豫C77777"),
        ("hnC77777", "湘C77777"),  # the shift report: the C was lost and 湘77777 recorded
    ],
)
def test_no_key_is_lost_after_the_province_is_picked(
    qtbot: QtBot, station: StationView, services: StationServices, typed: str, plate: str
) -> None:
    op = Operator(qtbot, station)
    op.key(Qt.Key.Key_P, CTRL)
    if typed.isascii():
        op.type(typed)  # straight on, no waiting for the picker to go
    else:
        ime_commit(typed)  # the province and the first keys in one commit of the input method
        op.type("7777")
    assert station.vehicle_panel.plate.plate() == plate
    assert services.session.vehicle is not None
    assert services.session.vehicle.plate_check.normalised == plate


def test_vehicle_mode_switches_by_key_and_back(
    qtbot: QtBot, station: StationView, services: StationServices
) -> None:
    session = services.session
    station.focus_scan_entry()
    qtbot.keyClick(station.scan_entry, Qt.Key.Key_V, CTRL | SHIFT)
    assert not session.vehicle_mode and not station.vehicle_panel.isVisible()
    assert "Ctrl+Shift+V" in station.mode_button.text()
    qtbot.keyClick(station.scan_entry, Qt.Key.Key_V, CTRL | SHIFT)
    assert session.vehicle_mode and station.vehicle_panel.isVisible()


def test_back_to_scanning_after_the_return_time_and_the_counters_count(
    qtbot: QtBot, services: StationServices, languages: LanguageSwitcher
) -> None:
    session = services.session
    station = StationView(services.scan, session, home_province="粤", return_seconds=1)
    qtbot.addWidget(station)
    station.show()
    station.activateWindow()
    qtbot.waitActive(station)
    qtbot.waitUntil(lambda: station.live_counters.ready)
    session.set_vehicle_mode(True)
    session.set_plate("粤A12345")
    for code in CODES[:2]:
        session.on_code_scanned(_event(code, services.clock()))
        session.set_colour(CodeColour.GREEN)
        session.set_itinerary(Itinerary.GREEN)
        session.set_test_age(0)
    with qtbot.waitSignal(session.passage_recorded, timeout=RECORD_TIMEOUT_MS):
        qtbot.keyClick(station.scan_entry, Qt.Key.Key_F5)
    assert station.confirmation.outcome is Outcome.PASS
    assert station.counters.cell_text("hour", 1) == "1 / 2"  # total: vehicles / persons
    assert station.counters.cell_text("shift", 2) == "1 / 2"  # passed
    assert station.counters.cell_text("shift", 3) == "0 / 0"  # turned back
    assert station.counters.cell_text("shift", 5) == "1 / 2"  # in
    with qtbot.waitSignal(station.confirmation.expired, timeout=3_000):
        pass
    assert station.confirmation.outcome is None and station.confirmation.text() == ""
    assert session.draft.is_blank and session.vehicle is not None and session.vehicle.occupants == ()
    assert station.vehicle_panel.plate.field.hasFocus()  # ready for the next vehicle's plate


def _event(text: str, at: datetime) -> ScanEvent:
    return ScanEvent(text, CodeKind.HEALTH_CODE, Backend.KEYBOARD, at)
