"""The time the newest record was written: what the clock guard compares the system clock with."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from checkpoint.domain.records import AuditAction, Role
from checkpoint.storage.database import open_database
from tests.unit.storage.storage_helpers import Post, make_draft

EIGHT = datetime(2026, 11, 22, 8, 0, tzinfo=UTC)
NINE = datetime(2026, 11, 22, 9, 0, tzinfo=UTC)
SEVEN = datetime(2026, 11, 22, 7, 0, tzinfo=UTC)


def test_latest_recorded_at_is_the_write_time_of_the_newest_record_of_any_kind(tmp_path: Path) -> None:
    now = [EIGHT]
    db = open_database(f"sqlite:///{tmp_path / 'c.sqlite3'}", clock=lambda: now[0])
    try:
        assert db.latest_recorded_at() == EIGHT  # the database_created audit entry
        gate = db.gates.ensure_gate("G15", "highway-exit")
        leader = db.operators.ensure_operator("王班长", Role.SHIFT_LEADER)
        shift = db.shifts.open_shift(gate.id, leader.id, EIGHT)
        now[0] = NINE
        passage = db.passages.append_passage(make_draft(Post(gate, leader, shift)))
        assert passage.recorded_at == NINE
        assert db.latest_recorded_at() == NINE
        # written later with a clock that went back: the newest by seq, so its time is the latest
        now[0] = SEVEN
        db.audit.append_audit(AuditAction.EXPORT, "x", SEVEN)
        assert db.latest_recorded_at() == SEVEN
    finally:
        db.close()
