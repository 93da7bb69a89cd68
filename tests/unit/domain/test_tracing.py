"""Tracing inputs are checked before any query; the anomaly hand-off lists the right persons, masked."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from checkpoint.domain.anomalies import (
    anomaly_handoff,
    current_passages,
    mask_id_number,
    mask_phone,
    person_rows,
)
from checkpoint.domain.handover import Anomaly
from checkpoint.domain.records import (
    CodeColour,
    Direction,
    Itinerary,
    Outcome,
    Passage,
    PersonCheck,
    Reason,
    SubjectKind,
    Vehicle,
)
from checkpoint.domain.tracing import TraceProblem, TraceQueryError, passage_json, trace_query
from checkpoint.domain.validators import IdProblem, PlateProblem

TODAY = date(2026, 11, 22)
T0 = datetime(2026, 11, 22, 8, 0, tzinfo=UTC)
GATE = uuid.UUID(int=2)
VALID_ID = "11010519491231002X"


def passage(
    seq: int,
    persons: tuple[PersonCheck, ...],
    outcome: Outcome = Outcome.PASS,
    *,
    reasons: tuple[Reason, ...] = (),
    plate: str = "湘A12345",
    corrects: uuid.UUID | None = None,
) -> Passage:
    return Passage(
        uuid=uuid.UUID(int=1000 + seq),
        station_id=uuid.UUID(int=1),
        seq=seq,
        at=T0 + timedelta(minutes=seq),
        direction=Direction.IN,
        subject=SubjectKind.VEHICLE,
        outcome=outcome,
        gate_id=GATE,
        operator_id=uuid.UUID(int=3),
        shift_id=None,
        reasons=reasons,
        rules_version="test",
        persons=persons,
        vehicle=Vehicle(plate=plate, kind="car", origin="长沙", destination="武汉"),
        note="",
        corrects=corrects,
        correction_reason="",
        recorded_at=T0,
        hash="",
    )


def person(name: str = "张小三", **changes: object) -> PersonCheck:
    base = PersonCheck(
        name=name,
        id_number=VALID_ID,
        phone="13812345678",
        code_colour=CodeColour.GREEN,
        itinerary=Itinerary.GREEN,
        temperature=36.5,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


# -- validation ------------------------------------------------------------------------------------


def test_plate_and_id_are_normalised_for_the_exact_query() -> None:
    query = trace_query(
        plate=" 湘a·12345 ", id_number="110105 19491231 002x", phone="+86 138-1234-5678", today=TODAY
    )
    assert query.plate == "湘A12345"
    assert query.id_number == VALID_ID
    assert query.phone == "13812345678"


@pytest.mark.parametrize(
    ("kwargs", "problem", "detail"),
    [
        ({"plate": "ABC123"}, TraceProblem.BAD_PLATE, PlateProblem.BAD_PROVINCE),
        ({"plate": "湘A1234"}, TraceProblem.BAD_PLATE, PlateProblem.BAD_LENGTH),
        ({"id_number": "110105194912310021"}, TraceProblem.BAD_ID_NUMBER, IdProblem.BAD_CHECK_DIGIT),
        ({"id_number": "1101051949"}, TraceProblem.BAD_ID_NUMBER, IdProblem.BAD_LENGTH),
        ({"phone": "12345"}, TraceProblem.BAD_PHONE, None),
        ({}, TraceProblem.NO_CRITERIA, None),
        ({"name": "   "}, TraceProblem.NO_CRITERIA, None),
    ],
)
def test_malformed_input_is_refused_with_the_problem(
    kwargs: dict[str, Any], problem: TraceProblem, detail: IdProblem | PlateProblem | None
) -> None:
    with pytest.raises(TraceQueryError) as caught:
        trace_query(today=TODAY, **kwargs)
    assert caught.value.problem is problem
    if detail is not None:
        assert caught.value.detail is detail
        assert str(detail.value).replace("_", " ") in str(caught.value)
    assert "\n" not in str(caught.value)


def test_window_must_be_aware_and_not_empty() -> None:
    with pytest.raises(TraceQueryError) as caught:
        trace_query(name="张三", since=T0, until=T0, today=TODAY)
    assert caught.value.problem is TraceProblem.EMPTY_WINDOW
    with pytest.raises(TraceQueryError) as caught:
        trace_query(name="张三", since=T0.replace(tzinfo=None), today=TODAY)
    assert caught.value.problem is TraceProblem.NAIVE_TIME


def test_audit_description_masks_identifiers() -> None:
    query = trace_query(id_number=VALID_ID, phone="13812345678", name="张小三", today=TODAY)
    text = query.describe()
    assert VALID_ID not in text and "1101**********002X" in text
    assert "138****5678" in text and "张*三" in text


# -- masking and rows ------------------------------------------------------------------------------


def test_masks() -> None:
    assert mask_id_number("430102199001011234") == "4301**********1234"
    assert mask_phone("13812345678") == "138****5678"
    assert mask_id_number("") == "" and mask_phone("") == ""
    assert mask_phone("110") == "***"


def test_json_is_masked_unless_asked() -> None:
    found = passage(1, (person(),))
    masked = passage_json(found, gate_name="G4")
    assert masked["persons"][0]["name"] == "张*三"
    assert masked["persons"][0]["id_number"] == "1101**********002X"
    assert masked["plate"] == "湘A12345" and masked["gate"] == "G4" and masked["outcome"] == "pass"
    full = passage_json(found, mask=False)
    assert full["persons"][0]["id_number"] == VALID_ID and full["persons"][0]["phone"] == "13812345678"


def test_empty_vehicle_still_gives_one_row() -> None:
    (row,) = person_rows(passage(1, (), Outcome.TURN_BACK))
    assert row.position == -1 and row.plate == "湘A12345" and row.anomalies == (Anomaly.TURNED_BACK,)


# -- the hand-off list -----------------------------------------------------------------------------


def test_handoff_lists_every_occupant_of_a_turned_back_car_and_only_anomalous_passers() -> None:
    passages = [
        passage(1, (person("王五"), person("赵六")), Outcome.TURN_BACK, reasons=(Reason.CODE_YELLOW,)),
        passage(2, (person("钱七"), person("孙八", code_colour=CodeColour.YELLOW))),
        passage(3, (person("周九", temperature=37.6),)),
        passage(4, (person("吴十", itinerary=Itinerary.STARRED),)),
        passage(5, (person("郑一"),), reasons=(Reason.WATCHLIST_NOTIFY,)),
        passage(6, (person("冯二"),)),  # all clear: not listed
    ]
    rows = anomaly_handoff(passages, mask=False)
    assert [r.name for r in rows] == ["王五", "赵六", "孙八", "周九", "吴十", "郑一"]
    assert rows[0].anomalies == (Anomaly.TURNED_BACK,)
    assert rows[2].anomalies == (Anomaly.CODE_YELLOW,)
    assert rows[3].anomalies == (Anomaly.FEVER,)
    assert rows[4].anomalies == (Anomaly.ITINERARY_STARRED,)
    assert rows[5].watchlist_hit and rows[5].anomalies == ()
    assert rows[0].id_number == VALID_ID and rows[0].origin == "长沙"


def test_handoff_masks_by_default() -> None:
    (row,) = anomaly_handoff([passage(1, (person(),), Outcome.HOLD)])
    assert (row.name, row.id_number, row.phone) == ("张*三", "1101**********002X", "138****5678")


def test_a_corrected_passage_counts_in_its_latest_version_only() -> None:
    wrong = passage(1, (person(code_colour=CodeColour.RED),), Outcome.HOLD)
    fixed = passage(2, (person(),), Outcome.PASS, corrects=wrong.uuid)
    assert current_passages([fixed, wrong]) == [fixed]
    assert anomaly_handoff([wrong, fixed]) == []
