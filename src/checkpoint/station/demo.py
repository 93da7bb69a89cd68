"""``checkpoint demo-data``: a realistic synthetic history written through the normal storage API."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from checkpoint.domain.demo_history import ShiftPlan, generate_history, passages_per_day
from checkpoint.domain.records import PassageDraft, Role
from checkpoint.storage.database import Database

DEMO_GATE = "Gate 1"
DEMO_OPERATORS: tuple[tuple[str, Role], ...] = (
    ("王建国", Role.SHIFT_LEADER),
    ("李秀英", Role.OPERATOR),
    ("张伟", Role.OPERATOR),
    ("刘洋", Role.SHIFT_LEADER),
    ("陈静", Role.OPERATOR),
)


_BATCH = 20_000  # passages per transaction: a shift's traffic at the busiest demo scale


@dataclass(frozen=True, slots=True)
class DemoSummary:
    shifts: int
    passages: int


def scale_for(passages: int, days: int, profile: str) -> float:
    """The traffic scale that gives about ``passages`` passages over ``days`` days of ``profile``."""
    if passages < 1 or days < 1:
        raise ValueError("passages and days must be at least 1")
    return passages / (days * passages_per_day(profile))


def fill_demo_history(
    database: Database,
    *,
    days: int,
    end: datetime,
    seed: int = 0,
    profile: str = "highway-exit",
    gate_name: str = DEMO_GATE,
    scale: float = 1.0,
    progress: Callable[[int], None] | None = None,
) -> DemoSummary:
    """Writes ``days`` days of shifts and passages ending at ``end``; each shift is opened and closed.

    Passages go in as a bulk load (large transactions, no fsync per commit, the search index and the
    planner statistics rebuilt once at the end): millions of them take minutes, not hours. The hash chain
    is the normal one.
    """
    gate = database.gates.ensure_gate(gate_name, profile)
    operators = [database.operators.ensure_operator(name, role) for name, role in DEMO_OPERATORS]
    history = generate_history(
        days=days,
        end=end,
        gate_id=gate.id,
        operator_ids=[op.id for op in operators],
        seed=seed,
        profile=profile,
        scale=scale,
    )
    shifts = 0
    written = 0
    plan: ShiftPlan | None = None
    real_id: uuid.UUID | None = None
    batch: list[PassageDraft] = []

    def flush() -> None:
        nonlocal written
        if batch:
            written += database.passages.append_passages(batch, _BATCH, bulk=True, refresh=False)
            batch.clear()
            if progress is not None:
                progress(written)

    def close(current: ShiftPlan | None, shift_id: uuid.UUID | None) -> None:
        flush()
        if current is not None and shift_id is not None:
            database.shifts.close_shift(shift_id, current.closed_at)

    with database.search_index_suspended():  # rebuilt once at the end: far cheaper than per row
        for item in history:
            if isinstance(item, ShiftPlan):
                close(plan, real_id)
                plan = item
                real_id = database.shifts.open_shift(gate.id, item.leader_id, item.opened_at, item.label).id
                shifts += 1
                continue
            batch.append(dataclasses.replace(item, shift_id=real_id))
            if len(batch) >= _BATCH:
                flush()
        close(plan, real_id)
    database.refresh_statistics()
    return DemoSummary(shifts=shifts, passages=written)
