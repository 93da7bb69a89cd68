"""Fixtures for the storage tests: a fresh file database in tmp_path and a way to make passage drafts."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from checkpoint.domain.records import PassageDraft, Role
from checkpoint.storage.database import Database, open_database
from tests.conftest import give_data_key
from tests.unit.storage.storage_helpers import T0, Post, make_draft


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A home in this test's tmp_path, with the data key every test home starts with (tests/conftest.py);
    a test of a new, missing or wrong key removes or replaces it."""
    give_data_key(tmp_path / "home")
    monkeypatch.setenv("CHECKPOINT_HOME", str(tmp_path / "home"))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "checkpoint.sqlite3"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = open_database(f"sqlite:///{db_path}")
    yield database
    database.close()


@pytest.fixture
def post(db: Database) -> Post:
    gate = db.gates.ensure_gate("G15 东出口", "highway-exit")
    leader = db.operators.ensure_operator("王班长", Role.SHIFT_LEADER)
    shift = db.shifts.open_shift(gate.id, leader.id, T0, "白班")
    return Post(gate, leader, shift)


@pytest.fixture
def draft(post: Post) -> Callable[..., PassageDraft]:
    def factory(minutes: float = 0, **changes: Any) -> PassageDraft:
        return make_draft(post, minutes, **changes)

    return factory
