"""A leader's correction of a recorded passage: a new record pointing at the old one (never an edit), with
the reason, under the leader's name, audited; refused without a reason, for a non-leader, twice, or with
nothing changed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from checkpoint.domain.records import (
    AuditAction,
    Direction,
    Operator,
    Outcome,
    Passage,
    PassageDraft,
    PersonCheck,
    Reason,
    Role,
    SubjectKind,
    Vehicle,
)
from checkpoint.station.passage_detail import (
    ALREADY_CORRECTED,
    BAD_PLATE,
    NO_REASON,
    NOT_ALLOWED,
    NOTHING_CHANGED,
    Correction,
    CorrectionRefusedError,
    correct_passage,
    load_passage_detail,
)
from checkpoint.storage.database import Database, open_database

AT = datetime(2031, 7, 15, 7, 45, 12, tzinfo=UTC)


@pytest.fixture()
def db(tmp_path: Path) -> Iterator[Database]:
    database = open_database(f"sqlite:///{tmp_path / 's.sqlite3'}", clock=lambda: AT + timedelta(hours=1))
    database.gates.ensure_gate("G1", "highway-exit")
    database.operators.ensure_operator("小王", Role.OPERATOR)
    database.operators.ensure_operator("王班长", Role.SHIFT_LEADER)
    yield database
    database.close()


def operator(db: Database, name: str) -> Operator:
    return next(op for op in db.operators.all() if op.name == name)


def held_car(db: Database) -> Passage:
    shift = db.shifts.open_shift(db.gates.all()[0].id, operator(db, "王班长").id, AT - timedelta(hours=1))
    return db.passages.append_passage(
        PassageDraft(
            at=AT,
            direction=Direction.IN,
            subject=SubjectKind.VEHICLE,
            outcome=Outcome.HOLD,
            gate_id=db.gates.all()[0].id,
            operator_id=operator(db, "小王").id,
            shift_id=shift.id,
            reasons=(Reason.FEVER,),
            persons=(
                PersonCheck(name="张建国", id_number="110105195003070019", temperature=36.5),
                PersonCheck(temperature=38.1),
            ),
            vehicle=Vehicle("湘A12345", "car"),
        )
    )


def fix(**changes: object) -> Correction:
    values: dict[str, object] = {
        "outcome": Outcome.PASS,
        "direction": Direction.IN,
        "plate": "湘A12345",
        "temperatures": (36.5, 36.9),
        "reason": "复测 36.9",
    }
    values.update(changes)
    return Correction(**values)  # type: ignore[arg-type]


def test_a_correction_is_a_new_record_pointing_at_the_old_one(db: Database) -> None:
    original = held_car(db)
    leader = operator(db, "王班长")
    fixed = correct_passage(db, original.uuid, fix(plate="湘A 12346"), leader, AT + timedelta(hours=1))
    assert fixed.corrects == original.uuid and fixed.correction_reason == "复测 36.9"
    assert (fixed.at, fixed.shift_id, fixed.gate_id) == (original.at, original.shift_id, original.gate_id)
    assert fixed.operator_id == leader.id and fixed.outcome is Outcome.PASS
    assert fixed.vehicle is not None and fixed.vehicle.plate == "湘A12346"
    assert [p.temperature for p in fixed.persons] == [36.5, 36.9]
    assert fixed.persons[0].id_number == "110105195003070019"
    assert fixed.reasons == (Reason.FEVER, Reason.CORRECTION)
    assert db.passages.passage(original.uuid) == original  # untouched
    assert [p.uuid for p in db.passages.corrections_of(original.uuid)] == [fixed.uuid]
    [audit] = [e for e in db.audit.audit_entries() if e.action is AuditAction.CORRECTION]
    assert audit.operator_id == leader.id and f"No. {original.seq}" in audit.detail and "复测" in audit.detail
    assert db.verify().ok

    detail = load_passage_detail(db, original.uuid)
    assert detail is not None and not detail.current and detail.corrected_by[0].uuid == fixed.uuid
    assert detail.operator_name(original.operator_id) == "小王" and detail.gate_name == "G1"
    later = load_passage_detail(db, fixed.uuid)
    assert later is not None and later.current and later.corrects == original


@pytest.mark.parametrize(
    ("who", "correction", "problem"),
    [
        ("王班长", fix(reason="  "), NO_REASON),
        ("王班长", fix(outcome=Outcome.HOLD, temperatures=(36.5, 38.1)), NOTHING_CHANGED),
        ("王班长", fix(plate="XYZ"), BAD_PLATE),
        ("小王", fix(), NOT_ALLOWED),
    ],
)
def test_refused_corrections_record_nothing(
    db: Database, who: str, correction: Correction, problem: str
) -> None:
    original = held_car(db)
    with pytest.raises(CorrectionRefusedError) as refused:
        correct_passage(db, original.uuid, correction, operator(db, who), AT)
    assert refused.value.problem == problem
    assert db.passages.corrections_of(original.uuid) == []


def test_a_corrected_record_is_not_corrected_again(db: Database) -> None:
    original = held_car(db)
    leader = operator(db, "王班长")
    fixed = correct_passage(db, original.uuid, fix(), leader, AT)
    with pytest.raises(CorrectionRefusedError) as refused:
        correct_passage(db, original.uuid, fix(reason="again"), leader, AT)
    assert refused.value.problem == ALREADY_CORRECTED
    again = correct_passage(db, fixed.uuid, fix(outcome=Outcome.TURN_BACK, reason="看错了"), leader, AT)
    assert again.corrects == fixed.uuid
