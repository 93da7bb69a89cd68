"""Tracing as a shift leader reads it: newest first like the log, the persons of a car in words (not
"-; -; -"), and a "To" ticked long after the screen opened starts from now, not from the opening."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from checkpoint.domain.records import (
    CodeColour,
    Direction,
    Outcome,
    Passage,
    PassageDraft,
    PersonCheck,
    Role,
    SubjectKind,
    Vehicle,
)
from checkpoint.station.i18n import LanguageSwitcher
from checkpoint.station.messages import MessageBus
from checkpoint.station.tracing import TracingService
from checkpoint.station.writer import RecordWriter
from checkpoint.ui.trace_view import TraceColumn, TraceView
from tests.station_clock import TickingClock

PLATE = "湘A12345"


@pytest.fixture()
def trace(qtbot: QtBot, writer: RecordWriter, languages: LanguageSwitcher, clock: TickingClock) -> TraceView:
    view = TraceView(TracingService(writer, clock=clock), MessageBus(), clock=clock)
    qtbot.addWidget(view)
    view.show()
    return view


def car(writer: RecordWriter, at: datetime, persons: tuple[PersonCheck, ...]) -> Passage:
    database = writer.database
    gate = database.gates.all()[0]
    operator = database.operators.ensure_operator("李明", Role.SHIFT_LEADER)
    return database.passages.append_passage(
        PassageDraft(
            at=at,
            direction=Direction.IN,
            subject=SubjectKind.VEHICLE,
            outcome=Outcome.PASS,
            gate_id=gate.id,
            operator_id=operator.id,
            shift_id=None,
            persons=persons,
            vehicle=Vehicle(PLATE),
        )
    )


def scanned(count: int) -> tuple[PersonCheck, ...]:
    """Occupants scanned by health-code token: no name, ID number or phone on record."""
    return tuple(
        PersonCheck(code_text=f"https://jkm.example.gov.cn/h5/code?token={i}", code_colour=CodeColour.GREEN)
        for i in range(count)
    )


def search(qtbot: QtBot, trace: TraceView) -> None:
    trace.plate_edit.setText(PLATE)  # QTest types ASCII only
    with qtbot.waitSignal(trace.results_ready, timeout=5000):
        qtbot.keyClick(trace.plate_edit, Qt.Key.Key_Return)


def shown(trace: TraceView, column: TraceColumn) -> list[str]:
    model = trace.model
    return [model.data(model.index(row, column)) for row in range(model.rowCount())]


def test_results_are_newest_first_as_in_the_log(
    qtbot: QtBot, trace: TraceView, writer: RecordWriter, clock: TickingClock
) -> None:
    now = clock()
    older = car(writer, now - timedelta(hours=5), scanned(1))
    newer = car(writer, now - timedelta(hours=1), scanned(1))
    middle = car(writer, now - timedelta(hours=3), scanned(1))
    search(qtbot, trace)
    assert [p.uuid for p in trace.model.passages] == [newer.uuid, middle.uuid, older.uuid]
    times = shown(trace, TraceColumn.TIME)
    assert times == sorted(times, reverse=True)


def test_the_persons_of_a_car_are_counted_and_named_where_known(
    qtbot: QtBot, trace: TraceView, writer: RecordWriter, clock: TickingClock
) -> None:
    now = clock()
    car(writer, now - timedelta(hours=2), scanned(3))
    car(writer, now - timedelta(hours=1), (PersonCheck(name="张小三", phone="13800138000"), *scanned(2)))
    search(qtbot, trace)
    assert shown(trace, TraceColumn.PERSONS) == [
        "3 persons: 张*三 138****8000 (+2 without a name)",
        "3 persons, no name recorded",
    ]


def test_a_to_ticked_later_starts_from_now(
    qtbot: QtBot, trace: TraceView, writer: RecordWriter, clock: TickingClock
) -> None:
    """The screen stays open all shift: two hours on, the leader ticks "To" to bound the search; it must
    not end at the minute the screen was opened, which would leave out everything since."""
    clock.advance(timedelta(hours=2))
    recent = car(writer, clock() - timedelta(minutes=1), scanned(1))
    qtbot.mouseClick(trace.until_check, Qt.MouseButton.LeftButton)
    assert trace.until_edit.isEnabled()
    assert trace.until_edit.text() == f"{clock().astimezone():%Y-%m-%d %H:%M}"
    search(qtbot, trace)
    assert [p.uuid for p in trace.model.passages] == [recent.uuid]
