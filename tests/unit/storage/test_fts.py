"""The log's free-text filter: plate fragments on the FTS5 trigram index, in step; whole names, ID numbers
and phones through their keyed hashes (names and notes are sealed since 0012 and never indexed as text)."""

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


def test_the_index_is_used_and_holds_plates_only(
    db: Database, db_path: Path, draft: Callable[..., PassageDraft]
) -> None:
    assert db.has_search_index  # SQLite here has FTS5 with the trigram tokenizer
    db.passages.append_passage(draft(0, note="拒绝测温"))
    assert _indexed(db_path) == ["京A12345"]  # names and notes are sealed since 0012: never indexed as text


def test_plate_fragments_and_whole_names_match_name_fragments_do_not(
    db: Database, draft: Callable[..., PassageDraft]
) -> None:
    lin = PersonCheck(name="司马建国", id_number="110105194912310021")
    first = db.passages.append_passage(draft(0, persons=(lin,), vehicle=Vehicle(plate="湘A7K2Q9")))
    second = db.passages.append_passage(draft(5, vehicle=Vehicle(plate="粤B12345")))
    assert _keys(db, "司马建国") == [first.seq]  # a whole name: its keyed hash
    assert _keys(db, "司馬 建國") == [first.seq]  # in any spelling of it (domain.names)
    assert _keys(db, "马建国") == []  # a fragment of a name: not searchable (README: sealed names)
    assert _keys(db, "建国") == []
    assert _keys(db, "a7k") == [first.seq]  # case-insensitive plate fragment: the trigram index
    assert _keys(db, "B123") == [second.seq]
    assert _keys(db, "A7") == [first.seq]  # two characters: the short-fragment scan
    assert _keys(db, "欧阳 娜娜") == [second.seq]
    assert _keys(db, '"A7') == []  # quotes and operators are literal text, never FTS syntax
    assert _keys(db, "A7 OR B1") == []


def test_new_passages_are_searchable_at_once(db: Database, draft: Callable[..., PassageDraft]) -> None:
    assert _keys(db, "诸葛亮亮") == []
    walker = PersonCheck(name="诸葛亮亮")
    added = db.passages.append_passage(
        draft(1, subject=SubjectKind.PEDESTRIAN, vehicle=None, persons=(walker,))
    )
    assert _keys(db, "诸葛亮亮") == [added.seq]
    assert _keys(db, "諸葛亮亮") == [added.seq]
    assert db.passages.count_passages(PassageFilter(text="诸葛 亮亮")) == 1
    car = db.passages.append_passage(draft(2, vehicle=Vehicle(plate="浙C9Z8Y7")))
    assert _keys(db, "9Z8") == [car.seq]


def test_whole_id_numbers_and_phones_match_exactly_fragments_do_not(
    db: Database, draft: Callable[..., PassageDraft]
) -> None:
    added = db.passages.append_passage(draft(0))
    assert _keys(db, "11010519491231002x") == [added.seq]  # the check letter in either case
    assert _keys(db, "13800138000") == [added.seq]
    assert _keys(db, "1949123") == []
    assert _keys(db, "3800138") == []


@pytest.mark.parametrize("text", ["司马建国", "A7K", "湘A7K2Q9"])
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

    older = db.passages.append_passage(draft(0, vehicle=Vehicle(plate="苏E5X6W7")))
    with db._engine.begin() as connection:  # as before revision 0008: no index, no triggers
        fts.drop_index(connection)
    db.passages.append_passage(draft(1))
    with db._engine.begin() as connection:
        assert fts.create_index(connection)
    assert _keys(db, "5X6") == [older.seq]
    assert len(_keys(db, "A1234")) == 1
    assert _indexed(db_path) == ["苏E5X6W7", "京A12345"]


def test_a_bulk_load_cut_off_with_the_index_suspended_is_repaired_at_open(
    db: Database, db_path: Path, draft: Callable[..., PassageDraft]
) -> None:
    from checkpoint.storage import fts
    from checkpoint.storage.database import open_database

    with db._engine.begin() as connection:  # what search_index_suspended() leaves if the process dies
        fts.suspend(connection)
    unindexed = db.passages.append_passage(draft(0, vehicle=Vehicle(plate="闽D1Q2R3")))
    db.close()
    again = open_database(f"sqlite:///{db_path}")
    try:
        assert _keys(again, "1Q2") == [unindexed.seq]
        later = again.passages.append_passage(draft(1, vehicle=Vehicle(plate="闽D4S5T6")))
        assert _keys(again, "4S5") == [later.seq]
    finally:
        again.close()


def test_a_bulk_load_rebuilds_the_index_once_at_the_end(
    db: Database, draft: Callable[..., PassageDraft]
) -> None:
    with db.search_index_suspended():
        db.passages.append_passages(
            [draft(m, vehicle=Vehicle(plate=f"京B{m:05d}")) for m in range(30)], bulk=True
        )
        assert _keys(db, "B00007") == []  # not kept in step during the load
    assert len(_keys(db, "B00007")) == 1
    assert len(_keys(db, "欧阳娜娜")) == 30  # whole names: the keyed-hash index, always in step


@pytest.mark.parametrize("text", ["司马建国", "A7K2", "13800138000"])
def test_a_search_reads_the_hits_not_every_passage_of_the_window(
    db: Database, draft: Callable[..., PassageDraft], text: str
) -> None:
    """On five million passages a name search walked the whole station's time index testing each row
    against the hits (a constant "OR 0 = 1" made the hits unusable as an index): 0.95 s. The plan must
    start from the hits: the rowids the index found, and the keyed hashes of a whole name or number."""
    db.passages.append_passage(
        draft(0, persons=(PersonCheck(name="司马建国"),), vehicle=Vehicle(plate="湘A7K2Q9"))
    )
    with selects(db) as run:
        db.passages.passage_keys(PassageFilter(text=text, since=datetime(2000, 1, 1, tzinfo=UTC)))
    [statement] = run
    shown = plan(db, statement)
    assert "INTEGER PRIMARY KEY (rowid=?)" in shown, shown
    assert "ix_passage_station_id_at" not in shown, shown
