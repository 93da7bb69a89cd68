"""Handover content: the counts a shift leader signs, the hourly table, the anomaly list."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta, timezone

import pytest

from checkpoint.domain.handover import Anomaly, build_handover, mask_name
from checkpoint.domain.records import (
    CodeColour,
    Direction,
    Gate,
    Itinerary,
    Outcome,
    Passage,
    PersonCheck,
    Reason,
    Shift,
    SubjectKind,
    Vehicle,
)

CST = timezone(timedelta(hours=8))
STATION = uuid.uuid4()
GATE = Gate(id=uuid.uuid4(), station_id=STATION, name="G4 京港澳高速 长沙出口", profile="highway-exit")
OPERATOR = uuid.uuid4()
START = datetime(2026, 11, 22, 8, 0, tzinfo=CST)
END = datetime(2026, 11, 22, 16, 0, tzinfo=CST)
SHIFT = Shift(id=uuid.uuid4(), gate_id=GATE.id, leader_id=OPERATOR, opened_at=START, label="白班")

_seq = iter(range(1, 1_000_000))


def person(
    name: str = "张小三",
    colour: CodeColour = CodeColour.GREEN,
    itinerary: Itinerary = Itinerary.GREEN,
    temperature: float | None = 36.5,
) -> PersonCheck:
    return PersonCheck(name=name, code_colour=colour, itinerary=itinerary, temperature=temperature)


def passage(
    at: datetime,
    *persons: PersonCheck,
    direction: Direction = Direction.IN,
    outcome: Outcome = Outcome.PASS,
    plate: str | None = "湘A12345",
    corrects: uuid.UUID | None = None,
    gate_id: uuid.UUID = GATE.id,
) -> Passage:
    return Passage(
        uuid=uuid.uuid4(),
        station_id=STATION,
        seq=next(_seq),
        at=at,
        direction=direction,
        subject=SubjectKind.VEHICLE if plate is not None else SubjectKind.PEDESTRIAN,
        outcome=outcome,
        gate_id=gate_id,
        operator_id=OPERATOR,
        shift_id=SHIFT.id,
        reasons=(Reason.ALL_CHECKS_CLEAR,) if outcome is Outcome.PASS else (Reason.OPERATOR_DECISION,),
        rules_version="highway-exit@1",
        persons=persons or (person(),),
        vehicle=Vehicle(plate=plate, kind="car") if plate is not None else None,
        note="",
        corrects=corrects,
        correction_reason="plate typo" if corrects else "",
        recorded_at=at,
        hash="x",
    )


def at(hour: int, minute: int = 0) -> datetime:
    return START.replace(hour=hour, minute=minute)


def test_summary_counts_vehicles_pedestrians_persons_and_directions() -> None:
    passages = [
        passage(at(8, 5), person(), person("李四"), person("王五")),
        passage(at(9, 10), person(), direction=Direction.OUT),
        passage(at(9, 20), person("赵六"), plate=None),
        passage(at(15, 59), person(), person(), plate=None, direction=Direction.OUT),
    ]
    s = build_handover(
        passages, gate=GATE, window_start=START, window_end=END, shift=SHIFT, generated_at=END
    ).summary
    assert (s.passages, s.vehicles, s.pedestrians, s.persons) == (4, 2, 2, 7)
    assert (s.passages_in, s.passages_out, s.persons_in, s.persons_out) == (2, 2, 4, 3)
    assert s.by_outcome() == {Outcome.PASS: 4, Outcome.TURN_BACK: 0, Outcome.HOLD: 0}


def test_outcomes_colours_and_fever_threshold_edges() -> None:
    passages = [
        passage(at(8), person(temperature=37.2), outcome=Outcome.PASS),
        passage(at(8, 1), person(temperature=37.3), person(temperature=None), outcome=Outcome.HOLD),
        passage(at(8, 2), person(colour=CodeColour.YELLOW), outcome=Outcome.TURN_BACK),
        passage(at(8, 3), person(colour=CodeColour.RED, temperature=38.4), outcome=Outcome.HOLD),
        passage(at(8, 4), person(colour=CodeColour.NONE, temperature=None), outcome=Outcome.TURN_BACK),
    ]
    report = build_handover(
        passages, gate=GATE, window_start=START, window_end=END, shift=SHIFT, generated_at=END
    )
    s = report.summary
    assert s.fever == 2  # 37.3 counts, 37.2 does not, a missing temperature does not
    assert s.by_outcome() == {Outcome.PASS: 1, Outcome.TURN_BACK: 2, Outcome.HOLD: 2}
    assert s.by_colour() == {
        CodeColour.GREEN: 3,
        CodeColour.YELLOW: 1,
        CodeColour.RED: 1,
        CodeColour.NONE: 1,
    }
    assert report.rows[1].max_temperature == 37.3
    assert report.rows[4].max_temperature is None


def test_a_corrected_passage_keeps_its_row_but_only_the_latest_version_counts() -> None:
    original = passage(at(10), person(), person(), plate="湘A1234S")
    fixed = passage(at(10), person(), person(), plate="湘A12345", corrects=original.uuid)
    refixed = passage(at(10, 1), person(), person(), person(), plate="湘A12345", corrects=original.uuid)
    other = passage(at(11), person())
    report = build_handover(
        [other, refixed, original, fixed],  # any input order
        gate=GATE,
        window_start=START,
        window_end=END,
        shift=SHIFT,
        generated_at=END,
    )
    by_uuid = {r.uuid: r for r in report.rows}
    assert by_uuid[original.uuid].corrected_by == fixed.uuid
    assert by_uuid[fixed.uuid].corrected_by == refixed.uuid
    assert by_uuid[refixed.uuid].is_current
    assert by_uuid[refixed.uuid].corrects == original.uuid
    assert len(report.rows) == 4
    assert report.summary.passages == 2
    assert report.summary.persons == 4  # 3 from the last correction + 1
    assert report.summary.corrections == 2


def test_a_correction_can_change_an_anomaly_away() -> None:
    wrong = passage(at(9), person(colour=CodeColour.RED), outcome=Outcome.HOLD)
    right = passage(at(9), person(colour=CodeColour.GREEN), corrects=wrong.uuid)
    report = build_handover(
        [wrong, right], gate=GATE, window_start=START, window_end=END, shift=SHIFT, generated_at=END
    )
    assert report.anomalies == ()
    assert report.summary.held == 0
    assert report.summary.persons_red == 0


def test_rows_are_in_time_order_and_outside_window_or_other_gate_are_skipped() -> None:
    inside = [passage(at(12)), passage(at(8)), passage(at(15, 30))]
    outside = [
        passage(START - timedelta(seconds=1)),
        passage(END),  # the window's end is exclusive
        passage(at(9), gate_id=uuid.uuid4()),
    ]
    report = build_handover(
        iter(inside + outside), gate=GATE, window_start=START, window_end=END, shift=SHIFT, generated_at=END
    )
    assert [r.at for r in report.rows] == [at(8), at(12), at(15, 30)]


def test_hourly_buckets_cover_every_hour_of_the_window() -> None:
    passages = [
        passage(at(8, 0), person(), person()),
        passage(at(8, 59), person()),
        passage(at(9, 0), person()),
        passage(at(15, 59), person(), person(), person()),
    ]
    report = build_handover(
        passages, gate=GATE, window_start=START, window_end=END, shift=SHIFT, generated_at=END
    )
    assert [h.start.hour for h in report.hourly] == list(range(8, 16))
    assert [h.passages for h in report.hourly] == [2, 1, 0, 0, 0, 0, 0, 1]
    assert [h.persons for h in report.hourly] == [3, 1, 0, 0, 0, 0, 0, 3]
    assert all(h.start.utcoffset() == timedelta(hours=8) for h in report.hourly)


def test_hourly_buckets_follow_the_window_timezone_even_for_utc_passages() -> None:
    start = datetime(2026, 11, 22, 8, 30, tzinfo=CST)
    utc_time = datetime(2026, 11, 22, 1, 45, tzinfo=UTC)  # 09:45 in CST
    report = build_handover(
        [passage(utc_time)],
        gate=GATE,
        window_start=start,
        window_end=start + timedelta(hours=2),
        shift=None,
        generated_at=END,
    )
    assert [h.start.hour for h in report.hourly] == [8, 9, 10]
    assert [h.passages for h in report.hourly] == [0, 1, 0]


def test_anomalies_list_turn_backs_holds_codes_itineraries_and_fever() -> None:
    clear = passage(at(8))
    starred = passage(at(8, 1), person(itinerary=Itinerary.STARRED), outcome=Outcome.TURN_BACK)
    other_card = passage(at(8, 2), person(itinerary=Itinerary.OTHER), outcome=Outcome.TURN_BACK)
    fever_passed = passage(at(8, 3), person(temperature=37.5))  # operator let them pass after a recheck
    red = passage(at(8, 4), person(colour=CodeColour.RED), outcome=Outcome.HOLD)
    yellow = passage(at(8, 5), person(), person(colour=CodeColour.YELLOW), outcome=Outcome.TURN_BACK)
    report = build_handover(
        [clear, starred, other_card, fever_passed, red, yellow],
        gate=GATE,
        window_start=START,
        window_end=END,
        shift=SHIFT,
        generated_at=END,
    )
    assert [(r.uuid, r.anomalies) for r in report.anomalies] == [
        (starred.uuid, (Anomaly.TURNED_BACK, Anomaly.ITINERARY_STARRED)),
        (other_card.uuid, (Anomaly.TURNED_BACK, Anomaly.ITINERARY_OTHER)),
        (fever_passed.uuid, (Anomaly.FEVER,)),
        (red.uuid, (Anomaly.HELD, Anomaly.CODE_RED)),
        (yellow.uuid, (Anomaly.TURNED_BACK, Anomaly.CODE_YELLOW)),
    ]


def test_names_are_masked_by_default_and_plain_on_request() -> None:
    p = passage(at(8), person("张小三"), person("李四"))
    masked = build_handover([p], gate=GATE, window_start=START, window_end=END, shift=None, generated_at=END)
    plain = build_handover(
        [p], gate=GATE, window_start=START, window_end=END, shift=None, generated_at=END, mask_names=False
    )
    assert masked.rows[0].names == ("张*三", "李*")
    assert plain.rows[0].names == ("张小三", "李四")


@pytest.mark.parametrize(
    ("name", "masked"),
    [
        ("", ""),
        ("张", "张"),
        ("李四", "李*"),
        ("欧阳小明", "欧**明"),
        ("Li Lei", "L****i"),
        ("张*三", "张*三"),
    ],
)
def test_mask_name(name: str, masked: str) -> None:
    assert mask_name(name) == masked


def test_an_empty_window_gives_zero_counts() -> None:
    report = build_handover([], gate=GATE, window_start=START, window_end=END, shift=SHIFT, generated_at=END)
    assert report.summary.passages == 0
    assert report.rows == () and report.anomalies == ()
    assert len(report.hourly) == 8


def test_bad_input_is_refused() -> None:
    naive = datetime(2026, 11, 22, 8, 0)
    with pytest.raises(ValueError, match="timezone-aware"):
        build_handover([], gate=GATE, window_start=naive, window_end=END, shift=None, generated_at=END)
    with pytest.raises(ValueError, match="empty window"):
        build_handover([], gate=GATE, window_start=END, window_end=START, shift=None, generated_at=END)
    with pytest.raises(ValueError, match="non-final"):
        build_handover(
            [passage(at(8), outcome=Outcome.RECHECK)],
            gate=GATE,
            window_start=START,
            window_end=END,
            shift=None,
            generated_at=END,
        )
