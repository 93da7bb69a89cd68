"""Retention: a purge removes old passages, keeps their counts for the handover, and verify still passes;
a row removed any other way still breaks the chain."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from checkpoint.domain.handover import HandoverSummary, build_handover
from checkpoint.domain.records import AuditAction, PassageDraft, Role, Vehicle
from checkpoint.storage.database import Database
from checkpoint.storage.integrity import ChainProblem
from checkpoint.storage.passage_filter import PassageFilter
from tests.unit.storage.storage_helpers import T0, Post

NOW = T0 + timedelta(days=10)


@pytest.fixture
def history(db: Database, post: Post, draft: Callable[..., PassageDraft]) -> list[int]:
    """Passages over five days (every 90 minutes), a correction among them; returns their seqs."""
    seqs = []
    for index in range(5 * 16):
        seqs.append(db.passages.append_passage(draft(index * 90, note="夜间" if index % 7 == 0 else "")).seq)
    original = db.passages.fetch_passages([seqs[3]])[0]
    fix = draft(
        original.at.timestamp() / 60 - T0.timestamp() / 60,
        corrects=original.uuid,
        correction_reason="车牌录入错误",
        vehicle=Vehicle(plate="京A54321"),
    )
    seqs.append(db.passages.append_passage(fix).seq)
    db.audit.append_audit(AuditAction.SETTINGS_CHANGED, "between the passages", NOW)
    return seqs


def _summary(db: Database, post: Post, since: datetime, until: datetime) -> HandoverSummary:
    report = build_handover(
        db.passages.iter_passages(PassageFilter(since=since, until=until, gate_id=post.gate.id)),
        gate=post.gate,
        window_start=since,
        window_end=until,
        shift=None,
        generated_at=NOW,
        purged=db.retention.purged_hours(post.gate.id, since, until),
    )
    return report.summary


def _state(db: Database) -> tuple[int, int, int]:
    return (
        db.passages.count_passages(PassageFilter()),
        len(db.audit.audit_entries()),
        db.verify().records_checked,
    )


def test_the_dry_run_shows_what_would_go_and_changes_nothing(db: Database, history: list[int]) -> None:
    before = _state(db)
    plan = db.retention.plan_purge(T0 + timedelta(days=2))
    assert plan.passages == 2 * 16 + 1  # two days and the correction (its time is the original's)
    assert plan.oldest == T0 and plan.newest is not None and plan.newest < T0 + timedelta(days=2)
    assert plan.per_month == (("2026-11", 33),)
    assert _state(db) == before


def test_a_purge_keeps_the_handover_totals_and_the_chain(
    db: Database, post: Post, history: list[int]
) -> None:
    days = [(T0 + timedelta(days=d), T0 + timedelta(days=d + 1)) for d in range(5)]
    whole = (T0, T0 + timedelta(days=5))
    before = [_summary(db, post, *w) for w in (*days, whole)]
    assert before[-1].passages == 80 and before[-1].corrections == 1

    result = db.retention.purge(T0 + timedelta(days=3), at=NOW, operator_id=post.leader.id)

    assert result.passages == 3 * 16 + 1 and result.days == 4  # UTC days: T0 is 08:00
    assert db.passages.count_passages(PassageFilter()) == 2 * 16
    assert db.passages.count_passages(PassageFilter(until=T0 + timedelta(days=3))) == 0
    assert [_summary(db, post, *w) for w in (*days, whole)] == before
    report = db.verify()
    assert report.ok, report.first_break
    audit = db.audit.audit_entries()[-1]
    assert audit.action is AuditAction.PURGE and f"{result.passages} passages" in audit.detail
    assert audit.operator_id == post.leader.id
    # A second purge of the same window finds nothing more, and the chain still verifies.
    assert db.retention.purge(T0 + timedelta(days=3), at=NOW, operator_id=None).passages == 0
    assert db.verify().ok


def test_the_search_index_loses_purged_rows(db: Database, post: Post, history: list[int]) -> None:
    assert db.passages.count_passages(PassageFilter(text="夜间")) == 12
    db.retention.purge(T0 + timedelta(days=5), at=NOW, operator_id=None)
    assert db.passages.count_passages(PassageFilter(text="夜间")) == 0
    assert db.passages.count_passages(PassageFilter(text="京A12")) == 0


def test_an_original_a_newer_correction_names_is_kept(
    db: Database, post: Post, draft: Callable[..., PassageDraft]
) -> None:
    original = db.passages.append_passage(draft(0))
    db.passages.append_passage(draft(1))
    fix = db.passages.append_passage(draft(3 * 24 * 60, corrects=original.uuid, correction_reason="补录"))
    plan = db.retention.plan_purge(T0 + timedelta(days=1))
    assert (plan.passages, plan.kept_for_corrections) == (1, 1)
    db.retention.purge(T0 + timedelta(days=1), at=NOW, operator_id=None)
    assert {p.uuid for p in db.passages.iter_passages(PassageFilter())} == {original.uuid, fix.uuid}
    assert db.verify().ok


def _raw(db_path: Path, *statements: str) -> None:
    with sqlite3.connect(db_path) as raw:
        raw.execute("PRAGMA foreign_keys=OFF")
        for statement in statements:
            raw.execute(statement)
    raw.close()


def test_a_passage_deleted_outside_a_purge_still_breaks_verify(
    db: Database, db_path: Path, post: Post, history: list[int]
) -> None:
    db.retention.purge(T0 + timedelta(days=2), at=NOW, operator_id=None)
    assert db.verify().ok
    victim = history[-10]  # a passage the purge kept
    [passage] = db.passages.fetch_passages([victim])
    _raw(
        db_path,
        f"DELETE FROM person_check WHERE passage_uuid = '{passage.uuid}'",
        f"DELETE FROM vehicle WHERE passage_uuid = '{passage.uuid}'",
        f"DELETE FROM passage WHERE seq = {victim}",
    )
    brk = db.verify().first_break
    assert brk is not None and (brk.seq, brk.problem) == (victim, ChainProblem.SEQ_GAP)


def test_an_audit_entry_deleted_inside_a_purged_stretch_breaks_verify(
    db: Database, db_path: Path, post: Post, draft: Callable[..., PassageDraft]
) -> None:
    db.passages.append_passage(draft(0))
    entry = db.audit.append_audit(AuditAction.SETTINGS_CHANGED, "between two old passages", T0)
    db.passages.append_passage(draft(10))
    db.retention.purge(T0 + timedelta(days=1), at=NOW, operator_id=None)
    assert db.verify().ok
    _raw(db_path, f"DELETE FROM audit WHERE seq = {entry.seq}")
    brk = db.verify().first_break
    assert brk is not None and (brk.seq, brk.problem) == (entry.seq, ChainProblem.SEQ_GAP)


def test_an_edited_purge_gap_breaks_verify(db: Database, db_path: Path, history: list[int]) -> None:
    db.retention.purge(T0 + timedelta(days=1), at=NOW, operator_id=None)
    _raw(db_path, "UPDATE purge_gap SET last_seq = last_seq + 1 WHERE id = (SELECT MIN(id) FROM purge_gap)")
    report = db.verify()
    assert not report.ok and report.first_break is not None


def test_a_purge_refuses_a_future_cut_off_and_an_unknown_operator(db: Database, history: list[int]) -> None:
    import uuid

    from checkpoint.storage.errors import InvalidRecordError

    with pytest.raises(InvalidRecordError):
        db.retention.purge(NOW + timedelta(days=1), at=NOW, operator_id=None)
    with pytest.raises(InvalidRecordError):
        db.retention.purge(T0 + timedelta(days=1), at=NOW, operator_id=uuid.uuid4())
    assert db.passages.count_passages(PassageFilter()) == 81
    assert db.operators.ensure_operator("王班长", Role.SHIFT_LEADER)  # untouched records stay usable


def test_a_bulk_load_stores_exactly_what_the_normal_path_stores(tmp_path: Path) -> None:
    import shutil

    from checkpoint.storage.database import open_database
    from tests.unit.storage.storage_helpers import make_draft

    setup = tmp_path / "setup.sqlite3"
    db = open_database(f"sqlite:///{setup}", clock=lambda: NOW)
    gate = db.gates.ensure_gate("G15 东出口", "highway-exit")
    leader = db.operators.ensure_operator("王班长", Role.SHIFT_LEADER)
    post = Post(gate, leader, db.shifts.open_shift(gate.id, leader.id, T0, "白班"))
    db.close()
    drafts = [make_draft(post, m, note="备注" if m % 2 else "") for m in range(6)]
    tables: list[list[tuple[object, ...]]] = []
    for bulk in (False, True):
        path = tmp_path / f"bulk-{bulk}.sqlite3"
        shutil.copy(setup, path)
        db = open_database(f"sqlite:///{path}", clock=lambda: NOW)
        assert db.passages.append_passages(drafts, bulk=bulk) == 6
        assert db.verify().ok
        db.close()
        with sqlite3.connect(path) as raw:
            rows: list[tuple[object, ...]] = []
            for query in (
                "SELECT * FROM passage ORDER BY seq",
                "SELECT * FROM person_check ORDER BY id",
                "SELECT * FROM vehicle ORDER BY id",
            ):
                cursor = raw.execute(query)
                # sealed ID numbers and phones carry a random nonce, and the chain hashes what is stored:
                # those columns differ between any two writes; everything else must be the same
                names = [d[0] for d in cursor.description]
                varies = {
                    i for i, n in enumerate(names) if n.endswith("_sealed") or n in ("hash", "prev_hash")
                }
                rows.extend(tuple(v for i, v in enumerate(r) if i not in varies) for r in cursor.fetchall())
            tables.append(rows)
        raw.close()
    assert len(tables[0]) == 6 * 4
    assert tables[0] == tables[1]
