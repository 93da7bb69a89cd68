"""The log's free-text filter on the FTS5 trigram index: fragments of Chinese names and plates, in step."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from checkpoint.domain.records import PassageDraft, PersonCheck, SubjectKind, Vehicle
from checkpoint.storage.database import Database
from checkpoint.storage.fts import FTS_TABLE
from checkpoint.storage.passage_filter import PassageFilter
from tests.query_plans import plan, selects
from tests.unit.storage.storage_helpers import Post


def _keys(db: Database, text: str) -> list[int]:
    return db.passages.passage_keys(PassageFilter(text=text))


def _indexed(db_path: Path) -> list[str]:
    with sqlite3.connect(db_path) as raw:
        rows = raw.execute(f"SELECT body FROM {FTS_TABLE} ORDER BY rowid").fetchall()
    raw.close()
    return [row[0] for row in rows]


def test_the_index_is_used_and_holds_names_plates_and_notes_only(
    db: Database, db_path: Path, draft: Callable[..., PassageDraft]
) -> None:
    assert db.has_search_index  # SQLite here has FTS5 with the trigram tokenizer
    db.passages.append_passage(draft(0, note="拒绝测温"))
    bodies = _indexed(db_path)
    assert sorted(bodies) == sorted(["张伟", "欧阳娜娜", "京A12345", "拒绝测温"])
    assert not any("11010519491231002X" in b or "13800138000" in b or "jkm" in b for b in bodies)


def test_fragments_of_chinese_names_and_plates_match(
    db: Database, draft: Callable[..., PassageDraft]
) -> None:
    lin = PersonCheck(name="司马建国", id_number="110105194912310021")
    first = db.passages.append_passage(draft(0, persons=(lin,), vehicle=Vehicle(plate="湘A7K2Q9")))
    second = db.passages.append_passage(draft(5, vehicle=Vehicle(plate="粤B12345")))
    assert _keys(db, "马建国") == [first.seq]  # three characters: the trigram index
    assert _keys(db, "建国") == [first.seq]  # two: the short-fragment scan
    assert _keys(db, "a7k") == [first.seq]  # case-insensitive plate fragment
    assert _keys(db, "B123") == [second.seq]
    assert _keys(db, "欧阳娜") == [second.seq]
    assert _keys(db, '"A7') == []  # quotes and operators are literal text, never FTS syntax
    assert _keys(db, "A7 OR B1") == []


def test_new_passages_are_searchable_at_once(db: Database, draft: Callable[..., PassageDraft]) -> None:
    assert _keys(db, "诸葛亮亮") == []
    walker = PersonCheck(name="诸葛亮亮")
    added = db.passages.append_passage(
        draft(1, subject=SubjectKind.PEDESTRIAN, vehicle=None, persons=(walker,))
    )
    assert _keys(db, "诸葛亮亮") == [added.seq]
    assert _keys(db, "葛亮亮") == [added.seq]
    assert db.passages.count_passages(PassageFilter(text="葛亮亮")) == 1


def test_whole_id_numbers_and_phones_match_exactly_fragments_do_not(
    db: Database, draft: Callable[..., PassageDraft]
) -> None:
    added = db.passages.append_passage(draft(0))
    assert _keys(db, "11010519491231002x") == [added.seq]  # the check letter in either case
    assert _keys(db, "13800138000") == [added.seq]
    assert _keys(db, "1949123") == []
    assert _keys(db, "3800138") == []


@pytest.mark.parametrize("text", ["马建国", "A7K", "湘A7K2Q9"])
def test_the_window_still_bounds_the_search(
    db: Database, post: Post, draft: Callable[..., PassageDraft], text: str
) -> None:
    lin = PersonCheck(name="司马建国")
    early = db.passages.append_passage(draft(0, persons=(lin,), vehicle=Vehicle(plate="湘A7K2Q9")))
    late = db.passages.append_passage(draft(120, persons=(lin,), vehicle=Vehicle(plate="湘A7K2Q9")))
    assert _keys(db, text) == [late.seq, early.seq]
    assert db.passages.passage_keys(PassageFilter(text=text, since=late.at)) == [late.seq]


def test_the_migration_indexes_what_was_recorded_before_it(
    db: Database, db_path: Path, draft: Callable[..., PassageDraft]
) -> None:
    from checkpoint.storage import fts

    older = db.passages.append_passage(draft(0, note="司机未戴口罩"))
    with db._engine.begin() as connection:  # as before revision 0008: no index, no triggers
        fts.drop_index(connection)
    db.passages.append_passage(draft(1))
    with db._engine.begin() as connection:
        assert fts.create_index(connection)
    assert _keys(db, "未戴口") == [older.seq]
    assert len(_keys(db, "欧阳娜")) == 2


def test_a_bulk_load_cut_off_with_the_index_suspended_is_repaired_at_open(
    db: Database, db_path: Path, draft: Callable[..., PassageDraft]
) -> None:
    from checkpoint.storage import fts
    from checkpoint.storage.database import open_database

    with db._engine.begin() as connection:  # what search_index_suspended() leaves if the process dies
        fts.suspend(connection)
    unindexed = db.passages.append_passage(draft(0, note="断电前最后一条"))
    db.close()
    again = open_database(f"sqlite:///{db_path}")
    try:
        assert _keys(again, "前最后") == [unindexed.seq]
        later = again.passages.append_passage(draft(1, note="重新打开之后"))
        assert _keys(again, "打开之") == [later.seq]
    finally:
        again.close()


def test_a_bulk_load_rebuilds_the_index_once_at_the_end(
    db: Database, draft: Callable[..., PassageDraft]
) -> None:
    with db.search_index_suspended():
        db.passages.append_passages([draft(m, note=f"批量{m:03d}号") for m in range(30)], bulk=True)
        assert _keys(db, "批量007") == []  # not kept in step during the load
    assert len(_keys(db, "批量007")) == 1
    assert len(_keys(db, "欧阳娜")) == 30


@pytest.mark.parametrize("text", ["马建国", "13800138000"])
def test_a_search_reads_the_hits_not_every_passage_of_the_window(
    db: Database, draft: Callable[..., PassageDraft], text: str
) -> None:
    """On five million passages a name search walked the whole station's time index testing each row
    against the hits (a constant "OR 0 = 1" made the hits unusable as an index): 0.95 s. The plan must
    start from the hits: the rowids the index found, and the keyed hashes of a whole number."""
    db.passages.append_passage(draft(0, persons=(PersonCheck(name="司马建国"),)))
    with selects(db) as run:
        db.passages.passage_keys(PassageFilter(text=text, since=datetime(2000, 1, 1, tzinfo=UTC)))
    [statement] = run
    shown = plan(db, statement)
    assert "INTEGER PRIMARY KEY (rowid=?)" in shown, shown
    assert "ix_passage_station_id_at" not in shown, shown
