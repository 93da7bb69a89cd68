"""Leaders' openings and closes as chained records: stored, read back, verified, tamper-evident."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

import pytest

from checkpoint.domain.records import AuditAction, Role
from checkpoint.domain.shift_handover import (
    CountLine,
    Item,
    ItemLine,
    MatterDecision,
    MatterReview,
    Metric,
    ShiftClosing,
    ShiftOpening,
)
from checkpoint.storage.database import Database
from checkpoint.storage.integrity import ChainProblem
from checkpoint.storage.shifts import ShiftConflict, ShiftConflictError
from tests.unit.storage.storage_helpers import T0

OPENING = ShiftOpening(
    "王建国",
    ("王建国", "李明"),
    (Item("对讲机", 4), Item("大门钥匙", 1)),
    (MatterReview("3号岗亭灯坏", MatterDecision.CARRIED_ON),),
)
CLOSING = ShiftClosing(
    "王建国",
    "周强",
    (CountLine(Metric.PERSONS, 12, 11, "一名儿童未记入台账"), CountLine(Metric.VEHICLES, 5, None)),
    (ItemLine("对讲机", 4, 3, explanation="一台送修"), ItemLine("大门钥匙", 1, 1)),
    ("3号岗亭灯坏", "红码人员待社区接走"),
)


def test_open_and_close_round_trip_and_the_chain_verifies(db: Database) -> None:
    gate = db.gates.ensure_gate("G15 东出口", "highway-exit")
    leader = db.operators.ensure_operator("王建国", Role.SHIFT_LEADER)
    automatic = db.shifts.follow_clock(gate.id, leader.id, T0, "2026-11-22 08:00-16:00")
    led = db.shifts.open_led_shift(
        gate.id, leader.id, T0 + timedelta(minutes=5), "2026-11-22 08:05 王建国", OPENING
    )
    closed_auto = db.shifts.shift(automatic.id)
    assert closed_auto is not None and closed_auto.closed_at == T0 + timedelta(minutes=5)
    record = db.shifts.shift_record(led.id)
    assert record is not None and not record.automatic and record.opening == OPENING
    assert record.closing is None
    auto_record = db.shifts.shift_record(automatic.id)
    assert auto_record is not None and auto_record.automatic

    # the clock never closes a leader's shift, even in the next clock shift
    assert (
        db.shifts.follow_clock(gate.id, leader.id, T0 + timedelta(hours=9), "2026-11-22 16:00-24:00").id
        == led.id
    )

    end = T0 + timedelta(hours=9, minutes=10)
    following, anchor = db.shifts.close_led_shift(led.id, end, leader.id, CLOSING, "2026-11-22 16:00-24:00")
    assert following.id != led.id and following.opened_at == end
    assert [issued.anchor for issued in db.anchors.issued()] == [anchor]
    assert db.anchors.issued()[0].purpose == f"shift close {led.id}"
    assert db.shifts.current_shift(gate.id) == following
    closed = db.shifts.shift_record(led.id)
    assert closed is not None and closed.closing == CLOSING and closed.shift.closed_at == end
    assert db.shifts.latest_closing(gate.id) == CLOSING
    actions = [entry.action for entry in db.audit.audit_entries()]
    assert actions.count(AuditAction.SHIFT_OPENED) == 3 and actions.count(AuditAction.SHIFT_CLOSED) == 2
    report = db.verify()
    assert report.ok, report.first_break


def test_a_second_leader_cannot_open_over_an_open_leaders_shift(db: Database) -> None:
    gate = db.gates.ensure_gate("G15 东出口", "highway-exit")
    leader = db.operators.ensure_operator("王建国", Role.SHIFT_LEADER)
    db.shifts.open_led_shift(gate.id, leader.id, T0, "a", OPENING)
    with pytest.raises(ShiftConflictError) as refused:
        db.shifts.open_led_shift(gate.id, leader.id, T0 + timedelta(hours=1), "b", OPENING)
    assert refused.value.conflict is ShiftConflict.LEADER_SHIFT_OPEN


def test_an_unexplained_difference_is_refused_and_nothing_is_written(db: Database) -> None:
    gate = db.gates.ensure_gate("G15 东出口", "highway-exit")
    leader = db.operators.ensure_operator("王建国", Role.SHIFT_LEADER)
    shift = db.shifts.open_led_shift(gate.id, leader.id, T0, "a", OPENING)
    before = len(db.audit.audit_entries())
    bad = ShiftClosing("王建国", counts=(CountLine(Metric.PERSONS, 12, 11),))
    with pytest.raises(ShiftConflictError) as refused:
        db.shifts.close_led_shift(shift.id, T0 + timedelta(hours=8), leader.id, bad, "x")
    assert refused.value.conflict is ShiftConflict.INCOMPLETE
    assert len(db.audit.audit_entries()) == before
    assert db.shifts.current_shift(gate.id) == shift


def test_an_edited_reconciliation_breaks_the_chain(db: Database, db_path: Path) -> None:
    gate = db.gates.ensure_gate("G15 东出口", "highway-exit")
    leader = db.operators.ensure_operator("王建国", Role.SHIFT_LEADER)
    shift = db.shifts.open_led_shift(gate.id, leader.id, T0, "a", OPENING)
    db.shifts.close_led_shift(shift.id, T0 + timedelta(hours=8), leader.id, CLOSING, "x")
    raw = sqlite3.connect(db_path)
    raw.execute("UPDATE shift_reconciliation SET payload = replace(payload, '一台送修', '全部交回')")
    raw.commit()
    raw.close()
    report = db.verify()
    assert report.first_break is not None
    assert report.first_break.kind == "shift_reconciliation"
    assert report.first_break.problem is ChainProblem.HASH_MISMATCH
