"""Keyboard-wedge scanners: recognised by typing speed at whatever widget has the focus, never leaking
into text fields; people typing are not disturbed. The clock is injected: a scanner types with the clock
standing still, a person with 150 ms between keys."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QSettings, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLineEdit, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from checkpoint.station.wedge import (
    ENABLED_KEY,
    MAX_GAP_KEY,
    MIN_LENGTH_KEY,
    REQUIRE_TERMINATOR_KEY,
    WedgeConfig,
    WedgeDetector,
)

DCC = "HC1:6BFOXN%TS3DH0YOJ58S S-W5HDC *M0II5XHC9B5G2+$N IOP-IA%NFQGRJPC%OQHIZC4.OI1RM8ZA"


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class Form(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.line = QLineEdit(self)
        self.button = QPushButton("OK", self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.line)
        layout.addWidget(self.button)
        self.returns = 0
        self.clicks = 0
        self.line.returnPressed.connect(self._on_return)
        self.button.clicked.connect(self._on_click)

    def _on_return(self) -> None:
        self.returns += 1

    def _on_click(self) -> None:
        self.clicks += 1


@pytest.fixture()
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture()
def form(qtbot: QtBot) -> Form:
    widget = Form()
    qtbot.addWidget(widget)
    widget.show()
    widget.activateWindow()
    qtbot.waitActive(widget)
    widget.line.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget.line)
    return widget


def _install(detector: WedgeDetector) -> Iterator[WedgeDetector]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    detector.install(app)
    yield detector
    detector.uninstall(app)


@pytest.fixture()
def wedge(clock: FakeClock) -> Iterator[WedgeDetector]:
    yield from _install(WedgeDetector(clock=clock))


class Spy:
    def __init__(self, detector: WedgeDetector) -> None:
        self.scanned: list[str] = []
        self.partial: list[str] = []
        detector.scanned.connect(self.scanned.append)
        detector.partial.connect(self.partial.append)


def _scanner_types(widget: QWidget, text: str) -> None:
    QTest.keyClicks(widget, text, Qt.KeyboardModifier.NoModifier, 0)


def _person_types(widget: QWidget, text: str, clock: FakeClock) -> None:
    for char in text:
        QTest.keyClicks(widget, char)
        clock.advance(0.150)


def _unicode_scanner_types(widget: QWidget, text: str) -> None:
    """A scanner in Unicode / Alt-code mode: key events carrying the characters, no key code."""
    for char in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, char))


def test_a_scan_into_a_focused_text_field_is_reported_and_never_typed(
    qtbot: QtBot, form: Form, wedge: WedgeDetector
) -> None:
    spy = Spy(wedge)
    with qtbot.waitSignal(wedge.scanned, timeout=1000) as blocker:
        _scanner_types(form.line, DCC)
        QTest.keyClick(form.line, Qt.Key.Key_Return)
    assert blocker.args == [DCC]
    assert form.line.text() == ""
    assert form.returns == 0
    assert spy.partial == []


def test_a_person_typing_reaches_the_text_field_in_order(
    qtbot: QtBot, form: Form, wedge: WedgeDetector, clock: FakeClock
) -> None:
    spy = Spy(wedge)
    _person_types(form.line, "Zhang San 110", clock)
    qtbot.waitUntil(lambda: form.line.text() == "Zhang San 110", timeout=1000)
    QTest.keyClick(form.line, Qt.Key.Key_Return)
    assert form.returns == 1
    assert spy.scanned == spy.partial == []


def test_a_scan_in_the_middle_of_typing_leaves_the_typed_text_alone(
    qtbot: QtBot, form: Form, wedge: WedgeDetector, clock: FakeClock
) -> None:
    _person_types(form.line, "abc", clock)
    with qtbot.waitSignal(wedge.scanned, timeout=1000) as blocker:
        _scanner_types(form.line, "P123456789")
        QTest.keyClick(form.line, Qt.Key.Key_Tab)
    assert blocker.args == ["P123456789"]
    assert form.line.text() == "abc"
    assert form.line.hasFocus()  # the scanner's Tab did not move the focus


def test_chinese_payloads_from_a_unicode_mode_scanner(qtbot: QtBot, form: Form, wedge: WedgeDetector) -> None:
    payload = "粤B·12345 张三 健康码绿码"
    with qtbot.waitSignal(wedge.scanned, timeout=1000) as blocker:
        _unicode_scanner_types(form.line, payload)
        QTest.keyClick(form.line, Qt.Key.Key_Return)
    assert blocker.args == [payload]
    assert form.line.text() == ""


def test_key_events_carrying_several_characters_count_them_all(
    qtbot: QtBot, form: Form, wedge: WedgeDetector
) -> None:
    with qtbot.waitSignal(wedge.scanned, timeout=1000) as blocker:
        for chunk in ("检查", "站通行", "证"):
            QApplication.sendEvent(
                form.line, QKeyEvent(QEvent.Type.KeyPress, 0, Qt.KeyboardModifier.NoModifier, chunk)
            )
        QTest.keyClick(form.line, Qt.Key.Key_Enter)
    assert blocker.args == ["检查站通行证"]
    assert form.line.text() == ""


def test_half_a_payload_without_its_terminator_is_partial_and_not_typed(
    qtbot: QtBot, form: Form, wedge: WedgeDetector
) -> None:
    spy = Spy(wedge)
    with qtbot.waitSignal(wedge.partial, timeout=1000) as blocker:
        _scanner_types(form.line, "HC1:6BFOXN%TS3")
    assert blocker.args == ["HC1:6BFOXN%TS3"]
    assert form.line.text() == ""
    assert spy.scanned == []


def test_a_payload_cut_by_a_pause_is_partial_and_what_follows_is_judged_afresh(
    qtbot: QtBot, form: Form, wedge: WedgeDetector, clock: FakeClock
) -> None:
    spy = Spy(wedge)
    _scanner_types(form.line, "ABCDEFG")
    clock.advance(0.5)
    _person_types(form.line, "x", clock)
    assert spy.partial == ["ABCDEFG"]
    qtbot.waitUntil(lambda: form.line.text() == "x", timeout=1000)
    assert spy.scanned == []


def test_a_few_fast_characters_ended_at_once_are_partial(
    qtbot: QtBot, form: Form, wedge: WedgeDetector
) -> None:
    spy = Spy(wedge)
    _scanner_types(form.line, "HC1")
    QTest.keyClick(form.line, Qt.Key.Key_Return)
    assert spy.partial == ["HC1"]
    assert spy.scanned == []
    assert form.line.text() == ""
    assert form.returns == 0


def test_two_rolled_keys_and_enter_are_a_person(qtbot: QtBot, form: Form, wedge: WedgeDetector) -> None:
    spy = Spy(wedge)
    _scanner_types(form.line, "ok")
    QTest.keyClick(form.line, Qt.Key.Key_Return)
    assert form.line.text() == "ok"
    assert form.returns == 1
    assert spy.scanned == spy.partial == []


def test_a_scan_while_a_button_has_the_focus_does_not_press_it(
    qtbot: QtBot, form: Form, wedge: WedgeDetector
) -> None:
    form.button.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.button)
    with qtbot.waitSignal(wedge.scanned, timeout=1000) as blocker:
        _scanner_types(form.button, "ID 110101 19900307 7715")
        QTest.keyClick(form.button, Qt.Key.Key_Return)
    assert blocker.args == ["ID 110101 19900307 7715"]
    assert form.clicks == 0
    assert form.line.text() == ""


def test_a_person_pressing_space_on_a_button_still_clicks_it(
    qtbot: QtBot, form: Form, wedge: WedgeDetector
) -> None:
    form.button.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.button)
    QTest.keyClick(form.button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: form.clicks == 1, timeout=1000)


def test_shortcuts_do_not_fire_inside_a_burst_but_do_for_a_person(
    qtbot: QtBot, form: Form, wedge: WedgeDetector, clock: FakeClock
) -> None:
    fired: list[str] = []
    shortcut = QShortcut(QKeySequence("X"), form)
    shortcut.activated.connect(lambda: fired.append("X"))
    form.button.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.button)
    with qtbot.waitSignal(wedge.scanned, timeout=1000):
        _scanner_types(form.button, "AXBXCXDX")
        QTest.keyClick(form.button, Qt.Key.Key_Return)
    assert fired == []
    clock.advance(1.0)
    QTest.keyClick(form.button, Qt.Key.Key_X)
    assert fired == ["X"]


def test_a_crlf_terminator_is_swallowed_whole(qtbot: QtBot, form: Form, wedge: WedgeDetector) -> None:
    spy = Spy(wedge)
    _scanner_types(form.line, "GATE-PASS-0042")
    QTest.keyClick(form.line, Qt.Key.Key_Return)
    QTest.keyClick(form.line, Qt.Key.Key_Return)
    assert spy.scanned == ["GATE-PASS-0042"]
    assert form.returns == 0


def test_a_scanner_without_suffix_ends_its_payload_by_a_pause(
    qtbot: QtBot, form: Form, clock: FakeClock
) -> None:
    for detector in _install(WedgeDetector(WedgeConfig(require_terminator=False), clock=clock)):
        with qtbot.waitSignal(detector.scanned, timeout=1000) as blocker:
            _scanner_types(form.line, "NOSUFFIX99")
        assert blocker.args == ["NOSUFFIX99"]
        assert form.line.text() == ""


def test_switched_off_it_lets_every_key_through(qtbot: QtBot, form: Form, clock: FakeClock) -> None:
    for detector in _install(WedgeDetector(WedgeConfig(enabled=False), clock=clock)):
        spy = Spy(detector)
        _scanner_types(form.line, "ABCDEFGHIJ")
        QTest.keyClick(form.line, Qt.Key.Key_Return)
        assert form.line.text() == "ABCDEFGHIJ"
        assert spy.scanned == []


def test_config_from_settings_and_bad_values(tmp_path: Path) -> None:
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert WedgeConfig.from_settings(settings) == WedgeConfig()
    settings.setValue(ENABLED_KEY, False)
    settings.setValue(MAX_GAP_KEY, 45)
    settings.setValue(MIN_LENGTH_KEY, "lots")
    settings.setValue(REQUIRE_TERMINATOR_KEY, False)
    settings.sync()
    reread = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    assert WedgeConfig.from_settings(reread) == WedgeConfig(
        enabled=False, max_gap_ms=45, min_length=6, require_terminator=False
    )
    with pytest.raises(ValueError):
        WedgeConfig(min_length=1)
    with pytest.raises(ValueError):
        WedgeConfig(max_gap_ms=0)


# -- timing by the key events' own timestamps ---------------------------------------------------------

SCANNER_SPACING_MS = 4  # a 2D scanner in keyboard mode types a character every few milliseconds
STALL_S = 0.300  # the GUI thread busy elsewhere in the middle of a burst


def _stamped_keys(text: str, first_ms: int, spacing_ms: int) -> list[QKeyEvent]:
    """Press and release events for ``text`` then Enter, stamped as the window system stamps typed keys."""
    events = []
    keys = [(Qt.Key.Key_unknown, char) for char in text] + [(Qt.Key.Key_Return, "\r")]
    for index, (key, char) in enumerate(keys):
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, char)
            event.setTimestamp(first_ms + index * spacing_ms)
            events.append(event)
    return events


def _post(widget: QWidget, events: list[QKeyEvent]) -> None:
    for event in events:
        QApplication.postEvent(widget, event)


def _stall() -> None:
    """The GUI thread does something else for STALL_S: nothing is handled meanwhile."""
    time.sleep(STALL_S)


@pytest.fixture()
def real_time_wedge() -> Iterator[WedgeDetector]:
    """A detector on the real clock: the stall must be a real one for its pause timer too."""
    yield from _install(WedgeDetector())


@pytest.mark.parametrize("order", ["stall between two keys", "pause timer due before the rest"])
def test_a_gui_stall_mid_burst_still_gives_one_whole_code(
    qtbot: QtBot, form: Form, real_time_wedge: WedgeDetector, order: str
) -> None:
    spy = Spy(real_time_wedge)
    events = _stamped_keys(DCC, 5_000_000, SCANNER_SPACING_MS)
    half = len(events) // 2
    if order == "stall between two keys":
        # The first half is handled, then the loop stalls while the scanner types on; the rest was
        # queued meanwhile and is delivered in one go once the loop runs again.
        _post(form.line, events[:half])
        QTimer.singleShot(0, _stall)
        QApplication.processEvents()
        _post(form.line, events[half:])
    else:
        # The first half is handled; the loop stalls past the pause timer, which is then due before
        # the queued keys are delivered.
        _post(form.line, events[:half])
        QApplication.processEvents()
        assert real_time_wedge.holding()
        _stall()
        QTimer.singleShot(0, lambda: _post(form.line, events[half:]))
    qtbot.waitUntil(lambda: bool(spy.scanned or spy.partial), timeout=2000)
    qtbot.wait(200)  # anything a wrong split would still emit comes within the pause
    assert spy.partial == []
    assert spy.scanned == [DCC]
    assert form.line.text() == ""


def test_a_person_typing_is_not_a_scanner_even_when_a_stall_delivers_the_keys_at_once(
    qtbot: QtBot, form: Form, real_time_wedge: WedgeDetector
) -> None:
    spy = Spy(real_time_wedge)
    events = _stamped_keys("Zhang San", 9_000_000, 150)[:-2]  # no Enter
    _post(form.line, events)
    qtbot.waitUntil(lambda: form.line.text() == "Zhang San", timeout=2000)
    assert spy.scanned == spy.partial == []
