"""Until PIN sign-in arrives, the station follows the clock's shifts; a restart in a new one rolls over."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from checkpoint.domain.records import AuditAction, Role
from checkpoint.domain.shifts import shift_label
from checkpoint.station.shifts import current_or_new_shift
from checkpoint.storage.database import open_database


def test_restart_in_the_same_shift_keeps_it_and_a_later_shift_rolls_over(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 's.sqlite3'}")
    try:
        gate = db.gates.ensure_gate("Gate 1", "highway-exit")
        leader = db.operators.ensure_operator("王建国", Role.SHIFT_LEADER)
        morning = datetime(2026, 11, 22, 9, 0).astimezone()
        first = current_or_new_shift(db, gate.id, leader.id, morning)
        assert first.label == shift_label(morning) == "2026-11-22 08:00-16:00"
        again = current_or_new_shift(db, gate.id, leader.id, morning + timedelta(hours=2))
        assert again.id == first.id
        evening = morning + timedelta(hours=8)
        second = current_or_new_shift(db, gate.id, leader.id, evening)
        assert second.id != first.id
        assert second.label == "2026-11-22 16:00-24:00"
        closed = db.shifts.shift(first.id)
        assert closed is not None and closed.closed_at == evening
        actions = [entry.action for entry in db.audit.audit_entries()]
        assert actions.count(AuditAction.SHIFT_OPENED) == 2
        assert actions.count(AuditAction.SHIFT_CLOSED) == 1
        assert db.verify().ok
    finally:
        db.close()
