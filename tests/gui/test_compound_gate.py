"""The compound gate on the station screen: a clear resident is recorded by the scan alone, a forged pass
waits for the operator, a walk-in visitor is typed in with Ctrl+Shift+N, and who is out / inside shows it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from checkpoint.domain.credentials import issue_pass
from checkpoint.domain.records import Direction, Outcome, Passage, Reason
from checkpoint.station.presence import Presence, VisitorDetails
from checkpoint.ui.presence_view import OVERDUE_BRUSH, PresenceView
from checkpoint.ui.visitor_entry import VisitorEntryDialog

from . import test_gate_verification as gate_verification
from .test_gate_verification import Station, confirm, forged, go_out, resident_pass
from .test_station_view import RECORD_TIMEOUT_MS, wedge

make_station = gate_verification.make_station  # the same station on a temp database, as a fixture here


def test_a_valid_resident_pass_is_recorded_with_no_key_pressed_and_a_forged_one_is_not(
    qtbot: QtBot, make_station: Callable[[str], Station]
) -> None:
    services, window, key = make_station("compound-gate")
    session, station = services.session, window.station_view
    session.set_auto_record(True)  # the lead wires station/auto_record (default on at compound gates)
    presence = Presence(
        services.writer, lambda: session.profile.thresholds.return_hours, clock=services.clock
    )
    session.passage_recorded.connect(presence.add)
    view = PresenceView(presence)
    qtbot.addWidget(view)
    with qtbot.waitSignal(presence.changed, timeout=RECORD_TIMEOUT_MS):
        presence.start()

    go_out(qtbot, station)
    with qtbot.waitSignal(session.passage_recorded, timeout=RECORD_TIMEOUT_MS) as recorded:
        wedge(
            qtbot, station, issue_pass(resident_pass(services.clock(), "李四"), key)
        )  # only the scanner types
    passage: Passage = recorded.args[0]
    assert passage.outcome is Outcome.PASS and passage.direction is Direction.OUT
    assert station.confirmation.outcome is Outcome.PASS and station.confirmation.isVisible()
    name, household = view.residents.item(0, 0), view.residents.item(0, 1)
    assert view.residents.rowCount() == 1 and name is not None and name.text() == "李*"
    assert household is not None and household.text() == "5-1-302"
    assert name.background() != OVERDUE_BRUSH

    wedge(qtbot, station, forged(resident_pass(services.clock(), "王五"), key))
    assert session.draft.proposed is Outcome.TURN_BACK and not session.recording
    assert session.shift_count == 1  # the operator decides what to do with a forged pass


def test_a_walk_in_visitor_is_typed_in_and_recorded_on_confirm(
    qtbot: QtBot, make_station: Callable[[str], Station]
) -> None:
    services, window, _key = make_station("compound-gate")
    session, station = services.session, window.station_view
    presence = Presence(services.writer, lambda: 4, clock=services.clock)
    session.passage_recorded.connect(presence.add)
    with qtbot.waitSignal(presence.changed, timeout=RECORD_TIMEOUT_MS):
        presence.start()

    qtbot.keyClick(
        station.scan_entry,
        Qt.Key.Key_N,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, VisitorEntryDialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    dialog.name_edit.setText("赵六")  # typed through an input method
    assert not ok.isEnabled()  # a visitor needs a host
    dialog.household_edit.setText("5-1-302")
    dialog.host_edit.setText("李四")
    dialog.purpose_edit.setText("送货")
    assert ok.isEnabled()
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    draft = session.draft
    assert draft.visitor is not None and draft.proposed is Outcome.PASS
    assert Reason.VISITOR_WITH_HOST in draft.reasons

    passage = confirm(qtbot, station, services)
    details = VisitorDetails.from_note("赵六", passage.note)
    assert passage.persons[0].name == "赵六" and details is not None
    assert (details.host_household, details.host_name, details.purpose) == ("5-1-302", "李四", "送货")
    inside = presence.current.visitors_inside
    assert [(v.name, v.host_household) for v in inside] == [("赵六", "5-1-302")]
