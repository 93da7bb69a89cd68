"""Shared helpers for the storage tests (a uniquely named module, so no other conftest can shadow it)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

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
    Shift,
    SubjectKind,
    Vehicle,
)

T0 = datetime(2026, 11, 22, 8, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Post:
    """A gate with a leader on an open shift: what every passage needs."""

    gate: Gate
    leader: Operator
    shift: Shift


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
