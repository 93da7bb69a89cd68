"""Appending records: round trips, idempotence, corrections, shifts, audit, and refusing bad input."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from checkpoint.domain.records import (
    AuditAction,
    CodeColour,
    Outcome,
    PassageDraft,
    PersonCheck,
    Reason,
    Role,
    SubjectKind,
)
from checkpoint.storage.database import Database, open_database
from checkpoint.storage.errors import InvalidRecordError
from checkpoint.storage.passage_filter import PassageFilter
from tests.unit.storage.storage_helpers import T0, Post

SHANGHAI = timezone(timedelta(hours=8))


def test_passage_round_trips_with_chinese_names_and_vehicle(
    db: Database, db_path: Path, post: Post, draft: Callable[..., PassageDraft]
) -> None:
    sent = draft(5, at=datetime(2026, 11, 22, 16, 5, 0, 123456, tzinfo=SHANGHAI), note="后备箱已检查")
    stored = db.passages.append_passage(sent)

    assert stored.uuid == sent.uuid
    assert stored.station_id == db.station_id
    assert stored.persons == sent.persons
    assert [p.name for p in stored.persons] == ["张伟", "欧阳娜娜"]
    assert stored.vehicle == sent.vehicle
    assert (stored.reasons, stored.note, stored.rules_version) == (
        sent.reasons,
        "后备箱已检查",
        "highway-exit@3",
    )
    assert stored.at == sent.at and stored.at.tzinfo is UTC and stored.at.hour == 8
    assert stored.recorded_at.tzinfo is UTC
    assert len(stored.hash) == 64

    db.close()
    reopened = open_database(f"sqlite:///{db_path}")
    try:
        assert reopened.passages.passage(sent.uuid) == stored
    finally:
        reopened.close()


def test_every_record_kind_shares_one_sequence(
    db: Database, post: Post, draft: Callable[..., PassageDraft]
) -> None:
    passage = db.passages.append_passage(draft())
    entry = db.audit.append_audit(AuditAction.EXPORT, "handover.xlsx", T0, post.leader.id)
    # 1 database created, 2 gate, 3 leader, 4 shift, then the passage and the audit entry
    assert (passage.seq, entry.seq) == (5, 6)


def test_appending_the_same_draft_twice_stores_it_once(
    db: Database, post: Post, draft: Callable[..., PassageDraft]
) -> None:
    sent = draft()
    first = db.passages.append_passage(sent)
    again = db.passages.append_passage(sent)
    assert again == first
    assert db.passages.append_passages([sent, draft(1), draft(2)]) == 2
    assert db.passages.count_passages(PassageFilter()) == 3
    assert db.verify().ok


def test_correction_is_a_new_record_and_keeps_the_old_one(
    db: Database, post: Post, draft: Callable[..., PassageDraft]
) -> None:
    wrong = db.passages.append_passage(draft(0, outcome=Outcome.PASS))
    fix = db.passages.append_passage(
        draft(
            3,
            outcome=Outcome.TURN_BACK,
            reasons=(Reason.CORRECTION, Reason.NO_TEST),
            corrects=wrong.uuid,
            correction_reason="王班长: 核酸证明已过期",
        )
    )
    assert db.passages.passage(wrong.uuid) == wrong
    assert fix.corrects == wrong.uuid and fix.correction_reason == "王班长: 核酸证明已过期"
    assert db.passages.passage_keys(PassageFilter()) == [fix.seq, wrong.seq]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"at": datetime(2026, 11, 22, 8, 0)}, "timezone-aware"),
        ({"outcome": Outcome.RECHECK}, "final outcome"),
        ({"vehicle": None}, "needs its vehicle"),
        ({"subject": SubjectKind.PEDESTRIAN}, "no vehicle"),
        ({"gate_id": uuid.uuid4()}, "no gate"),
        ({"operator_id": uuid.uuid4()}, "no operator"),
        ({"shift_id": uuid.uuid4()}, "no shift"),
        ({"corrects": uuid.uuid4(), "correction_reason": "typo"}, "not on record"),
        ({"corrects": uuid.uuid4()}, "needs its reason"),
        ({"correction_reason": "why?"}, "without the passage"),
        ({"reasons": ("made_up",)}, "not a Reason"),
        ({"persons": (PersonCheck(temperature=float("nan")),)}, "finite"),
        ({"persons": (PersonCheck(test_age_days=-1),)}, "test age"),
    ],
)
def test_bad_drafts_are_refused_and_nothing_is_stored(
    db: Database, post: Post, draft: Callable[..., PassageDraft], changes: dict[str, object], message: str
) -> None:
    with pytest.raises(InvalidRecordError, match=message):
        db.passages.append_passage(draft(**changes))
    assert db.passages.count_passages(PassageFilter()) == 0
    assert db.verify().ok


def test_a_bad_draft_in_bulk_keeps_the_batches_before_it(
    db: Database, post: Post, draft: Callable[..., PassageDraft]
) -> None:
    drafts = [draft(i) for i in range(5)] + [draft(9, gate_id=uuid.uuid4())]
    with pytest.raises(InvalidRecordError):
        db.passages.append_passages(drafts, batch=2)
    assert db.passages.count_passages(PassageFilter()) == 4  # batches [0,1] and [2,3]; [4, bad] rolled back
    assert db.verify().ok


def test_bulk_append_keeps_the_chain_and_allows_corrections_within_a_batch(
    db: Database, post: Post, draft: Callable[..., PassageDraft]
) -> None:
    drafts = [draft(i) for i in range(250)]
    drafts.append(
        draft(300, corrects=drafts[10].uuid, correction_reason="plate misread", outcome=Outcome.HOLD)
    )
    assert db.passages.append_passages(iter(drafts), batch=64) == 251
    report = db.verify()
    assert report.ok, report
    assert report.records_checked == 4 + 251
    stored = db.passages.fetch_passages(db.passages.passage_keys(PassageFilter())[:1])
    assert stored[0].corrects == drafts[10].uuid
    with pytest.raises(InvalidRecordError):
        db.passages.append_passages([], batch=0)


def test_gates_and_operators_are_ensured_once(db: Database) -> None:
    gate = db.gates.ensure_gate("北门", "compound-gate")
    assert db.gates.ensure_gate(" 北门 ", "highway-exit") == gate  # the stored profile wins
    operator = db.operators.ensure_operator("李娜", Role.OPERATOR)
    assert db.operators.ensure_operator("李娜", Role.OPERATOR) == operator
    with pytest.raises(InvalidRecordError, match="operator"):
        db.operators.ensure_operator("李娜", Role.ADMINISTRATOR)
    with pytest.raises(InvalidRecordError):
        db.gates.ensure_gate("  ", "compound-gate")
    assert db.gates.all() == [gate]
    assert db.operators.all() == [operator]
    assert gate.station_id == db.station_id


def test_shift_is_closed_by_appending_not_editing(db: Database, post: Post) -> None:
    assert db.shifts.current_shift(post.gate.id) == post.shift
    with pytest.raises(InvalidRecordError, match="open shift"):
        db.shifts.open_shift(post.gate.id, post.leader.id, T0 + timedelta(hours=1))
    with pytest.raises(InvalidRecordError, match="before it opened"):
        db.shifts.close_shift(post.shift.id, T0 - timedelta(minutes=1))

    closed = db.shifts.close_shift(post.shift.id, T0 + timedelta(hours=12))
    assert closed == dataclasses.replace(post.shift, closed_at=T0 + timedelta(hours=12))
    assert db.shifts.shift(post.shift.id) == closed
    assert db.shifts.current_shift(post.gate.id) is None
    with pytest.raises(InvalidRecordError, match="already closed"):
        db.shifts.close_shift(post.shift.id, T0 + timedelta(hours=13))

    night = db.shifts.open_shift(post.gate.id, post.leader.id, T0 + timedelta(hours=12), "夜班")
    assert db.shifts.current_shift(post.gate.id) == night
    assert db.shifts.all() == [closed, night]
    assert db.shifts.all(since=T0 + timedelta(hours=12, minutes=1)) == [night]
    assert db.shifts.all(since=T0 + timedelta(hours=11)) == [closed, night]
    assert db.verify().ok


def test_shift_needs_a_known_gate_and_leader(db: Database, post: Post) -> None:
    with pytest.raises(InvalidRecordError, match="no gate"):
        db.shifts.open_shift(uuid.uuid4(), post.leader.id, T0)
    with pytest.raises(InvalidRecordError, match="no operator"):
        db.shifts.open_shift(post.gate.id, uuid.uuid4(), T0)
    with pytest.raises(InvalidRecordError, match="no shift"):
        db.shifts.close_shift(uuid.uuid4(), T0)
    assert db.shifts.shift(uuid.uuid4()) is None


def test_audit_trail_is_appended_in_order(db: Database, post: Post) -> None:
    export = db.audit.append_audit(
        AuditAction.EXPORT, "handover 白班 xlsx", T0 + timedelta(hours=1), post.leader.id
    )
    setting = db.audit.append_audit(
        AuditAction.SETTINGS_CHANGED, "temperature threshold 37.3", T0 + timedelta(hours=2)
    )
    entries = db.audit.audit_entries()
    assert entries[-2:] == [export, setting]
    assert entries[0].action is AuditAction.DATABASE_CREATED
    later = db.audit.audit_entries(since=T0 + timedelta(hours=2))
    assert setting in later and export not in later
    with pytest.raises(InvalidRecordError):
        db.audit.append_audit(AuditAction.EXPORT, "x", T0, uuid.uuid4())
    with pytest.raises(InvalidRecordError):
        db.audit.append_audit(AuditAction.EXPORT, "x", datetime(2026, 1, 1))


def test_clock_gives_recorded_at(db_path: Path) -> None:
    fixed = datetime(2030, 1, 2, 3, 4, 5, tzinfo=UTC)
    database = open_database(f"sqlite:///{db_path}", clock=lambda: fixed)
    try:
        gate = database.gates.ensure_gate("南门", "compound-gate")
        leader = database.operators.ensure_operator("赵六", Role.SHIFT_LEADER)
        passage = database.passages.append_passage(
            PassageDraft(
                at=T0,
                direction="out",  # type: ignore[arg-type]  # plain values are accepted and normalised
                subject=SubjectKind.PEDESTRIAN,
                outcome=Outcome.PASS,
                gate_id=gate.id,
                operator_id=leader.id,
                shift_id=None,
                persons=(PersonCheck(name="孙七", code_colour=CodeColour.GREEN, temperature=37),),
            )
        )
        assert passage.recorded_at == fixed
        assert passage.persons[0].temperature == 37.0
        assert database.verify().ok
    finally:
        database.close()
