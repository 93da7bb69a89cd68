"""The duplicate-token lookup: the last time this shift recorded exactly this code text."""

from __future__ import annotations

import dataclasses
from datetime import timedelta

from checkpoint.domain.records import PassageDraft, PersonCheck
from checkpoint.storage.database import Database
from tests.unit.storage.storage_helpers import T0, Post, make_draft

TOKEN = "https://ykm.example.gov.cn/ykm/qr?t=ABC123"


def _with_token(post: Post, minutes: float, token: str) -> PassageDraft:
    return make_draft(post, minutes, persons=(PersonCheck(name="张三", code_text=token),))


def test_code_seen_in_shift_gives_the_latest_exact_match(db: Database, post: Post) -> None:
    assert db.passages.code_seen_in_shift(TOKEN, post.shift.id) is None
    db.passages.append_passage(_with_token(post, 5, TOKEN))
    db.passages.append_passage(_with_token(post, 20, TOKEN))
    db.passages.append_passage(_with_token(post, 30, TOKEN + "X"))
    assert db.passages.code_seen_in_shift(TOKEN, post.shift.id) == T0 + timedelta(minutes=20)
    assert db.passages.code_seen_in_shift(TOKEN.upper(), post.shift.id) is None  # exact, not case-folded
    assert db.passages.code_seen_in_shift("", post.shift.id) is None


def test_code_seen_in_shift_ignores_other_shifts(db: Database, post: Post) -> None:
    db.passages.append_passage(_with_token(post, 5, TOKEN))
    db.shifts.close_shift(post.shift.id, T0 + timedelta(hours=8))
    later = db.shifts.open_shift(post.gate.id, post.leader.id, T0 + timedelta(hours=8), "夜班")
    assert db.passages.code_seen_in_shift(TOKEN, later.id) is None
    db.passages.append_passage(
        dataclasses.replace(
            _with_token(post, 9 * 60, TOKEN),
            shift_id=later.id,
        )
    )
    assert db.passages.code_seen_in_shift(TOKEN, later.id) == T0 + timedelta(hours=9)
