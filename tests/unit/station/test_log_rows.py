"""The log view's row index on a real temp database: a large result read a page at a time must show
exactly the rows, in exactly the order, that loading every key would, wherever the view jumps."""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from checkpoint.domain.records import (
    CodeColour,
    Direction,
    Outcome,
    PassageDraft,
    PersonCheck,
    Reason,
    Role,
    SubjectKind,
    Vehicle,
)
from checkpoint.station.log import LogRows
from checkpoint.storage.database import Database, open_database
from checkpoint.storage.passage_filter import PassageFilter
from tests.query_plans import Statement, plan, selects

T0 = datetime(2026, 11, 1, 0, 0, tzinfo=UTC)
PASSAGES = 600


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    """Two gates' passages interleaved, every 7th a vehicle with a 京A plate, every 11th a 王 name."""
    path: Path = tmp_path_factory.mktemp("log-rows") / "log.sqlite3"
    db = open_database(f"sqlite:///{path}")
    operator = db.operators.ensure_operator("王芳", Role.OPERATOR)
    gates = [db.gates.ensure_gate("东门", "compound-gate"), db.gates.ensure_gate("西门", "compound-gate")]
    shift = db.shifts.open_shift(gates[0].id, operator.id, T0, "day")

    def draft(index: int) -> PassageDraft:
        vehicle = Vehicle(plate=f"京A{index:05d}", kind="car") if index % 7 == 0 else None
        name = f"王{index}" if index % 11 == 0 else f"李{index}"
        return PassageDraft(
            at=T0 + timedelta(minutes=index),
            direction=Direction.IN if index % 2 else Direction.OUT,
            subject=SubjectKind.VEHICLE if vehicle else SubjectKind.PEDESTRIAN,
            outcome=Outcome.PASS,
            gate_id=gates[index % 2].id,
            operator_id=operator.id,
            shift_id=shift.id,
            reasons=(Reason.ALL_CHECKS_CLEAR,),
            persons=(PersonCheck(name=name, code_colour=CodeColour.GREEN, temperature=36.5),),
            vehicle=vehicle,
        )

    db.passages.append_passages(draft(index) for index in range(PASSAGES))
    db.gate_ids = [g.id for g in gates]  # type: ignore[attr-defined]
    yield db
    db.close()


def filters(database: Database) -> list[PassageFilter]:
    west = database.gate_ids[1]  # type: ignore[attr-defined]
    return [
        PassageFilter(),
        PassageFilter(since=T0 - timedelta(days=365)),  # "the whole log" as the view asks for it
        PassageFilter(since=T0 + timedelta(minutes=100), until=T0 + timedelta(minutes=450)),
        PassageFilter(gate_id=west),
        PassageFilter(text="京A"),
        PassageFilter(text="王", gate_id=west),
    ]


def paged(database: Database, f: PassageFilter, page_rows: int = 7, page_limit: int = 1000) -> LogRows:
    return LogRows(database, f, all_keys_limit=0, page_rows=page_rows, page_limit=page_limit)


def test_a_large_result_is_counted_then_read_a_page_at_a_time(database: Database) -> None:
    rows = paged(database, PassageFilter())
    assert rows.paged and len(rows) == PASSAGES
    assert rows.reads == 0  # opening counts; no key is read until a row is shown
    assert rows.key(0) == max(database.passages.passage_keys(PassageFilter()))
    assert rows.reads == 1


@pytest.mark.parametrize("index", range(6))
def test_paged_rows_equal_the_whole_key_list_in_any_reading_order(database: Database, index: int) -> None:
    f = filters(database)[index]
    expected = database.passages.passage_keys(f)
    assert expected, "the filter must match something for this test to mean anything"
    small = LogRows(database, f)
    assert not small.paged and [small.key(r) for r in range(len(small))] == expected

    rows = paged(database, f)
    assert len(rows) == len(expected)
    order = list(range(len(expected)))
    random.Random(index).shuffle(order)  # jumps back and forth, as a dragged scroll bar does
    assert {row: rows.key(row) for row in order} == dict(enumerate(expected))
    bottom = paged(database, f)
    assert bottom.key(len(expected) - 1) == expected[-1]  # the far end is read from the oldest end


def test_scrolling_reads_each_page_once_and_near_pages_from_their_neighbours(database: Database) -> None:
    rows = paged(database, PassageFilter(), page_rows=10)
    expected = database.passages.passage_keys(PassageFilter())
    assert rows.keys(0, 100) == expected[:100]
    assert rows.reads == 10
    assert rows.keys(0, 100) == expected[:100]
    assert rows.reads == 10  # read pages are kept


