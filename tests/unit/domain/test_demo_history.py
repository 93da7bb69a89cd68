"""The synthetic history: realistic proportions, deterministic per seed, time-ordered, inside its shifts."""

from __future__ import annotations

import itertools
import re
import uuid
from collections import Counter
from datetime import datetime, timedelta, timezone

import pytest

from checkpoint.domain.demo_history import (
    COMPOUND_GATE,
    HIGHWAY_EXIT,
    HistoryItem,
    ShiftPlan,
    generate_history,
    resident_id_check_digit,
)
from checkpoint.domain.records import (
    CodeColour,
    Direction,
    Itinerary,
    Outcome,
    PassageDraft,
    Reason,
    SubjectKind,
)

CST = timezone(timedelta(hours=8))
END = datetime(2026, 11, 22, 13, 25, tzinfo=CST)
GATE = uuid.UUID(int=7)
OPERATORS = [uuid.UUID(int=i) for i in (11, 12, 13)]
PLATE = re.compile(
    r"^[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z]([0-9A-HJ-NP-Z]{5}|[DF][0-9]{5})$"
)
ID_NUMBER = re.compile(r"^\d{17}[\dX]$")


def history(days: int = 7, seed: int = 1, profile: str = HIGHWAY_EXIT) -> list[HistoryItem]:
    return list(
        generate_history(days=days, end=END, gate_id=GATE, operator_ids=OPERATORS, seed=seed, profile=profile)
    )


@pytest.fixture(scope="module")
def week() -> list[HistoryItem]:
    return history()


def drafts(items: list[HistoryItem]) -> list[PassageDraft]:
    return [i for i in items if isinstance(i, PassageDraft)]


def test_three_complete_shifts_a_day_ending_at_the_last_boundary(week: list[HistoryItem]) -> None:
    plans = [i for i in week if isinstance(i, ShiftPlan)]
    assert len(plans) == 21
    assert plans[-1].closed_at == datetime(2026, 11, 22, 8, 0, tzinfo=CST)
    assert plans[0].opened_at == datetime(2026, 11, 15, 8, 0, tzinfo=CST)
    assert {p.opened_at.hour for p in plans} == {0, 8, 16}
    assert all(p.closed_at - p.opened_at == timedelta(hours=8) for p in plans)
    assert all(a.closed_at == b.opened_at for a, b in itertools.pairwise(plans))
    assert len({p.id for p in plans}) == 21
    assert {p.leader_id for p in plans} == set(OPERATORS)


def test_passages_follow_their_shift_plan_in_time_order_and_inside_it(week: list[HistoryItem]) -> None:
    current: ShiftPlan | None = None
    last = datetime.min.replace(tzinfo=CST)
    for item in week:
        if isinstance(item, ShiftPlan):
            current = item
            continue
        assert current is not None, "a passage came before any shift"
        assert item.shift_id == current.id
        assert current.opened_at <= item.at < current.closed_at
        assert item.at >= last
        assert item.gate_id == GATE
        assert item.operator_id in OPERATORS
        last = item.at


def test_the_same_seed_gives_the_same_history_and_another_seed_another() -> None:
    assert history(days=2, seed=5) == history(days=2, seed=5)
    assert drafts(history(days=2, seed=5))[0] != drafts(history(days=2, seed=6))[0]


def test_highway_proportions(week: list[HistoryItem]) -> None:
    passages = drafts(week)
    persons = [p for d in passages for p in d.persons]
    assert 7_000 < len(passages) < 14_000  # about 1,500 a day
    subjects = Counter(d.subject for d in passages)
    assert subjects[SubjectKind.PEDESTRIAN] == 0
    kinds = Counter(d.vehicle.kind for d in passages if d.vehicle)
    assert 0.75 < kinds["car"] / len(passages) < 0.9
    assert kinds["truck"] > 0 and kinds["bus"] > 0
    directions = Counter(d.direction for d in passages)
    assert 0.52 < directions[Direction.IN] / len(passages) < 0.58

    colours = Counter(p.code_colour for p in persons)
    assert 0.95 < colours[CodeColour.GREEN] / len(persons) < 0.97
    assert 0.02 < colours[CodeColour.YELLOW] / len(persons) < 0.04
    assert 0 < colours[CodeColour.RED] / len(persons) < 0.005
    itineraries = Counter(p.itinerary for p in persons)
    assert 0.01 < itineraries[Itinerary.STARRED] / len(persons) < 0.03
    ages = Counter(p.test_age_days for p in persons)
    assert sum(ages[d] for d in (0, 1, 2)) / len(persons) > 0.95
    assert ages[None] > 0
    temperatures = [p.temperature for p in persons if p.temperature is not None]
    normal = [t for t in temperatures if t < 37.3]
    assert 36.2 < sum(normal) / len(normal) < 37.0
    assert 0 < len(temperatures) - len(normal) < 0.005 * len(temperatures)


