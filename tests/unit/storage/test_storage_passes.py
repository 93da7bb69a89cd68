"""Issued passes, revocations, pass uses, household quotas and open exits, alarm acknowledgements."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from datetime import timedelta

import pytest

from checkpoint.domain.records import (
    AuditAction,
    Direction,
    Outcome,
    PassageDraft,
    PersonCheck,
    SubjectKind,
)
from checkpoint.storage.database import Database
from checkpoint.storage.errors import InvalidRecordError
from checkpoint.storage.passes import PassUse
from tests.unit.storage.storage_helpers import T0, Post


@pytest.fixture
def walk(draft: Callable[..., PassageDraft]) -> Callable[..., PassageDraft]:
    """A pedestrian passage ``hours`` after T0 by one person showing ``pass_id``."""

    def factory(
        hours: float,
        direction: Direction,
        pass_id: str = "slip-1",
        household: str = "",
        outcome: Outcome = Outcome.PASS,
        **changes: object,
    ) -> PassageDraft:
        person = PersonCheck(name="刘七", pass_id=pass_id, household=household)
        return draft(
            hours * 60,
            subject=SubjectKind.PEDESTRIAN,
            vehicle=None,
            persons=(person,),
            direction=direction,
            outcome=outcome,
            **changes,
        )

    return factory


def test_issued_pass_is_registered_audited_and_idempotent(db: Database, post: Post) -> None:
    issued = db.passes.record_pass_issued(
        "slip-1", "exit-slip", "3-2-501 刘七, 1 exit / 3 days", T0, post.leader.id, household="3-2-501"
    )
    assert (issued.pass_id, issued.kind, issued.household, issued.at) == (
        "slip-1",
        "exit-slip",
        "3-2-501",
        T0,
    )
    assert issued.revoked_at is None
    again = db.passes.record_pass_issued(
        "slip-1", "exit-slip", "3-2-501 刘七, 1 exit / 3 days", T0, post.leader.id, household="3-2-501"
    )
    assert again == issued
    with pytest.raises(InvalidRecordError):
        db.passes.record_pass_issued("slip-1", "resident", "another", T0, post.leader.id)
    db.passes.record_pass_issued("visit-1", "visitor", "王先生 -> 5-1-202", T0 + timedelta(hours=1), None)
    assert [p.pass_id for p in db.passes.issued_passes()] == ["slip-1", "visit-1"]
    assert [p.pass_id for p in db.passes.issued_passes(household="3-2-501")] == ["slip-1"]
    issued_audits = [e for e in db.audit.audit_entries() if e.action is AuditAction.PASS_ISSUED]
    assert [e.detail for e in issued_audits] == ["exit-slip slip-1", "visitor visit-1"]
    assert db.verify().ok


def test_revocation_is_chained_audited_once_and_shown_on_the_registry(db: Database, post: Post) -> None:
    db.passes.record_pass_issued("slip-1", "exit-slip", "", T0, post.leader.id)
    assert db.passes.revoked_pass_ids() == frozenset()
    db.passes.revoke_pass("slip-1", "家属挂失", T0 + timedelta(hours=2), post.leader.id)
    db.passes.revoke_pass("slip-1", "again", T0 + timedelta(hours=3), post.leader.id)  # nothing more recorded
    db.passes.revoke_pass("elsewhere-9", "issued at another gate", T0 + timedelta(hours=4), None)
    assert db.passes.revoked_pass_ids() == {"slip-1", "elsewhere-9"}
    assert db.passes.revoked_pass_ids(at=T0 + timedelta(hours=3)) == {"slip-1"}
    (registered,) = db.passes.issued_passes()
    assert (registered.revoked_at, registered.revocation_reason) == (T0 + timedelta(hours=2), "家属挂失")
    revoked = [e for e in db.audit.audit_entries() if e.action is AuditAction.PASS_REVOKED]
    assert [e.detail for e in revoked] == ["slip-1: 家属挂失", "elsewhere-9: issued at another gate"]
    assert db.verify().ok


@pytest.mark.parametrize("pass_id", ["", "   "])
def test_revoking_needs_a_pass_id_and_reason(db: Database, pass_id: str) -> None:
    with pytest.raises(InvalidRecordError):
        db.passes.revoke_pass(pass_id, "lost", T0, None)
    with pytest.raises(InvalidRecordError):
        db.passes.revoke_pass("slip-1", " ", T0, None)
    with pytest.raises(InvalidRecordError):
        db.passes.revoke_pass("slip-1", "lost", T0.replace(tzinfo=None), None)


def test_unknown_operator_is_refused(db: Database) -> None:
    with pytest.raises(InvalidRecordError):
        db.passes.revoke_pass("slip-1", "lost", T0, uuid.uuid4())
    assert db.passes.revoked_pass_ids() == frozenset()


def test_pass_uses_in_time_order_with_outcomes(db: Database, walk: Callable[..., PassageDraft]) -> None:
    later = db.passages.append_passage(walk(5, Direction.IN))
    first = db.passages.append_passage(walk(1, Direction.OUT))
    refused = db.passages.append_passage(walk(3, Direction.OUT, outcome=Outcome.TURN_BACK))
    db.passages.append_passage(walk(2, Direction.OUT, pass_id="slip-2"))
    assert db.passes.pass_uses("slip-1") == [
        PassUse(first.at, Direction.OUT, first.uuid, Outcome.PASS),
        PassUse(refused.at, Direction.OUT, refused.uuid, Outcome.TURN_BACK),
        PassUse(later.at, Direction.IN, later.uuid, Outcome.PASS),
    ]
    assert [u.passage_uuid for u in db.passes.pass_uses("slip-1", since=T0 + timedelta(hours=3))] == [
        refused.uuid,
        later.uuid,
    ]
    assert db.passes.pass_uses("never-shown") == []


def test_a_corrected_passage_counts_once(db: Database, walk: Callable[..., PassageDraft]) -> None:
    wrong = db.passages.append_passage(walk(1, Direction.OUT, outcome=Outcome.TURN_BACK))
    fixed = db.passages.append_passage(
        walk(1, Direction.OUT, corrects=wrong.uuid, correction_reason="actually let out")
    )
    assert [(u.passage_uuid, u.outcome) for u in db.passes.pass_uses("slip-1")] == [
        (fixed.uuid, Outcome.PASS)
    ]


def test_household_quota_counts_exits_by_household_or_registered_slip(
    db: Database, post: Post, walk: Callable[..., PassageDraft]
) -> None:
    db.passes.record_pass_issued("slip-old", "exit-slip", "", T0, None, household="3-2-501")
    db.passages.append_passage(walk(-50, Direction.OUT, pass_id="slip-old"))  # only in the registry
    db.passages.append_passage(walk(-49, Direction.IN, pass_id="slip-old"))
    db.passages.append_passage(walk(1, Direction.OUT, pass_id="slip-new", household="3-2-501"))
    db.passages.append_passage(
        walk(2, Direction.OUT, pass_id="slip-new", household="3-2-501", outcome=Outcome.TURN_BACK)
    )
    db.passages.append_passage(walk(1.5, Direction.OUT, pass_id="slip-x", household="4-1-101"))
    assert db.passes.count_exits("3-2-501", since=T0 - timedelta(days=3)) == 2
    assert db.passes.count_exits("3-2-501", since=T0) == 1
    assert db.passes.count_exits(" 3-2-501 ", since=T0 + timedelta(hours=3)) == 0
    assert db.passes.count_exits("4-1-101", since=T0 - timedelta(days=3)) == 1
    assert len(db.passes.household_uses("3-2-501")) == 4
    with pytest.raises(InvalidRecordError):
        db.passes.household_uses("")


def test_open_exit_until_the_holder_comes_back(db: Database, walk: Callable[..., PassageDraft]) -> None:
    assert db.passes.last_exit_without_return(pass_id="slip-1") is None
    out = db.passages.append_passage(walk(1, Direction.OUT, household="3-2-501"))
    assert db.passes.last_exit_without_return(pass_id="slip-1") == out.at
    assert db.passes.last_exit_without_return(household="3-2-501") == out.at
    db.passages.append_passage(walk(2, Direction.IN, outcome=Outcome.TURN_BACK))  # not let in: still out
    assert db.passes.last_exit_without_return(pass_id="slip-1") == out.at
    db.passages.append_passage(walk(3, Direction.IN, household="3-2-501"))
    assert db.passes.last_exit_without_return(pass_id="slip-1") is None
    assert db.passes.last_exit_without_return(household="3-2-501") is None
    again = db.passages.append_passage(walk(30, Direction.OUT))
    assert db.passes.last_exit_without_return(pass_id="slip-1") == again.at
    with pytest.raises(InvalidRecordError):
        db.passes.last_exit_without_return()
    with pytest.raises(InvalidRecordError):
        db.passes.last_exit_without_return(pass_id="slip-1", household="3-2-501")


def test_pass_queries_use_their_indexes(db: Database) -> None:
    with db._engine.connect() as connection:
        plan = connection.exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT passage_uuid FROM person_check WHERE pass_id = 'x'"
        ).all()
        assert "ix_person_check_pass_id" in str(plan)
        plan = connection.exec_driver_sql(
            "EXPLAIN QUERY PLAN SELECT passage_uuid FROM person_check WHERE household = 'x'"
        ).all()
        assert "ix_person_check_household" in str(plan)


def test_alarm_acknowledgement_is_a_chained_audit_entry(db: Database, post: Post) -> None:
    entry = db.audit.acknowledge_alarm(
        "home_quarantine", "刘*", "tried to leave, sent back", T0, post.leader.id
    )
    assert entry.action is AuditAction.ALARM_ACKNOWLEDGED
    assert entry.operator_id == post.leader.id and entry.at == T0
    assert json.loads(entry.detail) == {
        "kind": "home_quarantine",
        "subject": "刘*",
        "detail": "tried to leave, sent back",
    }
    assert db.audit.audit_entries()[-1] == entry
    assert db.verify().ok
    with pytest.raises(InvalidRecordError):
        db.audit.acknowledge_alarm(" ", "x", "", T0, None)
