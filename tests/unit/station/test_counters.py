"""Live counters: read from the log at start (shift and clock hour), then follow recorded passages."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from checkpoint.domain.records import (
    Direction,
    Outcome,
    PassageDraft,
    PersonCheck,
    Role,
    SubjectKind,
    Vehicle,
)
from checkpoint.station.counters import Count, LiveCounters, hour_start
from checkpoint.station.writer import RecordWriter
from checkpoint.storage.database import Database, open_database

NOW = datetime(2026, 11, 22, 10, 40).astimezone()


@pytest.fixture()
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(f"sqlite:///{tmp_path / 's.sqlite3'}")
    yield database
    database.close()


def passage(
    db: Database,
    shift_id: uuid.UUID,
    at: datetime,
    outcome: Outcome,
    direction: Direction = Direction.IN,
    persons: int = 1,
    vehicle: bool = False,
    corrects: uuid.UUID | None = None,
) -> PassageDraft:
    gate = db.gates.all()[0]
    operator = db.operators.all()[0]
    return PassageDraft(
        at=at,
        direction=direction,
        subject=SubjectKind.VEHICLE if vehicle else SubjectKind.PEDESTRIAN,
        outcome=outcome,
        gate_id=gate.id,
        operator_id=operator.id,
        shift_id=shift_id,
        persons=tuple(PersonCheck(name=f"p{i}") for i in range(persons)),
        vehicle=Vehicle("粤A12345") if vehicle else None,
        corrects=corrects,
        correction_reason="wrong outcome" if corrects else "",
    )


def test_counts_come_from_the_log_and_follow_new_passages(db: Database, qtbot: QtBot) -> None:
    gate = db.gates.ensure_gate("G1", "highway-exit")
    leader = db.operators.ensure_operator("王", Role.SHIFT_LEADER)
    shift = db.shifts.open_shift(gate.id, leader.id, NOW - timedelta(hours=3))
    earlier = NOW - timedelta(hours=2)
    db.passages.append_passage(passage(db, shift.id, earlier, Outcome.PASS, persons=3, vehicle=True))
    wrong = db.passages.append_passage(passage(db, shift.id, earlier, Outcome.PASS))
    db.passages.append_passage(
        passage(db, shift.id, NOW - timedelta(minutes=5), Outcome.TURN_BACK, corrects=wrong.uuid)
    )
    db.passages.append_passage(
        passage(db, shift.id, NOW - timedelta(minutes=20), Outcome.HOLD, Direction.OUT)
    )
    writer = RecordWriter(db)
    writer.start()
    try:
        counters = LiveCounters(writer, gate.id, shift.id, clock=lambda: NOW)
        with qtbot.waitSignal(counters.changed):
            counters.start()
        assert counters.ready
        shift_tally, hour_tally = counters.shift(), counters.hour()
        assert shift_tally.total() == Count(vehicles=1, persons=5)  # the corrected passage counts once
        assert shift_tally.by_outcome(Outcome.PASS) == Count(1, 3)
        assert shift_tally.by_outcome(Outcome.TURN_BACK) == Count(0, 1)
        assert shift_tally.by_direction(Direction.OUT) == Count(0, 1)
        assert hour_tally.total() == Count(0, 2)  # only this clock hour's
        assert hour_tally.cell(Outcome.HOLD, Direction.OUT) == Count(0, 1)

        recorded = db.passages.append_passage(
            passage(db, shift.id, NOW, Outcome.PASS, persons=2, vehicle=True)
        )
        with qtbot.waitSignal(counters.changed):
            counters.add(recorded)
        assert counters.hour().by_outcome(Outcome.PASS) == Count(1, 2)
        assert counters.shift().total() == Count(2, 7)
    finally:
        writer.stop()


def test_the_hour_rolls_over_with_the_clock(db: Database, qtbot: QtBot) -> None:
    gate = db.gates.ensure_gate("G1", "highway-exit")
    leader = db.operators.ensure_operator("王", Role.SHIFT_LEADER)
    shift = db.shifts.open_shift(gate.id, leader.id, NOW - timedelta(hours=1))
    now = [NOW]
    writer = RecordWriter(db)
    writer.start()
    try:
        counters = LiveCounters(writer, gate.id, shift.id, clock=lambda: now[0])
        with qtbot.waitSignal(counters.changed):
            counters.start()
        counters.add(db.passages.append_passage(passage(db, shift.id, NOW, Outcome.PASS)))
        assert counters.hour().total() == Count(0, 1)
        now[0] = NOW + timedelta(hours=1)
        assert counters.hour().total() == Count()
        assert counters.hour_start == hour_start(now[0])
        assert counters.shift().total() == Count(0, 1)
    finally:
        writer.stop()
