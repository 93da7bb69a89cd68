"""Overrides on record: written with their passage in one transaction, chained, read back by window."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest

from checkpoint.domain.overrides import Override, OverrideReason
from checkpoint.domain.records import Outcome, PassageDraft, Reason
from checkpoint.storage.database import Database
from checkpoint.storage.errors import InvalidRecordError
from checkpoint.storage.integrity import ChainProblem
from checkpoint.storage.passage_filter import PassageFilter
from tests.unit.storage.storage_helpers import T0, Post


def _override(draft: PassageDraft, post: Post, **changes: object) -> Override:
    fields: dict[str, object] = {
        "passage_uuid": draft.uuid,
        "at": draft.at,
        "operator_id": post.leader.id,
        "proposed": Outcome.TURN_BACK,
        "chosen": draft.outcome,
        "reason": OverrideReason.LEADER_APPROVED,
        "detail": " 王班长电话同意 ",
    }
    fields.update(changes)
    return Override(**fields)  # type: ignore[arg-type]


def _overridden(draft: Callable[..., PassageDraft], minutes: float = 0) -> PassageDraft:
    return draft(minutes, reasons=(Reason.CODE_YELLOW, Reason.OPERATOR_DECISION))


def test_a_passage_and_its_override_are_recorded_together_and_verify(
    db: Database, post: Post, draft: Callable[..., PassageDraft]
) -> None:
    passage_draft = _overridden(draft)
    passage = db.overrides.append_passage(passage_draft, _override(passage_draft, post))
    assert passage.uuid == passage_draft.uuid and passage.outcome is Outcome.PASS
    found = db.overrides.between(T0, T0 + timedelta(hours=1), post.gate.id)
    assert list(found) == [passage.uuid]
    override = found[passage.uuid]
    assert (override.proposed, override.chosen, override.reason) == (
        Outcome.TURN_BACK,
        Outcome.PASS,
        OverrideReason.LEADER_APPROVED,
    )
    assert override.detail == "王班长电话同意" and override.operator_id == post.leader.id
    assert db.verify().ok
    # sent again (a retried write): nothing new
    again = db.overrides.append_passage(passage_draft, _override(passage_draft, post))
    assert again.seq == passage.seq
    assert len(db.overrides.between(T0, T0 + timedelta(hours=1))) == 1
    assert db.overrides.between(T0 + timedelta(hours=1), T0 + timedelta(hours=2)) == {}


@pytest.mark.parametrize(
    "changes",
    [
        {"chosen": Outcome.TURN_BACK},  # not the passage's outcome
        {"proposed": Outcome.RECHECK},  # nothing to override
        {"reason": OverrideReason.OTHER, "detail": "  "},  # "other" says nothing
    ],
)
def test_an_override_the_records_do_not_allow_writes_nothing(
    db: Database, post: Post, draft: Callable[..., PassageDraft], changes: dict[str, object]
) -> None:
    passage_draft = _overridden(draft)
    with pytest.raises(InvalidRecordError):
        db.overrides.append_passage(passage_draft, _override(passage_draft, post, **changes))
    assert db.passages.count_passages(PassageFilter()) == 0
    assert db.overrides.between(T0, T0 + timedelta(days=1)) == {}


def test_an_edited_override_breaks_the_chain(
    db: Database, db_path: Path, post: Post, draft: Callable[..., PassageDraft]
) -> None:
    passage_draft = _overridden(draft)
    db.overrides.append_passage(passage_draft, _override(passage_draft, post))
    with sqlite3.connect(db_path) as connection:
        connection.execute("UPDATE passage_override SET reason = 'rechecked'")
    brk = db.verify().first_break
    assert brk is not None and brk.kind == "passage_override" and brk.problem is ChainProblem.HASH_MISMATCH


def test_a_purge_removes_the_passage_and_keeps_the_override_on_record(
    db: Database, post: Post, draft: Callable[..., PassageDraft]
) -> None:
    passage_draft = _overridden(draft)
    db.overrides.append_passage(passage_draft, _override(passage_draft, post))
    db.passages.append_passage(draft(60))
    db.retention.purge(T0 + timedelta(minutes=30), at=T0 + timedelta(days=40), operator_id=None)
    assert db.verify().ok
    assert db.overrides.between(T0, T0 + timedelta(days=1)) == {}  # its passage is gone
