"""The shifts a handover sheet (交接班记录) can be made of: the gate's recent shifts with their leaders.

A shift's sheet is ``export_handover_file(..., shift_id=...)``, the one ``checkpoint export handover
--shift ID`` writes: the shift's window, and the leaders' part (staff, items received and handed over,
open matters, the reconciliation and both leaders on the signature lines). The export dialog offers the
shifts this module lists, newest first, so a leader picks "the shift I just closed" by its leader and
times instead of retyping its window.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from uuid import UUID

from checkpoint.domain.shift_handover import ShiftRecord
from checkpoint.storage.database import Database

RECENT_DAYS = 7  # how far back the export dialog lists shifts (three a day: about twenty)


def recent_shifts(
    database: Database, gate_id: UUID, now: datetime, *, days: int = RECENT_DAYS
) -> list[ShiftRecord]:
    """The gate's shifts open now or closed in the last ``days`` days, newest first, each with what its
    leaders recorded (automatic shifts have neither opening nor close)."""
    shifts = [s for s in database.shifts.all(since=now - timedelta(days=days)) if s.gate_id == gate_id]
    shifts.sort(key=lambda s: s.opened_at, reverse=True)
    records = []
    for shift in shifts:
        record = database.shifts.shift_record(shift.id)
        records.append(record if record is not None else ShiftRecord(shift))
    return records
