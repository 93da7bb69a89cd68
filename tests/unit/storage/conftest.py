"""Fixtures for the storage tests: a fresh file database in tmp_path and a way to make passage drafts."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from checkpoint.domain.records import (
    CodeColour,
    CodeKind,
    Direction,
    Gate,
    Itinerary,
    Operator,
    Outcome,
    PassageDraft,
    PersonCheck,
    Reason,
    Role,
    Shift,
    SubjectKind,
    Vehicle,
)
from checkpoint.storage import Database, open_database

T0 = datetime(2026, 11, 22, 8, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CHECKPOINT_HOME", str(tmp_path / "home"))


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "checkpoint.sqlite3"


@pytest.fixture
def db(db_path: Path) -> Iterator[Database]:
    database = open_database(f"sqlite:///{db_path}")
    yield database
    database.close()


@dataclass(frozen=True)
class Post:
    """A gate with a leader on an open shift: what every passage needs."""

    gate: Gate
    leader: Operator
    shift: Shift


@pytest.fixture
def post(db: Database) -> Post:
    gate = db.ensure_gate("G15 东出口", "highway-exit")
    leader = db.ensure_operator("王班长", Role.SHIFT_LEADER)
    shift = db.open_shift(gate.id, leader.id, T0, "白班")
    return Post(gate, leader, shift)


def make_draft(post: Post, minutes: float = 0, **changes: Any) -> PassageDraft:
    """A highway vehicle with a driver and a passenger, changed by keyword."""
    fields: dict[str, Any] = {
        "at": T0 + timedelta(minutes=minutes),
        "direction": Direction.IN,
        "subject": SubjectKind.VEHICLE,
        "outcome": Outcome.PASS,
        "gate_id": post.gate.id,
        "operator_id": post.leader.id,
        "shift_id": post.shift.id,
        "reasons": (Reason.CODE_GREEN, Reason.ALL_CHECKS_CLEAR),
        "rules_version": "highway-exit@3",
        "persons": (
            PersonCheck(
                name="张伟",
                id_number="11010519491231002X",
                phone="13800138000",
                code_text="https://jkm.example.gov.cn/q?t=abc123",
                code_kind=CodeKind.HEALTH_CODE,
                code_colour=CodeColour.GREEN,
                itinerary=Itinerary.GREEN,
                test_age_days=1,
                temperature=36.6,
                is_driver=True,
            ),
            PersonCheck(
                name="欧阳娜娜", code_colour=CodeColour.GREEN, temperature=36.4, verified=("vaccination",)
            ),
        ),
        "vehicle": Vehicle(plate="京A12345", kind="car", origin="北京", destination="天津"),
        "uuid": uuid.uuid4(),
    }
    fields.update(changes)
    return PassageDraft(**fields)


@pytest.fixture
def draft(post: Post) -> Callable[..., PassageDraft]:
    def factory(minutes: float = 0, **changes: Any) -> PassageDraft:
        return make_draft(post, minutes, **changes)

    return factory
