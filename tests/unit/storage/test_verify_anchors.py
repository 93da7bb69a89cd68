"""Verify's new checks at the storage level: anchors against purged records, purge_gap rows no purge
vouches for, and the search index's own lists (an insider who swaps FTS5's shadow tables)."""

from __future__ import annotations

import sqlite3
import uuid
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest

from checkpoint.domain.anchor import Anchor
from checkpoint.domain.records import PassageDraft
from checkpoint.storage.database import Database
from checkpoint.storage.integrity import AnchorStatus, ChainProblem
from checkpoint.storage.passage_filter import PassageFilter
from tests.unit.storage.storage_helpers import T0, Post

NOW = T0 + timedelta(days=10)


@pytest.fixture
def seqs(db: Database, draft: Callable[..., PassageDraft]) -> list[int]:
    """Three days of passages, one every two hours, some with a note."""
    notes = ["夜间" if i % 5 == 0 else "" for i in range(36)]
    return [db.passages.append_passage(draft(i * 120, note=note)).seq for i, note in enumerate(notes)]


def _raw(db_path: Path, *statements: str) -> None:
    with sqlite3.connect(db_path) as raw:
        for statement in statements:
            raw.execute(statement)
    raw.close()


def test_an_issued_anchor_holds_through_a_purge_and_external_anchors_on_purged_records_are_judged(
    db: Database, post: Post, seqs: list[int]
) -> None:
    issued = db.anchors.issue("handover pdf /media/usb/a.pdf", NOW, post.leader.id)
    first_day = [seq for seq in seqs if seq < seqs[12]]  # before T0 + 1 day
    hashes = {link.seq: link.hash for link in db.chained_records()}
    db.retention.purge(T0 + timedelta(days=1), at=NOW, operator_id=None)

    station = db.station_id
    end_of_run = Anchor(first_day[-1], hashes[first_day[-1]], station)  # the run keeps its last hash
    inside_run = Anchor(first_day[3], hashes[first_day[3]], station)
    report = db.verify(anchors=[issued, end_of_run, inside_run, Anchor(db.verify().head_seq + 5, "a" * 64)])
    assert report.first_break is None and report.purged == len(first_day)
    assert [check.status for check in report.anchors] == [
        AnchorStatus.OK,
        AnchorStatus.OK,
        AnchorStatus.PURGED,
        AnchorStatus.MISSING,
    ]
    assert not report.ok and report.anchors_ok is False
    assert [item.anchor for item in db.anchors.issued()] == [issued]


def test_a_gap_row_no_purge_owns_is_a_break_even_where_the_records_are_still_there(
    db: Database, db_path: Path, seqs: list[int]
) -> None:
    victim = seqs[5]
    _raw(
        db_path,
        "INSERT INTO purge_gap(purge_uuid, station_id, first_seq, last_seq, prev_hash, hash) "
        f"SELECT '{uuid.uuid4()}', station_id, seq, seq, prev_hash, hash FROM passage WHERE seq = {victim}",
    )
    brk = db.verify().first_break
    assert brk is not None and (brk.seq, brk.problem) == (victim, ChainProblem.UNVOUCHED_GAP)


def test_a_gap_row_moved_to_another_purge_breaks_both(
    db: Database, db_path: Path, post: Post, seqs: list[int]
) -> None:
    db.retention.purge(T0 + timedelta(days=2), at=NOW, operator_id=None)
    assert db.verify().ok
    _raw(
        db_path,
        "UPDATE purge_gap SET purge_uuid = (SELECT uuid FROM purge ORDER BY seq DESC LIMIT 1) "
        "WHERE id = (SELECT min(id) FROM purge_gap)",
    )
    brk = db.verify().first_break
    assert brk is not None and brk.kind == "purge" and brk.problem is ChainProblem.HASH_MISMATCH


def test_search_index_rows_deleted_or_added_are_counted_and_named(
    db: Database, db_path: Path, seqs: list[int]
) -> None:
    report = db.verify()
    assert report.ok and report.search_index is not None and report.search_index.rows > 36
    [victim] = db.passages.fetch_passages([seqs[7]])
    _raw(
        db_path,
        f"DELETE FROM passage_fts WHERE rowid IN (SELECT id * 4 + 1 FROM person_check "
        f"WHERE passage_uuid = '{victim.uuid}')",
        "INSERT INTO passage_fts(rowid, body, passage_id) VALUES (999999, '王伪造', 1)",
    )
    index = db.verify().search_index
    assert index is not None and not index.ok
    assert (index.missing, index.extra, index.index_ok) == (len(victim.persons), 1, True)
    assert index.first_passage == (victim.seq, str(victim.uuid))
    assert db.rebuild_search_index(NOW) > 0
    assert db.verify().ok


def test_a_search_index_whose_lists_were_rebuilt_without_a_person_is_caught(
    db: Database, db_path: Path, seqs: list[int]
) -> None:
    """The insider builds an index without one plate in a scratch FTS5 table and copies its lists over the
    station's: every index row is still there, but a search no longer finds that vehicle."""
    [victim] = db.passages.fetch_passages([seqs[7]])
    assert victim.vehicle is not None
    plate = victim.vehicle.plate
    assert victim.seq in db.passages.passage_keys(PassageFilter(text=plate))
    row = f"(SELECT id * 4 + 2 FROM vehicle WHERE passage_uuid = '{victim.uuid}')"
    _raw(
        db_path,
        "CREATE VIRTUAL TABLE scratch USING fts5(body, passage_id UNINDEXED, tokenize='trigram')",
        "INSERT INTO scratch(rowid, body, passage_id) SELECT rowid, "
        f"CASE WHEN rowid = {row} THEN '' ELSE body END, passage_id FROM passage_fts",
        "DELETE FROM passage_fts_data",
        "INSERT INTO passage_fts_data SELECT * FROM scratch_data",
        "DELETE FROM passage_fts_idx",
        "INSERT INTO passage_fts_idx SELECT * FROM scratch_idx",
        "DROP TABLE scratch",
    )
    assert victim.seq not in db.passages.passage_keys(PassageFilter(text=plate))
    index = db.verify().search_index
    assert index is not None and (index.missing, index.extra, index.index_ok) == (0, 0, False)
