"""Child process for the crash test: appends passages forever, printing each uuid once it is stored.

Usage: python crash_writer.py DATABASE_URL
A uuid is printed (and flushed) only after ``append_passage`` returned, so every printed uuid is a passage
the station would have shown as confirmed.
"""

from __future__ import annotations

import itertools
import sys
import uuid
from datetime import UTC, datetime, timedelta

from checkpoint.domain.records import (
    CodeColour,
    Direction,
    Outcome,
    PassageDraft,
    PersonCheck,
    Reason,
    Role,
    SubjectKind,
    Vehicle,
)
from checkpoint.storage.database import open_database


def main(url: str) -> None:
    db = open_database(url)
    gate = db.gates.ensure_gate("崩溃测试卡口", "highway-exit")
    leader = db.operators.ensure_operator("测试班长", Role.SHIFT_LEADER)
    start = datetime.now(UTC)
    shift = db.shifts.current_shift(gate.id) or db.shifts.open_shift(gate.id, leader.id, start)
    for i in itertools.count():
        draft = PassageDraft(
            at=start + timedelta(milliseconds=i),
            direction=Direction.IN,
            subject=SubjectKind.VEHICLE,
            outcome=Outcome.PASS,
            gate_id=gate.id,
            operator_id=leader.id,
            shift_id=shift.id,
            reasons=(Reason.ALL_CHECKS_CLEAR,),
            persons=(
                PersonCheck(name=f"司机{i}", code_colour=CodeColour.GREEN, temperature=36.5, is_driver=True),
                PersonCheck(name=f"乘客{i}", code_colour=CodeColour.GREEN, temperature=36.7),
            ),
            vehicle=Vehicle(plate=f"京A{i % 100000:05d}"),
            uuid=uuid.uuid4(),
        )
        db.passages.append_passage(draft)
        sys.stdout.write(f"{draft.uuid}\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main(sys.argv[1])