def test_highway_records_look_real(week: list[HistoryItem]) -> None:
    passages = drafts(week)
    plates = [d.vehicle.plate for d in passages if d.vehicle]
    assert all(PLATE.match(p) for p in plates), [p for p in plates if not PLATE.match(p)][:5]
    assert any(len(p) == 8 for p in plates)  # new-energy plates
    persons = [p for d in passages[:500] for p in d.persons]
    assert all(2 <= len(p.name) <= 3 and not p.name.isascii() for p in persons)
    assert all(ID_NUMBER.match(p.id_number) and p.id_number[-1] == resident_id_check_digit(p.id_number[:17])
               for p in persons)  # fmt: skip
    assert all(d.vehicle and d.vehicle.origin and d.vehicle.destination for d in passages[:500])
    assert all(sum(p.is_driver for p in d.persons) == 1 for d in passages[:500])


def test_outcomes_follow_the_highway_rule(week: list[HistoryItem]) -> None:
    for d in drafts(week):
        colours = {p.code_colour for p in d.persons}
        fever = any(p.temperature is not None and p.temperature >= 37.3 for p in d.persons)
        if CodeColour.RED in colours or fever:
            assert d.outcome is Outcome.HOLD
            assert (Reason.CODE_RED in d.reasons) or (Reason.FEVER in d.reasons)
        elif (
            CodeColour.YELLOW in colours
            or CodeColour.NONE in colours
            or any(p.test_age_days is None or p.test_age_days > 2 for p in d.persons)
            or any(p.itinerary in (Itinerary.STARRED, Itinerary.OTHER) for p in d.persons)
        ):
            assert d.outcome is Outcome.TURN_BACK
            assert Reason.ALL_CHECKS_CLEAR not in d.reasons and d.reasons
        else:
            assert d.outcome is Outcome.PASS
            assert d.reasons[0] is Reason.ALL_CHECKS_CLEAR
        if CodeColour.YELLOW in colours:
            assert Reason.CODE_YELLOW in d.reasons


def test_corrections_point_back_at_an_earlier_passage(week: list[HistoryItem]) -> None:
    passages = drafts(week)
    seen: set[uuid.UUID] = set()
    corrections = 0
    for d in passages:
        if d.corrects is not None:
            corrections += 1
            assert d.corrects in seen
            assert Reason.CORRECTION in d.reasons
            assert d.correction_reason
        seen.add(d.uuid)
    assert 0 < corrections < 0.01 * len(passages)
    assert len(seen) == len(passages)  # every record uuid unique


def test_traffic_has_a_night_trough_and_day_peaks(week: list[HistoryItem]) -> None:
    by_hour = Counter(d.at.hour for d in drafts(week))
    assert by_hour[3] * 5 < by_hour[9]
    assert by_hour[3] * 5 < by_hour[18]


def test_compound_is_mostly_residents_on_foot_who_leave_mornings_and_return_evenings() -> None:
    passages = drafts(history(days=7, profile=COMPOUND_GATE))
    subjects = Counter(d.subject for d in passages)
    assert subjects[SubjectKind.PEDESTRIAN] / len(passages) > 0.8
    assert subjects[SubjectKind.VEHICLE] > 0
    morning = Counter(d.direction for d in passages if 6 <= d.at.hour < 10)
    evening = Counter(d.direction for d in passages if 17 <= d.at.hour < 21)
    assert morning[Direction.OUT] > 2 * morning[Direction.IN]
    assert evening[Direction.IN] > 2 * evening[Direction.OUT]
    names = Counter(p.name for d in passages for p in d.persons)
    assert names.most_common(1)[0][1] > 10  # the same residents come and go


def test_scale_multiplies_traffic_and_zero_days_yield_nothing() -> None:
    small = len(drafts(history(days=1)))
    large = len(
        drafts(list(generate_history(days=1, end=END, gate_id=GATE, operator_ids=OPERATORS, seed=1, scale=4)))
    )
    assert 3 * small < large < 5 * small
    assert history(days=0) == []


def test_the_stream_is_lazy() -> None:
    stream = generate_history(days=100_000, end=END, gate_id=GATE, operator_ids=OPERATORS)
    first = list(itertools.islice(stream, 50))
    assert isinstance(first[0], ShiftPlan)
    assert all(isinstance(i, PassageDraft) for i in first[1:])


def test_bad_arguments_are_refused() -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        generate_history(days=1, end=datetime(2026, 1, 1), gate_id=GATE, operator_ids=OPERATORS)
    with pytest.raises(ValueError, match="operator"):
        generate_history(days=1, end=END, gate_id=GATE, operator_ids=[])
    with pytest.raises(ValueError, match="profile"):
        generate_history(days=1, end=END, gate_id=GATE, operator_ids=OPERATORS, profile="airport")
    with pytest.raises(ValueError, match="days"):
        generate_history(days=-1, end=END, gate_id=GATE, operator_ids=OPERATORS)


@pytest.mark.parametrize(("first17", "check"), [("11010519491231002", "X"), ("44030519900101001", "8")])
def test_resident_id_check_digit(first17: str, check: str) -> None:
    assert resident_id_check_digit(first17) == check