def test_the_page_cache_is_bounded_and_evicted_pages_read_again_correctly(database: Database) -> None:
    rows = paged(database, PassageFilter(), page_rows=5, page_limit=3)
    expected = database.passages.passage_keys(PassageFilter())
    for row in (0, 50, 100, 300, 599, 0, 255):
        assert rows.key(row) == expected[row]
    assert len(rows._pages) <= 3


def test_a_passage_recorded_after_opening_is_row_zero_once(database: Database) -> None:
    rows = paged(database, PassageFilter())
    before = len(rows)
    top = rows.key(0)
    assert top is not None
    assert not rows.add(top)  # already a row (read before the signal came)
    assert rows.add(top + 1000) and len(rows) == before + 1
    assert rows.key(0) == top + 1000 and rows.key(1) == top
    assert not rows.add(top + 1000)
    assert rows.keys(0, 2) == [top + 1000, top]


def test_rows_outside_the_range_raise(database: Database) -> None:
    rows = paged(database, PassageFilter())
    with pytest.raises(IndexError):
        rows.key(len(rows))
    with pytest.raises(IndexError):
        rows.key(-1)


def test_purged_rows_read_as_none_and_the_rest_stay_in_order(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'purge.sqlite3'}")
    operator = db.operators.ensure_operator("赵管理", Role.ADMINISTRATOR)
    gate = db.gates.ensure_gate("东门", "compound-gate")
    old = datetime.now(UTC) - timedelta(days=400)
    drafts = [
        PassageDraft(
            at=old + timedelta(days=index * 10),
            direction=Direction.IN,
            subject=SubjectKind.PEDESTRIAN,
            outcome=Outcome.PASS,
            gate_id=gate.id,
            operator_id=operator.id,
            shift_id=None,
            reasons=(Reason.ALL_CHECKS_CLEAR,),
            persons=(PersonCheck(name=f"张{index}"),),
        )
        for index in range(30)
    ]
    db.passages.append_passages(drafts)
    try:
        rows = paged(db, PassageFilter(), page_rows=4)
        expected = db.passages.passage_keys(PassageFilter())
        assert rows.key(0) == expected[0]
        db.retention.purge(
            datetime.now(UTC) - timedelta(days=200), at=datetime.now(UTC), operator_id=operator.id
        )
        kept = db.passages.passage_keys(PassageFilter())
        assert 0 < len(kept) < len(expected)
        shown = rows.keys(0, len(rows))
        assert shown[: len(kept)] == kept  # what is still on record, newest first
        assert all(key in kept for key in shown)
    finally:
        db.close()


def test_a_key_page_walks_the_seq_index_without_sorting(database: Database) -> None:
    """A page of the whole log must never sort millions of rows or walk the time index to find them:
    the query plan walks (station, seq) for every filter the log view sends for a large result."""
    statements: list[Statement] = []
    for f in filters(database):
        rows = paged(database, f)
        with selects(database) as run:
            rows.key(3)  # the first page: the only statement after opening
        statements += run
    assert len(statements) == len(filters(database))
    for statement in statements:
        shown = plan(database, statement)
        assert "uq_passage_station_id_seq" in shown or "sqlite_autoindex_passage" in shown, shown
        assert "TEMP B-TREE" not in shown, shown
        assert "ix_passage_station_id_at" not in shown, shown
        # one upper bound on seq: with two, SQLite seeks to one and tests the other on every
        # entry from the log's top down to the page (a page deep in 5M passages took 0.15 s)
        assert statement.sql.count("passage.seq <") == 1, statement.sql


def test_the_whole_log_as_a_window_from_long_ago_pages_on_the_index_alone(database: Database) -> None:
    """The log view's "whole log" is a window from a date before the first passage: its pages must not
    read a row to check a time that every passage meets (a covering walk of the seq index)."""
    whole = PassageFilter(since=T0 - timedelta(days=365), until=T0 + timedelta(days=365))
    rows = paged(database, whole)
    expected = database.passages.passage_keys(PassageFilter())[300]
    with selects(database) as run:
        assert rows.key(300) == expected
    [statement] = run
    shown = plan(database, statement)
    assert "COVERING INDEX" in shown, shown
    window = paged(database, PassageFilter(since=T0 + timedelta(minutes=30)))
    assert len(window) == PASSAGES - 30  # a bound that cuts the log is kept
    assert window.key(len(window) - 1) == database.passages.passage_keys(PassageFilter())[-31]


def test_a_search_with_few_matches_searches_once_and_loads_its_keys(database: Database) -> None:
    with selects(database) as statements:
        rows = LogRows(database, PassageFilter(text="王1"))
    assert not rows.paged and len(rows) == len(database.passages.passage_keys(PassageFilter(text="王1")))
    assert len(statements) == 2  # the newest seq, then the search itself: no count first
    assert not any("count(" in statement.sql for statement in statements)
