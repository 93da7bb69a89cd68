"""The log view's and exports' queries: filters, newest-first keys, fetch in the order asked, streaming."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest

from checkpoint.domain.records import (
    Direction,
    Outcome,
    Passage,
    PassageDraft,
    PersonCheck,
    Role,
    SubjectKind,
    Vehicle,
)
from checkpoint.storage.database import Database
from checkpoint.storage.errors import InvalidRecordError
from checkpoint.storage.passage_filter import PassageFilter
from tests.unit.storage.storage_helpers import T0, Post


@pytest.fixture
def log(db: Database, post: Post, draft: Callable[..., PassageDraft]) -> list[Passage]:
    """Six passages an hour apart, each with something different to find."""
    walker = PersonCheck(
        name="陈小明", id_number="440301199901011234", phone="13912345678", code_text="JKM:ab12cd34ef"
    )
    drafts = [
        draft(0, vehicle=Vehicle(plate="京A12345")),
        draft(60, vehicle=Vehicle(plate="沪B99999"), note="司机拒绝测温"),
        draft(120, subject=SubjectKind.PEDESTRIAN, vehicle=None, persons=(walker,), direction=Direction.OUT),
        draft(180, vehicle=Vehicle(plate="京A12345"), outcome=Outcome.TURN_BACK, note="100% 黄码"),
        draft(240, vehicle=Vehicle(plate="粤C55555")),
        draft(300, vehicle=Vehicle(plate="川D00001"), shift_id=None),
    ]
    return [db.passages.append_passage(d) for d in drafts]


def _seqs(passages: list[Passage]) -> list[int]:
    return [p.seq for p in passages]


def test_keys_are_newest_first_and_fetch_keeps_the_order_asked(db: Database, log: list[Passage]) -> None:
    keys = db.passages.passage_keys(PassageFilter())
    assert keys == list(reversed(_seqs(log)))
    asked = [keys[3], keys[0], keys[5], 999_999, keys[0]]
    assert _seqs(db.passages.fetch_passages(asked)) == [keys[3], keys[0], keys[5], keys[0]]
    assert db.passages.fetch_passages(keys) == list(reversed(log))
    assert db.passages.fetch_passages([]) == []


def test_time_window_is_half_open(db: Database, log: list[Passage]) -> None:
    window = PassageFilter(since=T0 + timedelta(hours=1), until=T0 + timedelta(hours=3))
    assert db.passages.passage_keys(window) == [log[2].seq, log[1].seq]
    assert db.passages.count_passages(window) == 2
    assert db.passages.count_passages(PassageFilter(since=T0 + timedelta(hours=5))) == 1
    with pytest.raises(InvalidRecordError):
        db.passages.count_passages(PassageFilter(since=T0.replace(tzinfo=None)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("京a123", [3, 0]),  # plate, case-insensitive
        ("  沪B  ", [1]),
        ("小明", [2]),  # part of a Chinese name
        ("欧阳", [5, 4, 3, 1, 0]),  # the passenger in every vehicle
        ("440301199901011234", [2]),  # a whole ID number (exact, never a fragment)
        ("13912345678", [2]),  # a whole phone number
        ("139 1234 5678", [2]),  # written any way: compared by its keyed hash
        ("4403", []),  # a fragment of an ID number never (it is stored sealed)
        ("19990101", []),  # ID numbers and phones are not substring-searched
        ("1391234", []),
        ("jkm:AB12", []),  # nor code texts
        ("拒绝测温", [1]),  # note
        ("测", [1]),  # a one-character fragment (below the trigram length: scanned)
        ("100%", [3]),  # wildcard characters are literal
        ("1_0", []),
        ("nobody", []),
    ],
)
def test_text_filter_matches_plate_name_and_note_fragments_and_whole_ids(
    db: Database, log: list[Passage], text: str, expected: list[int]
) -> None:
    f = PassageFilter(text=text)
    assert db.passages.passage_keys(f) == [log[i].seq for i in expected]
    assert db.passages.count_passages(f) == len(expected)


def test_exact_tracing_filters(db: Database, log: list[Passage]) -> None:
    assert db.passages.passage_keys(PassageFilter(plate=" 京a12345 ")) == [log[3].seq, log[0].seq]
    assert db.passages.passage_keys(PassageFilter(id_number="440301199901011234")) == [log[2].seq]
    assert db.passages.passage_keys(PassageFilter(phone="13912345678")) == [log[2].seq]
    assert db.passages.passage_keys(PassageFilter(name="陈小明")) == [log[2].seq]
    assert db.passages.passage_keys(PassageFilter(name="陈小")) == []  # exact, not substring


def test_shift_and_gate_filters(db: Database, post: Post, log: list[Passage]) -> None:
    assert db.passages.passage_keys(PassageFilter(shift_id=post.shift.id)) == list(reversed(_seqs(log[:5])))
    assert db.passages.count_passages(PassageFilter(gate_id=post.gate.id)) == 6
    other = db.gates.ensure_gate("西门", "compound-gate")
    assert db.passages.count_passages(PassageFilter(gate_id=other.id)) == 0


def test_filters_combine(db: Database, log: list[Passage]) -> None:
    f = PassageFilter(since=T0 + timedelta(hours=2), text="京A")
    assert db.passages.passage_keys(f) == [log[3].seq]


def test_iter_passages_streams_in_both_orders(db: Database, log: list[Passage]) -> None:
    assert list(db.passages.iter_passages(PassageFilter())) == log
    assert list(db.passages.iter_passages(PassageFilter(), oldest_first=False)) == list(reversed(log))
    assert list(db.passages.iter_passages(PassageFilter(text="京A"))) == [log[0], log[3]]
    assert list(db.passages.iter_passages(PassageFilter(text="nobody"))) == []


def test_iter_passages_spans_many_batches(
    db: Database, post: Post, draft: Callable[..., PassageDraft]
) -> None:
    clerk = db.operators.ensure_operator("周文员", Role.OPERATOR)
    db.passages.append_passages(draft(i, operator_id=clerk.id) for i in range(2500))
    streamed = list(db.passages.iter_passages(PassageFilter()))
    assert len(streamed) == 2500
    assert _seqs(streamed) == sorted(_seqs(streamed))
    assert all(len(p.persons) == 2 and p.vehicle is not None for p in streamed)
    backwards = list(
        db.passages.iter_passages(PassageFilter(since=T0 + timedelta(minutes=1000)), oldest_first=False)
    )
    assert len(backwards) == 1500
    assert _seqs(backwards) == sorted(_seqs(backwards), reverse=True)
