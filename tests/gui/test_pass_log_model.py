"""The lazy pass-log model on a real temp database: order, batches, live inserts, filters, colours."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QBrush
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from checkpoint.domain.records import (
    CodeColour,
    Direction,
    Outcome,
    Passage,
    PassageDraft,
    PersonCheck,
    Reason,
    Role,
    SubjectKind,
    Vehicle,
)
from checkpoint.station.log import LogService, PassageFilter
from checkpoint.storage.database import Database, open_database
from checkpoint.ui.pass_log_model import Column, PassLogModel, matches

T0 = datetime(2026, 11, 22, 8, 0, tzinfo=UTC)


class Log:
    """A temp database with one gate, operator and shift, and a way to append passages."""

    def __init__(self, database: Database) -> None:
        self.database = database
        self.gate = database.gates.ensure_gate("G1", "highway-exit")
        self.operator = database.operators.ensure_operator("王芳", Role.OPERATOR)
        self.shift = database.shifts.open_shift(self.gate.id, self.operator.id, T0, "day")
        self.service = LogService(database)

    def draft(
        self,
        minutes: int,
        *,
        plate: str = "",
        names: tuple[str, ...] = ("张三",),
        colour: CodeColour = CodeColour.GREEN,
        temperature: float | None = 36.5,
        outcome: Outcome = Outcome.PASS,
        shift: bool = True,
    ) -> PassageDraft:
        persons = tuple(
            PersonCheck(name=name, code_colour=colour, temperature=temperature, code_text=f"CPS1:{name}")
            for name in names
        )
        return PassageDraft(
            at=T0 + timedelta(minutes=minutes),
            direction=Direction.IN,
            subject=SubjectKind.VEHICLE if plate else SubjectKind.PEDESTRIAN,
            outcome=outcome,
            gate_id=self.gate.id,
            operator_id=self.operator.id,
            shift_id=self.shift.id if shift else None,
            reasons=(Reason.ALL_CHECKS_CLEAR,) if outcome is Outcome.PASS else (Reason.CODE_RED,),
            persons=persons,
            vehicle=Vehicle(plate=plate, kind="car") if plate else None,
        )

    def add(self, minutes: int, **kwargs: object) -> Passage:
        return self.database.passages.append_passage(self.draft(minutes, **kwargs))  # type: ignore[arg-type]


@pytest.fixture()
def log(tmp_path: Path) -> Iterator[Log]:
    database = open_database(f"sqlite:///{tmp_path / 'log.sqlite3'}")
    yield Log(database)
    database.close()


def cell(model: PassLogModel, row: int, column: Column, role: int = Qt.ItemDataRole.DisplayRole) -> object:
    return model.data(model.index(row, column), role)


def test_rows_are_newest_first_with_readable_cells(log: Log, qtmodeltester: ModelTester) -> None:
    log.add(1, names=("张三",))
    log.add(2, plate="京A12345", names=("李四", "王五"), colour=CodeColour.YELLOW)
    log.add(3, names=("赵六",), colour=CodeColour.RED, temperature=37.8, outcome=Outcome.HOLD)
    model = PassLogModel(log.service)
    qtmodeltester.check(model)
    assert model.rowCount() == 3
    assert cell(model, 0, Column.NAMES) == "赵*"
    assert cell(model, 1, Column.PLATE) == "京A12345"
    assert cell(model, 1, Column.PERSONS) == "2"
    assert cell(model, 1, Column.NAMES) == "李*, 王*"
    assert cell(model, 1, Column.COLOURS) == "Yellow code ×2"
    assert cell(model, 1, Column.SUBJECT) == "Vehicle"
    assert cell(model, 0, Column.TEMPERATURE) == "37.8"
    assert cell(model, 0, Column.OUTCOME) == "Hold / hand over"
    assert cell(model, 2, Column.OUTCOME) == "Pass"
    local = (T0 + timedelta(minutes=1)).astimezone()
    assert cell(model, 2, Column.TIME) == local.strftime("%Y-%m-%d %H:%M:%S")
    assert model.headerData(Column.PLATE, Qt.Orientation.Horizontal) == "Plate"


def test_outcome_colour_and_fever_cells_have_backgrounds(log: Log) -> None:
    log.add(1)
    log.add(2, colour=CodeColour.RED, temperature=37.3, outcome=Outcome.HOLD)
    model = PassLogModel(log.service)
    hold_bg = cell(model, 0, Column.OUTCOME, Qt.ItemDataRole.BackgroundRole)
    pass_bg = cell(model, 1, Column.OUTCOME, Qt.ItemDataRole.BackgroundRole)
    assert isinstance(hold_bg, QBrush) and isinstance(pass_bg, QBrush)
    assert hold_bg.color() != pass_bg.color()
    assert cell(model, 0, Column.TEMPERATURE, Qt.ItemDataRole.BackgroundRole) is not None  # 37.3 is a fever
    assert cell(model, 1, Column.TEMPERATURE, Qt.ItemDataRole.BackgroundRole) is None
    assert cell(model, 0, Column.COLOURS, Qt.ItemDataRole.BackgroundRole) is not None
    assert cell(model, 0, Column.PLATE, Qt.ItemDataRole.BackgroundRole) is None


def test_rows_are_fetched_in_batches_only_when_asked_for(log: Log) -> None:
    log.database.passages.append_passages(log.draft(minute) for minute in range(250))
    model = PassLogModel(log.service, batch_size=50, cache_limit=100)
    assert model.rowCount() == 250
    assert model.fetches == 0 and model.cached_rows() == 0  # opening loads keys only
    assert cell(model, 0, Column.TIME) is not None
    assert model.fetches == 1 and model.cached_rows() == 50
    for row in range(50):
        cell(model, row, Column.NAMES)
    assert model.fetches == 1  # the whole first batch came in one query
    last = model.passage(249)
    assert last is not None
    assert last.at == T0  # the oldest passage is the bottom row
    assert model.fetches == 2
    for row in range(60, 200):
        cell(model, row, Column.NAMES)
    assert model.cached_rows() <= 100  # the cache stays bounded however far one scrolls


def test_a_new_passage_is_inserted_at_the_top_without_a_reset(qtbot: QtBot, log: Log) -> None:
    for minute in range(5):
        log.add(minute)
    model = PassLogModel(log.service)
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    newest = log.add(10, names=("孙七",))
    counts_when_told: list[int] = []  # Qt's contract: the count changes between begin and end
    model.rowsAboutToBeInserted.connect(lambda *_: counts_when_told.append(model.rowCount()))
    with qtbot.waitSignal(model.rowsInserted) as inserted:
        model.append_passage(newest)
    assert counts_when_told == [5]
    parent, first, last = inserted.args
    assert not QModelIndex(parent).isValid() and (first, last) == (0, 0)
    assert not resets
    assert model.rowCount() == 6
    assert cell(model, 0, Column.NAMES) == "孙*"
    model.append_passage(newest)  # the same passage again (e.g. a refresh already had it): no duplicate
    assert model.rowCount() == 6


def test_a_filter_change_resets_and_non_matching_passages_stay_out(qtbot: QtBot, log: Log) -> None:
    log.add(1, plate="沪B00001")
    log.add(2, plate="粤C22222")
    model = PassLogModel(log.service)
    with qtbot.waitSignal(model.modelReset):
        model.set_filter(PassageFilter(text="沪b"))
    assert model.rowCount() == 1
    assert cell(model, 0, Column.PLATE) == "沪B00001"
    model.append_passage(log.add(3, plate="粤C33333"))
    assert model.rowCount() == 1
    model.append_passage(log.add(4, plate="沪B44444"))
    assert model.rowCount() == 2
    assert cell(model, 0, Column.PLATE) == "沪B44444"


@pytest.mark.parametrize(
    "passage_filter",
    [
        PassageFilter(),
        PassageFilter(since=T0 + timedelta(minutes=2)),
        PassageFilter(until=T0 + timedelta(minutes=2)),
        PassageFilter(since=T0 + timedelta(minutes=1), until=T0 + timedelta(minutes=3)),
        PassageFilter(text="张"),
        PassageFilter(text="cps1:李"),
        PassageFilter(text="a1"),
        PassageFilter(plate="京a11111"),
        PassageFilter(name="李四"),
        PassageFilter(shift_id=uuid.uuid4()),
        PassageFilter(gate_id=uuid.uuid4()),
    ],
)
def test_the_live_insert_rule_agrees_with_the_database_query(log: Log, passage_filter: PassageFilter) -> None:
    passages = [
        log.add(0, names=("张三",)),
        log.add(1, plate="京A11111", names=("李四", "张伟")),
        log.add(2, names=("王五",), shift=False),
        log.add(3, plate="津B00000", names=("赵六",)),
    ]
    expected = set(log.database.passages.passage_keys(passage_filter))
    assert {p.seq for p in passages if matches(p, passage_filter)} == expected


def test_a_large_log_shows_the_same_rows_read_a_page_at_a_time(qtbot: QtBot, log: Log) -> None:
    """Past the all-keys limit the model counts and reads pages of keys: same rows, same order, same
    live inserts, and never more keys in memory than the pages read."""
    log.database.passages.append_passages(log.draft(minute, names=(f"张{minute}",)) for minute in range(120))
    small = PassLogModel(log.service)
    paged_service = LogService(log.database, all_keys_limit=10, page_rows=8)
    model = PassLogModel(paged_service, batch_size=5)
    assert model.rows.paged and not small.rows.paged
    assert model.rowCount() == small.rowCount() == 120
    for row in (0, 119, 64, 3, 100):  # top, far end, middle, back up
        assert cell(model, row, Column.NAMES) == cell(small, row, Column.NAMES)
        assert model.passage(row) == small.passage(row)
    assert model.rows.reads <= 6  # a batch of rows read spans one page of keys or two
    newest = log.add(500, names=("孙七",))
    with qtbot.waitSignal(model.rowsInserted):
        model.append_passage(newest)
    assert model.rowCount() == 121 and cell(model, 0, Column.NAMES) == "孙*"
    assert cell(model, 120, Column.TIME) == cell(small, 119, Column.TIME)
